import { useId } from 'react';
import { SURVEY_QUESTIONS } from '@referral/labels';
import { useLabel, useT } from '../../i18n/i18n';
import { surveyMessages } from './messages';
import { SCORES } from './survey-answer';

/** One statement scored 1-5: a radio group with large targets, the scale's ends said in words. */
export function ScoreQuestion({ question, value, scaleId, onChange }: { question: string; value: number | undefined; scaleId: string; onChange(value: number | undefined): void }) {
  const t = useT(surveyMessages);
  const label = useLabel();
  const name = useId();
  return (
    <div className="card survey-question">
      <fieldset aria-describedby={scaleId}>
        <legend className="survey-question__legend">{label(SURVEY_QUESTIONS, question)}</legend>
        <div className="survey-scale">
          {SCORES.map((score) => (
            <label key={score} className="survey-scale__option">
              <input type="radio" name={name} value={score} checked={value === score} onChange={() => onChange(score)} />
              <span>{score}</span>
              {score === 1 && <span className="visually-hidden">{t('low')}</span>}
              {score === 5 && <span className="visually-hidden">{t('high')}</span>}
            </label>
          ))}
        </div>
        <div className="survey-scale__ends" aria-hidden="true">
          <span>{t('low')}</span>
          <span>{t('high')}</span>
        </div>
        {value !== undefined && (
          <button type="button" className="button button--quiet survey-question__clear" onClick={() => onChange(undefined)}>
            {t('clear')}<span className="visually-hidden">: {label(SURVEY_QUESTIONS, question)}</span>
          </button>
        )}
      </fieldset>
    </div>
  );
}
