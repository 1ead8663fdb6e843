import { useId } from 'react';
import { useLanguage, useT } from '../../i18n/i18n';
import { statisticsMessages } from './messages';
import { customRangeError, PERIOD_KINDS, yearsUpTo, type PeriodChoice, type PeriodKind } from './period';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** The period the report is for; every change applies at once. */
export function PeriodPicker({ choice, today, onChange }: { choice: PeriodChoice; today: string; onChange(next: PeriodChoice): void }) {
  const t = useT(statisticsMessages);
  const { language } = useLanguage();
  const id = useId();
  const set = (part: Partial<PeriodChoice>) => onChange({ ...choice, ...part });
  const years = yearsUpTo(today);
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(language === 'sv' ? 'sv-SE' : 'en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 15)));
  const error = choice.kind === 'custom' ? customRangeError(choice.from, choice.to) : null;

  return (
    <fieldset className="card stats-period no-print">
      <legend className="stats-period__legend">{t('periodLegend')}</legend>
      <div className="stats-period__fields">
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t('periodKind')}</label>
          <select id={`${id}-kind`} value={choice.kind} onChange={(e) => set({ kind: e.target.value as PeriodKind })}>
            {PERIOD_KINDS.map((kind) => <option key={kind} value={kind}>{t(`kind.${kind}`)}</option>)}
          </select>
        </div>
        {choice.kind !== 'custom' && (
          <div className="field">
            <label htmlFor={`${id}-year`}>{choice.kind === 'partnership-year' ? t('partnershipYear') : t('year')}</label>
            <select id={`${id}-year`} value={choice.year} onChange={(e) => set({ year: Number(e.target.value) })}>
              {years.map((year) => (
                <option key={year} value={year}>{choice.kind === 'partnership-year' ? `${year}/${String(year + 1).slice(2)}` : year}</option>
              ))}
            </select>
          </div>
        )}
        {choice.kind === 'quarter' && (
          <div className="field">
            <label htmlFor={`${id}-quarter`}>{t('quarter')}</label>
            <select id={`${id}-quarter`} value={choice.quarter} onChange={(e) => set({ quarter: Number(e.target.value) as PeriodChoice['quarter'] })}>
              {[1, 2, 3, 4].map((q) => <option key={q} value={q}>{t(`quarter.${q as 1}`)}</option>)}
            </select>
          </div>
        )}
        {choice.kind === 'month' && (
          <div className="field">
            <label htmlFor={`${id}-month`}>{t('month')}</label>
            <select id={`${id}-month`} value={choice.month} onChange={(e) => set({ month: Number(e.target.value) })}>
              {MONTHS.map((m) => <option key={m} value={m}>{monthName(m)}</option>)}
            </select>
          </div>
        )}
        {choice.kind === 'custom' && (
          <>
            <DateField id={`${id}-from`} label={t('from')} value={choice.from} onChange={(from) => set({ from })}
              error={error === 'from-invalid' ? t('fromInvalid') : null} />
            <DateField id={`${id}-to`} label={t('to')} value={choice.to} onChange={(to) => set({ to })}
              error={error === 'to-invalid' ? t('toInvalid') : error === 'to-before-from' ? t('toBeforeFrom') : null} />
          </>
        )}
      </div>
    </fieldset>
  );
}

function DateField({ id, label, value, error, onChange }: { id: string; label: string; value: string; error: string | null; onChange(value: string): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error && <p id={`${id}-error`} className="field__error" role="alert">{error}</p>}
    </div>
  );
}
