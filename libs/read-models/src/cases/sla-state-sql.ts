/**
 * The SLA state of a `case_list` (or `sla_cases`) row as SQL, so lists can filter on it and still
 * page. `$now` and `$hours` are placeholders for the caller's parameters: the instant to judge at,
 * and the at-risk window in hours (NULL: the case's own terms).
 *
 * - `breached` iff a breach is recorded for the case and not retracted (the deciders' facts, not
 *   the clock: a breach is recorded at its real due time even after downtime);
 * - `at-risk`: open, no contact towards the person yet, and the first-contact deadline at most the
 *   window away (from `atRiskFrom` on, inclusive, as `slaStatus` of `@referral/case` and
 *   `CaseQueries.atRisk` say); this includes a deadline just passed whose breach is not recorded
 *   yet (the check is about to record it), so an overdue case never shows `ok`;
 * - else `ok` (closed, triage or contacted cases without a recorded breach).
 */
export function slaStateSql(now: string, hours: string): string {
  return `CASE
    WHEN first_contact_missed OR reach_missed THEN 'breached'
    WHEN status <> 'open' OR first_contact_at IS NOT NULL OR first_contact_due_at IS NULL THEN 'ok'
    WHEN first_contact_due_at - ${now} <= interval '1 hour' * COALESCE(${hours}, at_risk_hours) THEN 'at-risk'
    ELSE 'ok' END`;
}
