import { Page } from '../../components/page';

/** Placeholder until the view is built. */
export function IncomingPage() {
  return <Page title="Inkommande"><p>…</p></Page>;
}
