import { Page } from '../../components/page';

/** Placeholder until the view is built. */
export function MyCasesPage() {
  return <Page title="Mina ärenden"><p>…</p></Page>;
}
