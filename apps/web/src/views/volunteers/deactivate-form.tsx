import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useApi } from '../../api/api-context';
import { useIdempotencyKeys } from '../../api/idempotency';
import type { RosterVolunteer } from '../../api/types';
import { apiErrorText } from '../../components/api-error-text';
import { useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { volunteerMessages } from './messages';
import { rosterKey } from './use-roster';

/** The confirmation before `POST /orgs/{org}/volunteers/{id}/deactivation`, with an optional last day. */
export function DeactivateForm({ org, volunteer, name, onDone }: { org: string; volunteer: RosterVolunteer; name: string; onDone(): void }) {
  const t = useT(volunteerMessages);
  const api = useApi();
  const client = useQueryClient();
  const announce = useAnnounce();
  const keys = useIdempotencyKeys();
  const id = useId();
  const [activeUntil, setActiveUntil] = useState('');
  const deactivate = useMutation({
    mutationFn: (until: string) => api.post(`/orgs/${encodeURIComponent(org)}/volunteers/${encodeURIComponent(volunteer.volunteerId)}/deactivation`, until ? { activeUntil: until } : {}, { idempotencyKey: keys.keyFor(`deactivate:${until}`) }),
    onSuccess: (_answer, until) => {
      keys.succeeded(`deactivate:${until}`);
      void client.invalidateQueries({ queryKey: rosterKey(org) });
      void client.invalidateQueries({ queryKey: ['suggestions'] });
      announce(t('deactivated', { name }));
      onDone();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    deactivate.mutate(activeUntil);
  };
  return (
    <form className="form notice notice--warn" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('deactivateTitle', { name })}</h3>
      <p>{t('deactivateText')}</p>
      <div className="field">
        <label htmlFor={`${id}-until`}>{t('activeUntil')}</label>
        <span className="field__hint" id={`${id}-hint`}>{t('activeUntilHint')}</span>
        <input id={`${id}-until`} type="date" value={activeUntil} aria-describedby={`${id}-hint`} onChange={(e) => setActiveUntil(e.target.value)} />
      </div>
      {deactivate.isError && <p className="notice notice--error" role="alert">{apiErrorText(deactivate.error, () => undefined, (message) => t('failed', { message }))}</p>}
      <div className="row">
        <button type="submit" className="button button--danger" disabled={deactivate.isPending}>{t('confirmDeactivate')}</button>
        <button type="button" className="button" onClick={onDone}>{t('cancel')}</button>
      </div>
    </form>
  );
}
