import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { LANGUAGES } from '@referral/labels';
import { useApi } from '../../api/api-context';
import { useIdempotencyKeys } from '../../api/idempotency';
import type { RosterVolunteer } from '../../api/types';
import { apiErrorText } from '../../components/api-error-text';
import { formatDate } from '../../format/time';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { DeactivateForm } from './deactivate-form';
import { LanguagePicker } from './language-picker';
import { volunteerMessages } from './messages';
import { isActive, trainingState } from './roster';
import { rosterKey } from './use-roster';

/** One volunteer on the roster, with changing their languages and ending their assignment. */
export function VolunteerCard({ org, volunteer, today }: { org: string; volunteer: RosterVolunteer; today: string }) {
  const t = useT(volunteerMessages);
  const label = useLabel();
  const { language } = useLanguage();
  const [editing, setEditing] = useState<'languages' | 'deactivate' | null>(null);
  const headingId = useId();
  const name = volunteer.displayName ?? t('unnamed');
  const active = isActive(volunteer, today);
  const training = trainingState(volunteer);
  return (
    <li className="card volunteer-card" aria-labelledby={headingId}>
      <div className="deadline-row__head">
        <h2 id={headingId} className="volunteer-card__name">{name}</h2>
        <span className={`badge ${active ? 'badge--ok' : 'badge--neutral'}`}>{active ? t('active') : t('inactive')}</span>
        {training.kind === 'missing' && <span className="badge badge--at-risk">{t('trainingMissing')}</span>}
      </div>
      <p>{t('languagesOf', { languages: volunteer.languages.map((l) => label(LANGUAGES, l)).join(', ') })}</p>
      <p>
        {volunteer.activeUntil
          ? t('activePeriod', { from: formatDate(volunteer.activeFrom, language), until: formatDate(volunteer.activeUntil, language) })
          : t('activeSince', { from: formatDate(volunteer.activeFrom, language) })}
      </p>
      <p>{t('openCases', { count: volunteer.openCases })}</p>
      {training.kind !== 'missing' && (
        <p>{training.kind === 'on' ? t('trainingOn', { date: formatDate(training.date, language) }) : t('trainingTakenAsPassed')}</p>
      )}
      {active && (
        <div className="row">
          <button type="button" className="button" aria-expanded={editing === 'languages'} onClick={() => setEditing(editing === 'languages' ? null : 'languages')}>
            {editing === 'languages' ? t('hideLanguages') : t('changeLanguages')}
          </button>
          {editing !== 'deactivate' && (
            <button type="button" className="button button--danger" onClick={() => setEditing('deactivate')}>{t('deactivate')}</button>
          )}
        </div>
      )}
      {editing === 'languages' && <LanguagesForm org={org} volunteer={volunteer} name={name} onDone={() => setEditing(null)} />}
      {editing === 'deactivate' && <DeactivateForm org={org} volunteer={volunteer} name={name} onDone={() => setEditing(null)} />}
    </li>
  );
}

function LanguagesForm({ org, volunteer, name, onDone }: { org: string; volunteer: RosterVolunteer; name: string; onDone(): void }) {
  const t = useT(volunteerMessages);
  const api = useApi();
  const client = useQueryClient();
  const announce = useAnnounce();
  const keys = useIdempotencyKeys();
  const [languages, setLanguages] = useState(volunteer.languages);
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: (list: string[]) => api.post(`/orgs/${encodeURIComponent(org)}/volunteers/${encodeURIComponent(volunteer.volunteerId)}/languages`, { languages: list }, { idempotencyKey: keys.keyFor(list.join(',')) }),
    onSuccess: (_answer, list) => {
      keys.succeeded(list.join(','));
      void client.invalidateQueries({ queryKey: rosterKey(org) });
      void client.invalidateQueries({ queryKey: ['suggestions'] });
      announce(t('languagesSaved', { name }));
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (languages.length > 0) save.mutate(languages);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <LanguagePicker legend={t('languages')} value={languages} onChange={setLanguages} error={checked && languages.length === 0 ? t('languagesRequired') : null} />
      {save.isError && <p className="notice notice--error" role="alert">{apiErrorText(save.error, () => undefined, (message) => t('failed', { message }))}</p>}
      <p><button type="submit" className="button button--primary" disabled={save.isPending}>{t('saveLanguages')}</button></p>
    </form>
  );
}
