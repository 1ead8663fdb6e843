import { Page } from '../../components/page';

/** Placeholder until the view is built. */
export function TriagePage() {
  return <Page title="Triage"><p>…</p></Page>;
}
