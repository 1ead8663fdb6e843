import { useState } from 'react';
import { useSession } from '../../auth/session';
import { Page } from '../../components/page';
import { QueryState } from '../../components/query-state';
import { useNow } from '../../components/use-now';
import { stockholmDate } from '../../format/time';
import { useT } from '../../i18n/i18n';
import { volunteerMessages } from './messages';
import { RegisterForm } from './register-form';
import { rosterOrder } from './roster';
import { useRoster } from './use-roster';
import { VolunteerCard } from './volunteer-card';

/** The org's roster for its coordinator: who is active, their languages, workload and training; register, change languages, end. */
export function VolunteersPage() {
  const t = useT(volunteerMessages);
  const { session } = useSession();
  const org = session?.claims.org ?? '';
  const roster = useRoster(org);
  const today = stockholmDate(useNow());
  const [registering, setRegistering] = useState(false);
  return (
    <Page
      title={t('title')}
      actions={
        <button type="button" className="button button--primary" aria-expanded={registering} onClick={() => setRegistering(!registering)}>
          {registering ? t('hideRegister') : t('register')}
        </button>
      }
    >
      <p>{t('intro')}</p>
      {registering && <RegisterForm org={org} onDone={() => setRegistering(false)} />}
      <QueryState query={roster}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t('empty')}</p>
          ) : (
            <ul className="card-list" aria-label={t('rosterLabel')}>
              {rosterOrder(page.items, today).map((v) => <VolunteerCard key={v.volunteerId} org={org} volunteer={v} today={today} />)}
            </ul>
          )
        }
      </QueryState>
    </Page>
  );
}
