import { Page } from '../../components/page';

/** Placeholder until the view is built. */
export function StatisticsPage() {
  return <Page title="Statistik"><p>…</p></Page>;
}
