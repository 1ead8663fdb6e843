import type { ReactNode } from 'react';
import { ORGS } from '@referral/labels';
import { useLabel, useLanguage, useT } from '../i18n/i18n';
import { Link, useLocation } from '../router';
import { useSession } from '../auth/session';
import type { Claims } from '../auth/claims';
import { shellMessages } from './messages';

type NavKey = 'myCases' | 'incoming' | 'deadlines' | 'triage' | 'volunteers' | 'statistics';

/** The pages a role has, in the menu's order. */
export function navFor(claims: Claims): { key: NavKey; to: string }[] {
  const has = (role: string) => claims.roles.includes(role);
  const items: { key: NavKey; to: string }[] = [];
  if (has('volunteer')) items.push({ key: 'myCases', to: '/my-cases' });
  if (has('staff') || (has('coordinator') && claims.org === 'stodcentrum')) items.push({ key: 'incoming', to: '/incoming' });
  if (has('coordinator') && claims.org === 'city') items.push({ key: 'triage', to: '/triage' });
  if (has('coordinator')) items.push({ key: 'deadlines', to: '/deadlines' });
  if (has('coordinator') && claims.org !== 'city') items.push({ key: 'volunteers', to: '/volunteers' });
  if (has('coordinator') || has('analyst')) items.push({ key: 'statistics', to: '/statistics' });
  return items;
}

export function Shell({ children }: { children: ReactNode }) {
  const t = useT(shellMessages);
  const label = useLabel();
  const { language, setLanguage } = useLanguage();
  const { session, signOut } = useSession();
  const { path } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">{t('skip')}</a>
      <header className="app-header">
        <div className="app-header__bar">
          <Link to="/" className="app-header__name">{t('appName')}</Link>
          {session && (
            <span className="app-header__who">
              {t('signedInAs', { who: `${session.claims.name ?? session.claims.sub}, ${label(ORGS, session.claims.org)}` })}
            </span>
          )}
          <div className="app-header__actions">
            <button type="button" className="button button--quiet" lang={language === 'sv' ? 'en' : 'sv'} onClick={() => setLanguage(language === 'sv' ? 'en' : 'sv')}>
              {t('otherLanguage')}
            </button>
            {session && (
              <button type="button" className="button button--quiet" onClick={signOut}>
                {t('signOut')}
              </button>
            )}
          </div>
        </div>
        {session && (
          <nav aria-label={t('mainNav')} className="app-nav">
            <ul>
              {navFor(session.claims).map((item) => (
                <li key={item.key}>
                  <Link to={item.to} aria-current={path.startsWith(item.to) ? 'page' : undefined}>{t(item.key)}</Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        {children}
      </main>
    </>
  );
}
