import { useId } from 'react';
import { LANGUAGES } from '@referral/labels';
import { useLabel } from '../../i18n/i18n';

/**
 * Languages as checkboxes with their names (Swedish first); a code the list does not know, already
 * held by the volunteer, stays offered so it is not lost by saving.
 */
export function LanguagePicker({ legend, hint, value, onChange, error }: {
  legend: string;
  hint?: string;
  value: string[];
  onChange(languages: string[]): void;
  error?: string | null;
}) {
  const label = useLabel();
  const id = useId();
  const codes = [...Object.keys(LANGUAGES), ...value.filter((code) => !(code in LANGUAGES))];
  const toggle = (code: string, on: boolean) => onChange(on ? [...value, code] : value.filter((c) => c !== code));
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field" aria-describedby={described}>
      <legend>{legend}</legend>
      {hint && <span className="field__hint" id={`${id}-hint`}>{hint}</span>}
      <div className="checkbox-grid">
        {codes.map((code) => (
          <label key={code} className="checkbox">
            <input type="checkbox" checked={value.includes(code)} onChange={(e) => toggle(code, e.target.checked)} />
            <span>{label(LANGUAGES, code)}</span>
          </label>
        ))}
      </div>
      {error && <span className="field__error" id={`${id}-error`} role="alert">{error}</span>}
    </fieldset>
  );
}
