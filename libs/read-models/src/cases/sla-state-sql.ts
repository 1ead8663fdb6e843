/**
 * The first-contact state of a `case_list` row as SQL, so lists can filter on it and still page.
 * `$now` and `$hours` are placeholders for the caller's parameters: the instant to judge at, and
 * the at-risk window in hours (NULL: the case's own terms). Closed, triage and contacted cases
 * are `ok` (a recorded breach is issue 4's). At risk: the deadline is less than the window away.
 */
export function slaStateSql(now: string, hours: string): string {
  return `CASE
    WHEN status <> 'open' OR first_contact_at IS NOT NULL OR first_contact_due_at IS NULL THEN 'ok'
    WHEN ${now} >= first_contact_due_at THEN 'breached'
    WHEN first_contact_due_at - ${now} < interval '1 hour' * COALESCE(${hours}, at_risk_hours) THEN 'at-risk'
    ELSE 'ok' END`;
}
