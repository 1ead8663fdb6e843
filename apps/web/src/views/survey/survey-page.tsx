import { Page } from '../../components/page';

/** Placeholder until the view is built. */
export function SurveyPage({ token }: { token: string }) {
  return <Page title="Enkät"><p>{token.length}</p></Page>;
}
