import { Page } from '../../components/page';

/** Placeholder until the view is built. */
export function DeadlinesPage() {
  return <Page title="Tidsfrister"><p>…</p></Page>;
}
