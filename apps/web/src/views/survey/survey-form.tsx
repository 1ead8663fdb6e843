import { useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useIdempotencyKeys } from '../../components/idempotency-keys';
import { useT } from '../../i18n/i18n';
import { surveyMessages } from './messages';
import { ScoreQuestion } from './score-question';
import { QUESTIONS, surveyAnswer, type SurveyAnswer, type SurveyOutcome } from './survey-answer';
import { sendSurveyAnswer } from './survey-api';

/** The four statements, a comment, and send; the page shows what follows (thanks, used, unknown). */
export function SurveyForm({ token, onDone }: { token: string; onDone(outcome: 'thanks' | 'answered' | 'unknown'): void }) {
  const t = useT(surveyMessages);
  const keys = useIdempotencyKeys();
  const ids = { scale: useId(), comment: useId(), hint: useId(), error: useId() };
  const [scores, setScores] = useState<Record<string, number | undefined>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState<'errorNoScore' | 'errorBusy' | 'errorFailed' | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const send = useMutation({
    mutationFn: async (answer: SurveyAnswer) => {
      const key = keys.keyFor(answer);
      const outcome = await sendSurveyAnswer(token, answer, key);
      // Busy or failed: the same answer is sent again with the same key, so it counts once.
      if (outcome !== 'busy' && outcome !== 'failed') keys.answered(key);
      return outcome;
    },
    onSuccess: (outcome: SurveyOutcome) => {
      if (outcome === 'busy' || outcome === 'failed') {
        setError(outcome === 'busy' ? 'errorBusy' : 'errorFailed');
        return;
      }
      onDone(outcome);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answer = surveyAnswer(scores, comment);
    if (!answer) {
      setError('errorNoScore');
      form.current?.querySelector<HTMLInputElement>('input[type=radio]')?.focus();
      return;
    }
    setError(null);
    send.mutate(answer);
  };

  return (
    <form ref={form} className="survey-form" onSubmit={submit} noValidate aria-describedby={error ? ids.error : undefined}>
      <p id={ids.scale} className="survey-form__scale">{t('scale')}</p>
      {QUESTIONS.map((question) => (
        <ScoreQuestion key={question} question={question} value={scores[question]} scaleId={ids.scale}
          onChange={(value) => { setScores((s) => ({ ...s, [question]: value })); setError(null); }} />
      ))}
      <div className="field card">
        <label htmlFor={ids.comment}>{t('comment')}</label>
        <span id={ids.hint} className="field__hint">{t('commentHint')}</span>
        <textarea id={ids.comment} value={comment} maxLength={2000} rows={4} aria-describedby={ids.hint} onChange={(e) => setComment(e.target.value)} />
      </div>
      {error && <p id={ids.error} className="notice notice--error" role="alert">{t(error)}</p>}
      <button type="submit" className="button button--primary survey-form__send" disabled={send.isPending}>
        {send.isPending ? t('sending') : t('send')}
      </button>
    </form>
  );
}
