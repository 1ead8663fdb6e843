import { useEffect, useId, useState, type FormEvent } from 'react';
import { ORGS } from '@referral/labels';
import { Page } from '../components/page';
import { useLabel, useT } from '../i18n/i18n';
import { navigate } from '../router';
import type { AppConfig } from '../app-config';
import { homePathFor } from './claims';
import { DEMO_CHOICES, demoToken, demoVolunteers, type DemoVolunteer } from './demo-sign-in';
import { signInMessages } from './messages';
import { startOidcSignIn } from './oidc';
import { useSession } from './session';

export function SignInPage({ config }: { config: AppConfig }) {
  const t = useT(signInMessages);
  const [error, setError] = useState<string | null>(null);
  return (
    <Page title={t('title')}>
      <p>{t('intro')}</p>
      {error && <p className="notice notice--error" role="alert">{t('failed', { message: error })}</p>}
      {config.oidc && (
        <p>
          <button type="button" className="button button--primary" onClick={() => startOidcSignIn(config.oidc!, '/').catch((e: Error) => setError(e.message))}>
            {t('oidc')}
          </button>
        </p>
      )}
      {config.demo && <DemoSignIn onError={setError} />}
      {!config.demo && !config.oidc && <p className="notice">{t('none')}</p>}
    </Page>
  );
}

function DemoSignIn({ onError }: { onError: (message: string) => void }) {
  const t = useT(signInMessages);
  const label = useLabel();
  const { signIn } = useSession();
  const ids = { org: useId(), role: useId(), volunteer: useId() };
  const [org, setOrg] = useState('boj-vasterort');
  const [role, setRole] = useState('volunteer');
  const [volunteers, setVolunteers] = useState<DemoVolunteer[] | null>(null);
  const [volunteer, setVolunteer] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!DEMO_CHOICES[org]!.includes(role)) setRole(DEMO_CHOICES[org]![0]!);
  }, [org, role]);
  useEffect(() => {
    setVolunteers(null);
    if (role !== 'volunteer') return;
    let current = true;
    demoVolunteers(org).then(
      (list) => {
        if (!current) return;
        setVolunteers(list);
        setVolunteer(list[0]?.userId ?? '');
      },
      (e: Error) => onError(e.message),
    );
    return () => {
      current = false;
    };
  }, [org, role, onError]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const person = role === 'volunteer' ? volunteers?.find((v) => v.userId === volunteer) : undefined;
      const token = await demoToken(org, role, person && { sub: person.userId, name: person.displayName });
      const session = signIn(token);
      if (session) navigate(homePathFor(session.claims), { replace: true });
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} aria-labelledby={`${ids.org}-title`}>
      <h2 id={`${ids.org}-title`}>{t('demoTitle')}</h2>
      <p>{t('demoIntro')}</p>
      <div className="field">
        <label htmlFor={ids.org}>{t('org')}</label>
        <select id={ids.org} value={org} onChange={(e) => setOrg(e.target.value)}>
          {Object.keys(DEMO_CHOICES).map((id) => <option key={id} value={id}>{label(ORGS, id)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.role}>{t('role')}</label>
        <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value)}>
          {DEMO_CHOICES[org]!.map((r) => <option key={r} value={r}>{t(`role.${r}` as 'role.volunteer')}</option>)}
        </select>
      </div>
      {role === 'volunteer' && volunteers && volunteers.length > 0 && (
        <div className="field">
          <label htmlFor={ids.volunteer}>{t('chooseVolunteer')}</label>
          <select id={ids.volunteer} value={volunteer} onChange={(e) => setVolunteer(e.target.value)}>
            {volunteers.map((v) => <option key={v.volunteerId} value={v.userId}>{v.displayName}</option>)}
          </select>
        </div>
      )}
      {role === 'volunteer' && volunteers?.length === 0 && <p className="notice">{t('noVolunteers')}</p>}
      <button type="submit" className="button button--primary" disabled={busy || (role === 'volunteer' && !volunteer)}>
        {t('signIn')}
      </button>
    </form>
  );
}
