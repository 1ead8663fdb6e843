import { LANGUAGES } from '@referral/labels';
import type { CaseView, ContactSafety } from '../api/types';
import { useLabel, useT } from '../i18n/i18n';
import { caseMessages } from './case-messages';

/** The person's name as the API gives it; "erased" or "anonymous" in words where there is none. */
export function usePersonName(): (view: CaseView) => string {
  const t = useT(caseMessages);
  return (view) => {
    if (view.person.personalData === 'erased') return t('erased');
    const name = [view.person.givenName, view.person.familyName].filter(Boolean).join(' ');
    return name || t('anonymous');
  };
}

/** How the person may be contacted, said before any number is shown: no message, safe hours, the note. */
export function SafetyNotice({ safety }: { safety: ContactSafety }) {
  const t = useT(caseMessages);
  const careful = !safety.mayLeaveMessage || safety.safeHours !== null;
  return (
    <div className={`notice ${careful ? 'notice--warn' : ''}`} data-testid="contact-safety">
      <p className="safety__line"><strong>{safety.mayLeaveMessage ? t('mayLeaveMessage') : `⚠ ${t('noMessage')}`}</strong></p>
      <p className="safety__line">{safety.safeHours ? t('safeHours', safety.safeHours) : t('anyHour')}</p>
      {safety.note && <p className="safety__line">{t('safetyNote', { note: safety.note })}</p>}
    </div>
  );
}

/** Language and interpreter need: who should call, and how. */
export function LanguageLine({ view }: { view: CaseView }) {
  const t = useT(caseMessages);
  const label = useLabel();
  // No language given means Swedish (intake leaves `sv` out); after erasure nothing is known.
  if (view.person.personalData === 'erased' && !view.person.preferredLanguage) return null;
  const language = view.person.preferredLanguage ?? 'sv';
  return (
    <p>
      {t('language', { language: label(LANGUAGES, language) })}
      {' · '}
      {view.person.interpreterNeeded ? <strong>{t('interpreter')}</strong> : t('noInterpreter')}
    </p>
  );
}

/** The safety first, then the number (a tap dials it on a phone), then e-mail where given. */
export function PersonContact({ view }: { view: CaseView }) {
  const t = useT(caseMessages);
  const { phone, email } = view.person;
  return (
    <div className="person-contact">
      <SafetyNotice safety={view.contactSafety} />
      {view.person.personalData === 'erased' ? null : phone ? (
        <p>
          {t('phone')}: <a href={`tel:${phone.replace(/[^+\d]/g, '')}`} className="person-contact__phone">{phone}</a>
        </p>
      ) : (
        <p className="muted">{t('noPhone')}</p>
      )}
      {email && view.person.personalData !== 'erased' && (
        <p>
          {t('email')}: <a href={`mailto:${email}`}>{email}</a>
        </p>
      )}
    </div>
  );
}
