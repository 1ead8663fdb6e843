import { Page } from '../../components/page';

/** Placeholder until the view is built. */
export function CasePage({ caseId }: { caseId: string }) {
  return <Page title={caseId}><p>…</p></Page>;
}
