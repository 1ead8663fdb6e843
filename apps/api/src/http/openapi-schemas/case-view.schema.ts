import { count, instant, nullable, object, oneOf, ORGS, page, text, type Schema } from './schema-parts';

/** A case in a list (contract "Lists and case views"). */
export const CASE_LIST_ITEM: Schema = object({
  caseId: text(),
  org: oneOf([...ORGS, 'triage'], 'The party holding the case, or `triage`'),
  status: oneOf(['open', 'closed', 'triage']),
  source: oneOf(['handover', 'self-referral', 'other-actor', 'link']),
  receivedAt: instant(),
  assigneeId: nullable(text('The assigned volunteer, null when none')),
  slaState: oneOf(['ok', 'at-risk', 'breached']),
  linkSuggested: { type: 'boolean', description: 'A jour case whose person is under 21' },
  firstContactDueAt: nullable(instant('null while in triage')),
}, undefined, ['firstContactDueAt']);

export const CASE_PAGE: Schema = page(CASE_LIST_ITEM);
