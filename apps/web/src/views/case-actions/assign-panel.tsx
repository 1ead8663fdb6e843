import { useMutation, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { LANGUAGES } from '@referral/labels';
import { useApi } from '../../api/api-context';
import { useIdempotencyKeys } from '../../api/idempotency';
import type { CaseView, Page, VolunteerSuggestion } from '../../api/types';
import { apiErrorText } from '../../components/api-error-text';
import { QueryState } from '../../components/query-state';
import { useLabel, useT } from '../../i18n/i18n';
import { useAnnounce } from '../../layout/announcer';
import { caseActionMessages } from './messages';
import { refusalWords } from './refusals';
import { suggestionLines } from './suggestions';
import { useCaseChanged } from './use-case-changed';

/**
 * The volunteer suggestions for a case (speakers of the person's language first, then fewest open
 * cases), each with its own "Tilldela" button; and taking the case back from its assignee.
 */
export function AssignPanel({ caseId, assigneeId, preferredLanguage, onDone }: {
  caseId: string;
  assigneeId: string | null;
  /** The person's language; `undefined` reads the case for it. */
  preferredLanguage?: string | null;
  onDone?: () => void;
}) {
  const t = useT(caseActionMessages);
  const label = useLabel();
  const api = useApi();
  const announce = useAnnounce();
  const changed = useCaseChanged();
  const keys = useIdempotencyKeys();
  const headingId = useId();
  const caseQuery = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => api.get<CaseView>(`/cases/${encodeURIComponent(caseId)}`),
    enabled: preferredLanguage === undefined,
  });
  const language = preferredLanguage === undefined ? caseQuery.data?.person.preferredLanguage : preferredLanguage ?? undefined;
  const suggestions = useQuery({
    queryKey: ['suggestions', caseId],
    queryFn: () => api.get<Page<VolunteerSuggestion>>(`/cases/${encodeURIComponent(caseId)}/volunteer-suggestions`),
  });
  const assign = useMutation({
    mutationFn: ({ volunteerId }: { volunteerId: string | null; name: string }) =>
      api.post<CaseView>(`/cases/${encodeURIComponent(caseId)}/assignment`, { volunteerId }, { idempotencyKey: keys.keyFor(`assign:${volunteerId}`) }),
    onSuccess: (answer, { volunteerId, name }) => {
      keys.succeeded(`assign:${volunteerId}`);
      changed(caseId, answer);
      announce(volunteerId === null ? t('unassigned') : t('assigned', { name }));
      onDone?.();
    },
  });

  return (
    <section className="assign-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('suggestionsTitle')}</h3>
      <p className="muted">{t('suggestionsIntro')}</p>
      {assign.isError && (
        <p className="notice notice--error" role="alert">{apiErrorText(assign.error, refusalWords(t), (message) => t('failed', { message }))}</p>
      )}
      <QueryState query={suggestions}>
        {(page) => {
          const lines = suggestionLines(page.items, language, assigneeId, t('unnamed'));
          if (lines.length === 0) return <p>{t('noSuggestions')}</p>;
          return (
            <ul className="card-list suggestion-list">
              {lines.map((line) => (
                <li key={line.volunteerId} className="suggestion">
                  <div>
                    <strong>{line.name}</strong>{' '}
                    {line.speaks && <span className="badge badge--ok">{t('speaks', { language: label(LANGUAGES, line.speaks) })}</span>}{' '}
                    {line.current && <span className="badge badge--neutral">{t('hasItNow')}</span>}
                    <div className="muted">{t('languages', { languages: line.languages.map((l) => label(LANGUAGES, l)).join(', ') })}</div>
                    <div className="muted">{t('openCases', { count: line.openCases })}</div>
                  </div>
                  {!line.current && (
                    <button type="button" className="button button--primary" aria-label={t('assignToLabel', { name: line.name })}
                      disabled={assign.isPending} onClick={() => assign.mutate({ volunteerId: line.volunteerId, name: line.name })}>
                      {t('assignTo')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          );
        }}
      </QueryState>
      {assigneeId && (
        <p>
          <button type="button" className="button button--danger" disabled={assign.isPending} onClick={() => assign.mutate({ volunteerId: null, name: '' })}>
            {t('unassign')}
          </button>
        </p>
      )}
    </section>
  );
}
