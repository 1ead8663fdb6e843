import type { ReactNode } from 'react';
import { useLanguage, useT } from '../../i18n/i18n';
import { shellMessages } from '../../layout/messages';
import { surveyMessages } from './messages';

/** The survey's own frame: no sign-in, no menu, only the language switch (it is for the person, not the staff). */
export function SurveyLayout({ children }: { children: ReactNode }) {
  const t = useT(surveyMessages);
  const shell = useT(shellMessages);
  const { language, setLanguage } = useLanguage();
  return (
    <>
      <a className="skip-link" href="#main">{shell('skip')}</a>
      <header className="app-header">
        <div className="app-header__bar survey-header">
          <span className="app-header__name">{t('header')}</span>
          <div className="app-header__actions">
            <button type="button" className="button button--quiet" lang={language === 'sv' ? 'en' : 'sv'} onClick={() => setLanguage(language === 'sv' ? 'en' : 'sv')}>
              {shell('otherLanguage')}
            </button>
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="app-main survey-main">
        {children}
      </main>
    </>
  );
}
