import type { CaseView } from '../../api/types';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useNow } from '../../components/use-now';
import { useT } from '../../i18n/i18n';
import { shellMessages } from '../../layout/messages';
import { CaseCard } from './case-card';
import { myCasesMessages } from './messages';
import { UnassignedCases } from './unassigned-cases';
import { useMyCases, useUnassignedCases } from './use-my-cases';

/** A volunteer's worklist: my open cases, most urgent first, and the org's unassigned ones to take. */
export function MyCasesPage() {
  const t = useT(myCasesMessages);
  const tl = useT(shellMessages);
  const now = useNow();
  const { list, details } = useMyCases();
  const unassigned = useUnassignedCases();
  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      <QueryState query={list}>
        {(page) =>
          page.items.length === 0 ? (
            <p className="notice">{t('none')}</p>
          ) : (
            <ul className="card-list" aria-label={t('title')}>
              {page.items.map((item, i) => {
                const view = details[i]?.data as CaseView | undefined;
                return view ? <CaseCard key={item.caseId} view={view} now={now} /> : <li key={item.caseId} className="card muted">{details[i]?.isError ? tl('failed', { message: String(details[i]?.error?.message) }) : tl('loading')}</li>;
              })}
            </ul>
          )
        }
      </QueryState>
      {unassigned.data && <UnassignedCases items={unassigned.data} now={now} />}
    </Page>
  );
}
