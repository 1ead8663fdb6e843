import { useId, useState, type FormEvent } from 'react';
import { ORGS, ROUTINE_QUESTIONS } from '@referral/labels';
import type { CaseView } from '../api/types';
import { formatDateTime } from '../format/time';
import { useLabel, useLanguage, useT, type Messages } from '../i18n/i18n';
import { useAnnounce } from '../layout/announcer';
import { formError } from './api-error-text';
import { useCaseCommand } from './case-queries';

const messages: Messages<'title' | 'why' | 'start' | 'ask' | 'answer' | 'yes' | 'no' | 'send' | 'sending' | 'pickAnswer' | 'declined' | 'linked' | 'cancel'> = {
  sv: {
    title: 'Länka till Stödcentrum',
    why: 'Personen är under 21 år. Enligt rutinen länkar jouren hen till {org}, om personen vill.',
    start: 'Länka till Stödcentrum',
    ask: 'Fråga personen, ordagrant:',
    answer: 'Vad svarade personen?',
    yes: 'Ja, det är okej',
    no: 'Nej',
    send: 'Skicka länkningen',
    sending: 'Skickar …',
    pickAnswer: 'Välj vad personen svarade. Länkningen skickas bara om personen sa ja.',
    declined: 'Personen sa nej: ingen länkning skickas.',
    linked: 'Länkad till {org} {when}.',
    cancel: 'Avbryt',
  },
  en: {
    title: 'Link to Stödcentrum',
    why: 'The person is under 21. By the routine the jour links them to {org}, if the person wants it.',
    start: 'Link to Stödcentrum',
    ask: 'Ask the person, word for word:',
    answer: 'What did the person answer?',
    yes: 'Yes, that is OK',
    no: 'No',
    send: 'Send the link',
    sending: 'Sending …',
    pickAnswer: 'Choose what the person answered. The link is sent only if they said yes.',
    declined: 'The person said no: no link is sent.',
    linked: 'Linked to {org} {when}.',
    cancel: 'Cancel',
  },
};

/**
 * A young person at a jour: the suggestion to link them to Stödcentrum. The routine's consent
 * question is asked word for word first, and the link is sent only when the person said yes.
 */
export function LinkSuggestion({ view }: { view: CaseView }) {
  const t = useT(messages);
  const label = useLabel();
  const { language } = useLanguage();
  const announce = useAnnounce();
  const ids = { title: useId(), error: useId() };
  const [asking, setAsking] = useState(false);
  const [answer, setAnswer] = useState<'yes' | 'no' | null>(null);
  const [missing, setMissing] = useState(false);
  const link = useCaseCommand<{ to: 'stodcentrum'; consent: true }>(view.caseId, 'links');
  const org = label(ORGS, 'stodcentrum');

  if (view.linkedTo) {
    const entry = view.history.find((e) => e.type === 'PersonLinked');
    return <p className="notice notice--ok">{t('linked', { org: label(ORGS, view.linkedTo.org), when: entry ? formatDateTime(entry.at, language) : '' })}</p>;
  }
  if (!view.linkSuggested || view.status !== 'open' || view.org === 'stodcentrum') return null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (answer === null) return setMissing(true);
    if (answer === 'no') {
      setAsking(false);
      return announce(t('declined'));
    }
    link.mutate({ to: 'stodcentrum', consent: true }, { onSuccess: (next) => announce(t('linked', { org, when: formatDateTime(next.history.at(-1)?.at ?? '', language) })) });
  };

  return (
    <section className="notice link-suggestion" aria-labelledby={ids.title}>
      <h3 id={ids.title}>{t('title')}</h3>
      <p>{t('why', { org })}</p>
      {answer === 'no' && !asking && <p>{t('declined')}</p>}
      {!asking ? (
        <button type="button" className="button" onClick={() => { setAsking(true); setAnswer(null); }}>{t('start')}</button>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <p>{t('ask')}</p>
          <blockquote className="routine-question" lang={language}>{label(ROUTINE_QUESTIONS, 'link-consent')}</blockquote>
          <fieldset className="field" aria-describedby={missing ? ids.error : undefined}>
            <legend>{t('answer')}</legend>
            {(['yes', 'no'] as const).map((value) => (
              <label key={value} className="choice">
                <input type="radio" name={`${ids.title}-answer`} value={value} checked={answer === value}
                  onChange={() => { setAnswer(value); setMissing(false); }} />
                {t(value)}
              </label>
            ))}
            {missing && <p id={ids.error} className="field__error" role="alert">{t('pickAnswer')}</p>}
          </fieldset>
          {link.error ? <p className="field__error" role="alert">{formError(link.error, [], language)}</p> : null}
          <div className="row">
            <button type="submit" className="button button--primary" disabled={link.isPending}>{link.isPending ? t('sending') : t('send')}</button>
            <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>{t('cancel')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
