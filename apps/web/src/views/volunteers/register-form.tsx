import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { GENDERS } from '@referral/labels';
import { useApi } from '../../api/api-context';
import { useIdempotencyKeys } from '../../api/idempotency';
import { apiErrorText } from '../../components/api-error-text';
import { useLabel, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { LanguagePicker } from './language-picker';
import { volunteerMessages } from './messages';
import { rosterKey } from './use-roster';

interface Registration {
  displayName: string;
  gender: string;
  languages: string[];
  userId?: string;
  activeFrom?: string;
  basicTraining?: 'pending';
}

/** `POST /orgs/{org}/volunteers`: name, gender, languages, an optional user id and start date, basic training pending or not. */
export function RegisterForm({ org, onDone }: { org: string; onDone(): void }) {
  const t = useT(volunteerMessages);
  const label = useLabel();
  const api = useApi();
  const client = useQueryClient();
  const announce = useAnnounce();
  const keys = useIdempotencyKeys();
  const id = useId();
  const [form, setForm] = useState({ displayName: '', gender: 'female', languages: ['sv'], userId: '', activeFrom: '', pending: false });
  const [checked, setChecked] = useState(false);
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const register = useMutation({
    mutationFn: (body: Registration) => api.post<{ volunteerId: string }>(`/orgs/${encodeURIComponent(org)}/volunteers`, body, { idempotencyKey: keys.keyFor(JSON.stringify(body)) }),
    onSuccess: (_answer, body) => {
      keys.succeeded(JSON.stringify(body));
      void client.invalidateQueries({ queryKey: rosterKey(org) });
      announce(t('registered', { name: body.displayName }));
      onDone();
    },
  });
  const nameMissing = checked && form.displayName.trim() === '';
  const noLanguage = checked && form.languages.length === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (form.displayName.trim() === '' || form.languages.length === 0) return;
    register.mutate({
      displayName: form.displayName.trim(),
      gender: form.gender,
      languages: form.languages,
      ...(form.userId.trim() ? { userId: form.userId.trim() } : {}),
      ...(form.activeFrom ? { activeFrom: form.activeFrom } : {}),
      ...(form.pending ? { basicTraining: 'pending' as const } : {}),
    });
  };
  return (
    <form className="card form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('registerTitle')}</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('name')}</label>
        <input id={`${id}-name`} value={form.displayName} maxLength={100} required autoComplete="off" aria-invalid={nameMissing || undefined}
          aria-describedby={nameMissing ? `${id}-name-error` : undefined} onChange={(e) => set({ displayName: e.target.value })} />
        {nameMissing && <span className="field__error" id={`${id}-name-error`} role="alert">{t('nameRequired')}</span>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-gender`}>{t('gender')}</label>
        <select id={`${id}-gender`} value={form.gender} onChange={(e) => set({ gender: e.target.value })}>
          {Object.keys(GENDERS).map((code) => <option key={code} value={code}>{label(GENDERS, code)}</option>)}
        </select>
      </div>
      <LanguagePicker legend={t('languages')} hint={t('languagesHint')} value={form.languages} onChange={(languages) => set({ languages })}
        error={noLanguage ? t('languagesRequired') : null} />
      <div className="field">
        <label htmlFor={`${id}-user`}>{t('userId')}</label>
        <span className="field__hint" id={`${id}-user-hint`}>{t('userIdHint')}</span>
        <input id={`${id}-user`} value={form.userId} maxLength={128} autoComplete="off" aria-describedby={`${id}-user-hint`} onChange={(e) => set({ userId: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>{t('activeFrom')}</label>
        <span className="field__hint" id={`${id}-from-hint`}>{t('activeFromHint')}</span>
        <input id={`${id}-from`} type="date" value={form.activeFrom} aria-describedby={`${id}-from-hint`} onChange={(e) => set({ activeFrom: e.target.value })} />
      </div>
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={form.pending} aria-describedby={`${id}-pending-hint`} onChange={(e) => set({ pending: e.target.checked })} />
          <span>{t('pending')}</span>
        </label>
        <span className="field__hint" id={`${id}-pending-hint`}>{t('pendingHint')}</span>
      </div>
      {register.isError && <p className="notice notice--error" role="alert">{apiErrorText(register.error, () => undefined, (message) => t('failed', { message }))}</p>}
      <p><button type="submit" className="button button--primary" disabled={register.isPending}>{t('save')}</button></p>
    </form>
  );
}
