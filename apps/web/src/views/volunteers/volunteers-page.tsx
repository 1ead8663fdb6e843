import { Page } from '../../components/page';

/** Placeholder until the view is built. */
export function VolunteersPage() {
  return <Page title="Stödpersoner"><p>…</p></Page>;
}
