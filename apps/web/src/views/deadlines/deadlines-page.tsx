import { useSession } from '../../auth/session';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useNow } from '../../components/use-now';
import { useT } from '../../i18n/i18n';
import { useVolunteerNames } from '../volunteers/use-roster';
import { countsPerDay } from './day-counts';
import { DayCountsTable } from './day-counts-table';
import { AtRiskList, BreachList } from './deadline-lists';
import { deadlineMessages } from './messages';
import { COMING_DAYS, PAST_DAYS, todayInStockholm, useDeadlineData } from './queries';
import { RecentChanges, useRecentChanges } from './recent-changes';
import { StreamStatusBadge } from './stream-status';
import { useSlaStream } from './use-sla-stream';

/**
 * A coordinator's deadlines, live: cases at risk and deadlines missed in their org (every org for
 * the city), counts per day, and a quick assign on each row. Changes arrive on `/sla/stream`,
 * are announced, and refresh the lists.
 */
export function DeadlinesPage() {
  const t = useT(deadlineMessages);
  const { session } = useSession();
  const org = session?.claims.org ?? '';
  const assigning = org !== 'city';
  const nowMs = useNow();
  const today = todayInStockholm(nowMs);
  const data = useDeadlineData(today, assigning);
  const nameOf = useVolunteerNames(org);
  const { recent, onChange } = useRecentChanges();
  const status = useSlaStream(onChange);
  const context = { nowMs, assigning, nameOf };
  return (
    <Page title={t('title')} actions={<StreamStatusBadge status={status} />}>
      <RecentChanges recent={recent} />
      <div className="grid-2 deadline-grid">
        <section className="card" aria-labelledby="at-risk-title">
          <h2 id="at-risk-title">{t('atRiskTitle')}</h2>
          <p className="muted">{t('atRiskIntro')}</p>
          <QueryState query={data.atRisk}>{(page) => <AtRiskList items={page.items} context={context} />}</QueryState>
        </section>
        <section className="card" aria-labelledby="breaches-title">
          <h2 id="breaches-title">{t('breachesTitle')}</h2>
          <p className="muted">{t('breachesIntro')}</p>
          <QueryState query={data.breaches}>
            {(page) => <BreachList items={page.items} openBreached={data.openBreached.data?.items} context={context} />}
          </QueryState>
        </section>
      </div>
      <section className="card" aria-labelledby="per-day-title">
        <h2 id="per-day-title">{t('perDayTitle')}</h2>
        <QueryState query={data.coming}>
          {(coming) => (
            <DayCountsTable rows={countsPerDay({
              today, pastDays: PAST_DAYS, comingDays: COMING_DAYS,
              deadlines: coming.items.flatMap((i) => (i.rule === 'first-contact' && i.firstContactDueAt ? [i.firstContactDueAt] : [])),
              breaches: (data.breaches.data?.items ?? []).map((b) => b.breachedAt),
            })} />
          )}
        </QueryState>
      </section>
    </Page>
  );
}
