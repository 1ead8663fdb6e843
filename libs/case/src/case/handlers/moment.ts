import { FieldProblem } from '../../shared/domain-error';
import { parseInstant } from '../../time/instant';

export interface MomentRules {
  /** The app's clock: the moment may not be after it. */
  readonly now?: string;
  /** The moment may not be before this one (e.g. the case's receipt). */
  readonly notBefore?: string;
  readonly notBeforeWhat?: string;
}

/**
 * Checks a moment given in a command. Answers the instant in milliseconds, or adds a problem
 * under `path` and answers `null`.
 */
export function checkMoment(text: string, path: string, rules: MomentRules, problems: FieldProblem[]): number | null {
  const ms = parseInstant(text);
  if (ms === null) {
    problems.push({ path, message: 'must be an ISO-8601 date-time with offset' });
    return null;
  }
  const now = rules.now === undefined ? null : parseInstant(rules.now);
  if (rules.now !== undefined && now === null) {
    problems.push({ path: 'now', message: 'the clock reading must be an ISO-8601 date-time with offset' });
    return null;
  }
  if (now !== null && ms > now) {
    problems.push({ path, message: 'is in the future' });
    return null;
  }
  const notBefore = rules.notBefore === undefined ? null : parseInstant(rules.notBefore);
  if (notBefore !== null && ms < notBefore) {
    problems.push({ path, message: `is before ${rules.notBeforeWhat ?? 'the case was received'}` });
    return null;
  }
  return ms;
}
