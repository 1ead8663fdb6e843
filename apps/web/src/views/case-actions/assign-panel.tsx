import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { LANGUAGES } from '@referral/labels';
import { useApi } from '../../api/api-context';
import type { Page, VolunteerSuggestion } from '../../api/types';
import { useCaseCommand, useCaseView } from '../../components/case-queries';
import { QueryState } from '../../components/query-state';
import { refusalText } from '../../components/refusal-text';
import { useLabel, useLanguage, useT } from '../../i18n/i18n';
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
  const { language: uiLanguage } = useLanguage();
  const api = useApi();
  const announce = useAnnounce();
  const changed = useCaseChanged();
  const headingId = useId();
  const caseQuery = useCaseView(caseId, { enabled: preferredLanguage === undefined });
  const language = preferredLanguage === undefined ? caseQuery.data?.person.preferredLanguage : preferredLanguage ?? undefined;
  const suggestions = useQuery({
    queryKey: ['suggestions', caseId],
    queryFn: () => api.get<Page<VolunteerSuggestion>>(`/cases/${encodeURIComponent(caseId)}/volunteer-suggestions`),
  });
  const command = useCaseCommand<{ volunteerId: string | null }>(caseId, 'assignment');
  const assign = (volunteerId: string | null, name: string) =>
    command.mutate({ volunteerId }, {
      onSuccess: (answer) => {
        changed(caseId, answer);
        announce(volunteerId === null ? t('unassigned') : t('assigned', { name }));
        onDone?.();
      },
    });

  return (
    <section className="assign-panel" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('suggestionsTitle')}</h3>
      <p className="muted">{t('suggestionsIntro')}</p>
      {command.isError && <p className="notice notice--error" role="alert">{refusalText(command.error, refusalWords(t), uiLanguage)}</p>}
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
                      disabled={command.isPending} onClick={() => assign(line.volunteerId, line.name)}>
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
          <button type="button" className="button button--danger" disabled={command.isPending} onClick={() => assign(null, '')}>
            {t('unassign')}
          </button>
        </p>
      )}
    </section>
  );
}
