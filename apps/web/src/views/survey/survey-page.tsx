import { useEffect, useState } from 'react';
import { Page } from '../../components/page';
import { useT } from '../../i18n/i18n';
import { answeredHere, rememberAnswered } from './answered-memory';
import { surveyMessages } from './messages';
import { isSurveyToken } from './survey-answer';
import { SurveyForm } from './survey-form';
import { SurveyLayout } from './survey-layout';
import './survey.css';

type State = 'checking' | 'form' | 'thanks' | 'answered' | 'unknown';

/** `/survey/<token>`: the person's satisfaction survey, without sign-in, phone first. */
export function SurveyPage({ token }: { token: string }) {
  const t = useT(surveyMessages);
  const [state, setState] = useState<State>(() => (isSurveyToken(token) ? 'checking' : 'unknown'));

  useEffect(() => {
    if (!isSurveyToken(token)) return;
    let current = true;
    answeredHere(token).then((answered) => current && setState(answered ? 'answered' : 'form'), () => current && setState('form'));
    return () => {
      current = false;
    };
  }, [token]);

  const done = (outcome: 'thanks' | 'answered' | 'unknown') => {
    if (outcome !== 'unknown') void rememberAnswered(token);
    setState(outcome);
  };

  return (
    <SurveyLayout>
      {state === 'checking' && <p className="muted" role="status">{t('checking')}</p>}
      {state === 'form' && (
        <Page title={t('title')}>
          <p>{t('intro')}</p>
          <p className="muted">{t('privacy')}</p>
          <SurveyForm token={token} onDone={done} />
        </Page>
      )}
      {state === 'thanks' && <Outcome title={t('thanksTitle')} text={t('thanksText')} kind="ok" />}
      {state === 'answered' && <Outcome title={t('answeredTitle')} text={t('answeredText')} kind="ok" />}
      {state === 'unknown' && <Outcome title={t('unknownTitle')} text={t('unknownText')} kind="warn" />}
    </SurveyLayout>
  );
}

function Outcome({ title, text, kind }: { title: string; text: string; kind: 'ok' | 'warn' }) {
  const t = useT(surveyMessages);
  return (
    <Page title={title}>
      <p className={`notice notice--${kind}`}>{text}</p>
      <p>{t('again')}</p>
    </Page>
  );
}
