import * as api from '@referral/case';

describe('@referral/case public API', () => {
  it('exports the deciders, the policies in force and the pure helpers', () => {
    expect(api.caseDecider.initialState).toEqual({ status: 'none' });
    expect(api.volunteerDecider.initialState).toEqual({ status: 'none' });
    expect(api.defaultCoveragePolicy.version).toBe('coverage.v1');
    expect(api.defaultSlaPolicy.version).toBe('sla.v1');
    expect(api.defaultContactPolicy.version).toBe('contact.v1');
    for (const fn of [api.decideCase, api.evolveCase, api.routeCase, api.missingConsent, api.mapPersonalData, api.openLinkedCaseCommand, api.slaDeadlines, api.pendingDeadlines, api.slaStatus, api.planCalls, api.defaultContactSafety, api.nextSharedOpenEvening, api.normalisePoliceReportNumber]) {
      expect(typeof fn).toBe('function');
    }
    expect(api.CLOSURE_REASONS).toContain('unreachable');
    expect(api.CONTACT_CHANNELS).toContain('accompaniment');
    expect(api.DEADLINE_RULES).toEqual(['first-contact', 'reach-attempts']);
  });
});
