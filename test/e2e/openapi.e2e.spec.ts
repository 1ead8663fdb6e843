import request from 'supertest';
import { startEmbeddedService, type RunningService } from '../support/app';

type Schema = { type?: string; properties?: Record<string, Schema>; items?: Schema; [key: string]: unknown };

/** The answer schema of one operation of the served document. */
function answerOf(document: any, path: string, method: string, status = '200'): Schema {
  const schema = document.paths[path]?.[method]?.responses?.[status]?.content?.['application/json']?.schema as Schema | undefined;
  if (!schema) throw new Error(`the document has no ${status} JSON answer for ${method.toUpperCase()} ${path}`);
  return schema;
}

/** The document's named schemas, for `$ref`s (answers described by DTO classes point there). */
let components: Record<string, Schema> = {};

/** A schema with its `$ref` (or a lone `allOf`, as Nest writes a nullable reference) followed. */
function resolved(schema: Schema | undefined): Schema | undefined {
  if (typeof schema?.$ref === 'string') return resolved(components[schema.$ref.replace('#/components/schemas/', '')]);
  const allOf = schema?.allOf as Schema[] | undefined;
  return allOf?.length === 1 ? resolved(allOf[0]) : schema;
}

/** The schema at a dotted path of property names; an array stands for its items. */
function schemaAt(schema: Schema, path = ''): Schema | undefined {
  const unwrap = (at: Schema | undefined) => {
    const inner = resolved(at);
    return inner?.type === 'array' ? resolved(inner.items) : inner;
  };
  let at: Schema | undefined = unwrap(schema);
  for (const step of path.split('.').filter(Boolean)) at = unwrap(at?.properties?.[step]);
  return at;
}

/** The property names of a schema at a dotted path of property names. */
function fieldsAt(schema: Schema, path = ''): string[] {
  return Object.keys(schemaAt(schema, path)?.properties ?? {});
}

function examplesIn(value: unknown, where = ''): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => [
    ...(key === 'example' || key === 'examples' ? [`${where}.${key}`] : []),
    ...examplesIn(inner, `${where}.${key}`),
  ]);
}

const V1_LIST_FIELDS = ['caseId', 'org', 'status', 'source', 'receivedAt', 'assigneeId', 'slaState', 'linkSuggested'];

describe('the OpenAPI document shows the answers of contract v1.1', () => {
  let service: RunningService;
  let document: any;

  beforeAll(async () => {
    service = await startEmbeddedService();
    const response = await request(service.app.getHttpServer()).get('/api/docs-json');
    expect(response.status).toBe(200);
    document = response.body;
    components = document.components?.schemas ?? {};
  });
  afterAll(() => service.stop());

  it('describes the case view with call planning, contact safety, the Police report and the survey', () => {
    const view = answerOf(document, '/api/v1/cases/{id}', 'get');
    expect(fieldsAt(view)).toEqual(expect.arrayContaining([
      ...V1_LIST_FIELDS, 'person', 'crime', 'linkedFrom', 'linkedTo', 'history',
      'reachAttempts', 'nextAttempt', 'contactSafety', 'policeReportNumber', 'note', 'survey',
    ]));
    expect(fieldsAt(view, 'reachAttempts')).toEqual(expect.arrayContaining(['phone', 'evening', 'required', 'dueAt', 'met']));
    expect(fieldsAt(view, 'reachAttempts.required')).toEqual(expect.arrayContaining(['phone', 'evening']));
    expect(fieldsAt(view, 'nextAttempt')).toEqual(expect.arrayContaining(['from', 'to', 'evening']));
    expect(fieldsAt(view, 'contactSafety')).toEqual(expect.arrayContaining(['mayLeaveMessage', 'safeHours', 'note']));
    expect(fieldsAt(view, 'contactSafety.safeHours')).toEqual(expect.arrayContaining(['from', 'to']));
    expect(fieldsAt(view, 'survey')).toEqual(expect.arrayContaining(['link', 'answered']));
    expect(fieldsAt(answerOf(document, '/api/v1/cases/{id}/closure', 'post'))).toContain('survey');
  });

  it('describes the worklist item', () => {
    const list = answerOf(document, '/api/v1/cases', 'get');
    expect(fieldsAt(list)).toEqual(expect.arrayContaining(['items', 'nextCursor']));
    expect(fieldsAt(list, 'items')).toEqual(expect.arrayContaining(V1_LIST_FIELDS));
  });

  it('describes the report with satisfaction, trainings and the previous period', () => {
    const report = answerOf(document, '/api/v1/statistics/report', 'get');
    expect(fieldsAt(report)).toEqual(expect.arrayContaining(['period', 'previousPeriod', 'parties', 'total']));
    expect(fieldsAt(report, 'previousPeriod')).toEqual(['from', 'to']);
    expect(fieldsAt(report, 'parties')).toEqual(expect.arrayContaining([
      'org', 'handledCases', 'directContacts', 'actions', 'supportPersons', 'linksReceived', 'crimeTypes', 'flags', 'sla',
      'satisfaction', 'trainings', 'previous',
    ]));
    expect(fieldsAt(report, 'parties.satisfaction')).toEqual(['responses', 'average', 'byQuestion']);
    expect(fieldsAt(report, 'parties.satisfaction.byQuestion')).toEqual(['bemotande', 'information', 'hjalp', 'rekommendera']);
    expect(fieldsAt(report, 'parties.trainings')).toEqual(['basic', 'further']);
    expect(fieldsAt(report, 'parties.previous')).toEqual(['handledCases', 'directContacts', 'actions', 'supportPersons', 'linksReceived']);
  });

  it('describes the roster with languages, open cases and basic training, and the at-risk item with its rule', () => {
    const roster = answerOf(document, '/api/v1/orgs/{org}/volunteers', 'get');
    expect(fieldsAt(roster, 'items')).toEqual(expect.arrayContaining([
      'volunteerId', 'displayName', 'languages', 'activeFrom', 'activeUntil', 'openCases', 'basicTrainingOn',
    ]));
    const atRisk = answerOf(document, '/api/v1/sla/at-risk', 'get');
    expect(fieldsAt(atRisk, 'items')).toEqual(expect.arrayContaining(['caseId', 'org', 'rule']));
    expect(schemaAt(atRisk, 'items')?.properties?.rule?.enum).toContain('triage');
  });

  it('shows no example in any answer, and no phone or identity number anywhere', () => {
    const answers = Object.entries(document.paths as Record<string, Record<string, { responses?: unknown }>>)
      .flatMap(([path, operations]) => Object.entries(operations).map(([method, operation]) => [`${method} ${path}`, operation.responses] as const));
    expect(answers.flatMap(([operation, responses]) => examplesIn(responses, operation))).toEqual([]);
    const text = JSON.stringify(document);
    expect(text).not.toMatch(/\+46|\b07\d[\s-]?\d{3}|\b(19|20)\d{6}[-+]?\d{4}\b/);
  });
});
