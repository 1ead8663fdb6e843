import type { PersonalData } from '@referral/case';
import type { CaseHistoryEntry } from './case-history-entry';
import { ERASED, caseNumbersAsSent, personAsSent } from './person-as-sent';

/**
 * Opens personal data as the read models keep it (sealed): the plain value, or `null` when its
 * key was erased. A value that is not sealed (a store written before sealing, or a test's raw
 * store) is handed back as it is.
 */
export interface PersonalDataReader {
  open(value: unknown): Promise<unknown>;
}

export const unsealedReader: PersonalDataReader = { open: async (value) => value };

export interface SealedCaseParts {
  person: Record<string, unknown>;
  personalData: unknown;
  erased: boolean;
  history: CaseHistoryEntry[];
}

/** The person and the history of a case as a user reads them: personal data opened, or marked erased. */
export async function revealCaseParts(
  parts: SealedCaseParts,
  reader: PersonalDataReader,
): Promise<{ person: Record<string, unknown>; asSent: { policeReportNumber?: string; note?: string }; history: CaseHistoryEntry[] }> {
  const open = async (value: unknown): Promise<PersonalData | typeof ERASED | null> => {
    if (value === null || value === undefined) return null;
    if (parts.erased) return ERASED;
    const opened = await reader.open(value);
    return opened === null ? ERASED : (opened as PersonalData);
  };
  const opened = await open(parts.personalData);
  const person = personAsSent(parts.person, opened);
  const history: CaseHistoryEntry[] = [];
  for (const entry of parts.history) {
    if (!('personalData' in entry)) {
      history.push(entry);
      continue;
    }
    const { personalData, ...rest } = entry;
    const opened = await open(personalData);
    history.push(opened === ERASED ? { ...rest, personalData: ERASED } : { ...rest, ...shownInHistory(opened) });
  }
  return { person, asSent: caseNumbersAsSent(opened), history };
}

/** What of an entry's opened personal data a user reads in the history: its note, or the override's reason. */
function shownInHistory(opened: PersonalData | null): Record<string, unknown> {
  return {
    ...(opened?.note === undefined ? {} : { note: opened.note }),
    ...(opened?.overrideReason === undefined ? {} : { override: { reason: opened.overrideReason } }),
  };
}
