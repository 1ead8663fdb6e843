import { instant, object, oneOf, ORGS, page, text, type Schema } from './schema-parts';

/** An item of `GET /sla/at-risk`. */
export const AT_RISK_ITEM: Schema = object({
  caseId: text(),
  org: oneOf([...ORGS, 'triage']),
  rule: oneOf(['first-contact', 'triage'], '`triage`: a triage case received more than triageAlertHours ago (city coordinators, v1.1)'),
  firstContactDueAt: instant('For rule first-contact'),
  receivedAt: instant('For rule triage'),
  assigneeId: text(),
}, undefined, ['rule', 'firstContactDueAt', 'receivedAt', 'assigneeId']);

export const AT_RISK_PAGE: Schema = page(AT_RISK_ITEM);
