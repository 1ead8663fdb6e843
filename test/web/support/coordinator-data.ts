import request from 'supertest';
import { handoverBody } from '../../support/handovers';
import { bearer, tokenFor } from '../../support/tokens';
import type { WebService } from './web-service';

const DAY_MS = 24 * 60 * 60_000;

/** The data the coordinator tests make through the public API, as the Police and a coordinator would. */
export class CoordinatorData {
  private police: Record<string, string> = {};
  private coordinator: Record<string, string> = {};

  constructor(private readonly service: WebService, private readonly now: () => Date, readonly org = 'boj-vasterort') {}

  async init(): Promise<this> {
    this.police = bearer(await tokenFor('police-1', 'city', ['police-integration']));
    this.coordinator = bearer(await tokenFor('coord-api', this.org, ['coordinator']));
    return this;
  }

  private http() {
    return request(this.service.app.getHttpServer());
  }

  async volunteer(displayName: string, languages: string[], extra: Record<string, unknown> = {}): Promise<string> {
    const answer = await this.http().post(`/api/v1/orgs/${this.org}/volunteers`).set(this.coordinator)
      .send({ displayName, gender: 'female', languages, activeFrom: '2025-01-01', ...extra });
    expect(answer.status).toBe(201);
    return answer.body.volunteerId as string;
  }

  /** A Police handover to the jour whose first contact falls due `dueInMs` from now (3 days after receipt, June: no DST). */
  async caseDueIn(dueInMs: number, overrides: Record<string, unknown> = {}): Promise<string> {
    const handedOverAt = new Date(this.now().getTime() + dueInMs - 3 * DAY_MS).toISOString();
    return this.handover({ handedOverAt, ...overrides });
  }

  async handover(overrides: Record<string, unknown>): Promise<string> {
    const answer = await this.http().post('/api/v1/handovers').set(this.police).send(handoverBody(overrides));
    expect(answer.status).toBe(201);
    return answer.body.caseId as string;
  }

  async assign(caseId: string, volunteerId: string | null): Promise<void> {
    const answer = await this.http().post(`/api/v1/cases/${caseId}/assignment`).set(this.coordinator).send({ volunteerId });
    expect(answer.status).toBe(200);
  }

  async getCase(caseId: string, who: Record<string, string> = this.coordinator): Promise<Record<string, any>> {
    const answer = await this.http().get(`/api/v1/cases/${caseId}`).set(who);
    expect(answer.status).toBe(200);
    return answer.body;
  }

  async breachedCaseIds(): Promise<string[]> {
    const answer = await this.http().get('/api/v1/sla/breaches').set(this.coordinator);
    return (answer.body.items as { caseId: string }[]).map((b) => b.caseId);
  }

  async as(sub: string, org: string, role: 'coordinator' | 'staff'): Promise<Record<string, string>> {
    return bearer(await tokenFor(sub, org, [role]));
  }
}
