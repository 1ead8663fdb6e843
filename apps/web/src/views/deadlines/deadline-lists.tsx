import { SLA_RULES, SLA_STATES } from '@referral/labels';
import type { AtRiskItem, Breach, CaseListItem } from '../../api/types';
import { formatDateTime, timeLeft } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { DeadlineRow } from './deadline-row';
import { deadlineMessages } from './messages';

interface Context {
  nowMs: number;
  /** The coordinator's org can assign (not the city); then `openBreached` and names are known. */
  assigning: boolean;
  nameOf(volunteerId: string): string | undefined;
}

const person = (id: string | null | undefined, nameOf: Context['nameOf']) => (id ? { id, name: nameOf(id) ?? id } : null);

/** At-risk cases, soonest deadline first. */
export function AtRiskList({ items, context }: { items: AtRiskItem[]; context: Context }) {
  const t = useT(deadlineMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const rows = items.filter((i) => i.rule === 'first-contact' && i.firstContactDueAt)
    .sort((a, b) => a.firstContactDueAt!.localeCompare(b.firstContactDueAt!));
  if (rows.length === 0) return <p>{t('atRiskEmpty')}</p>;
  return (
    <ul className="card-list" aria-label={t('atRiskTitle')}>
      {rows.map((item) => (
        <DeadlineRow key={item.caseId} caseId={item.caseId} org={item.org} showOrg={!context.assigning}
          badge={<span className="badge badge--at-risk">{label(SLA_STATES, 'at-risk')}</span>}
          assignee={context.assigning ? person(item.assigneeId, context.nameOf) : undefined} assignable={context.assigning}>
          <p>{t('dueBy', { time: formatDateTime(item.firstContactDueAt!, language), left: timeLeft(item.firstContactDueAt!, context.nowMs, language).text })}</p>
        </DeadlineRow>
      ))}
    </ul>
  );
}

/** Missed deadlines, the latest first; only open cases offer assigning. */
export function BreachList({ items, openBreached, context }: { items: Breach[]; openBreached: CaseListItem[] | undefined; context: Context }) {
  const t = useT(deadlineMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const open = new Map((openBreached ?? []).map((c) => [c.caseId, c]));
  const rows = [...items].sort((a, b) => b.breachedAt.localeCompare(a.breachedAt));
  if (rows.length === 0) return <p>{t('breachesEmpty')}</p>;
  return (
    <ul className="card-list" aria-label={t('breachesTitle')}>
      {rows.map((breach) => {
        const current = open.get(breach.caseId);
        const known = context.assigning && openBreached !== undefined;
        return (
          <DeadlineRow key={`${breach.caseId}:${breach.rule}`} caseId={breach.caseId} org={breach.org} showOrg={!context.assigning}
            badge={<span className="badge badge--breached">{label(SLA_STATES, 'breached')}: {label(SLA_RULES, breach.rule)}</span>}
            assignee={known && current ? person(current.assigneeId, context.nameOf) : undefined} assignable={known && current !== undefined}>
            <p>{t('wasDue', { time: formatDateTime(breach.dueAt, language) })}</p>
            {known && !current && <p className="muted">{t('closedOrDone')}</p>}
          </DeadlineRow>
        );
      })}
    </ul>
  );
}
