/** The parties of the partnership, by their contract ids. */
export const ORG_IDS = ['stodcentrum', 'boj-stockholm-gotland', 'boj-sodra-stockholm', 'boj-vasterort'] as const;
export type OrgId = (typeof ORG_IDS)[number];

export type JourId = Exclude<OrgId, 'stodcentrum'>;

/** Who holds a case: an org, or the triage queue that coordinators of the city resolve by hand. */
export type CaseOwner = OrgId | 'triage';

export const isOrgId = (value: unknown): value is OrgId => (ORG_IDS as readonly unknown[]).includes(value);

export const isJour = (org: CaseOwner): org is JourId => org !== 'stodcentrum' && org !== 'triage';
