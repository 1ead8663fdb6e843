/**
 * Why a command was refused. `status` is the HTTP status the contract prescribes for it, so the
 * HTTP layer maps an error without knowing the rule: 400 bad input (with `details`), 404 no such
 * case or volunteer, 409 state conflict, 422 a rule the input does not meet (e.g. consent).
 */
export interface DomainError {
  readonly code: DomainErrorCode;
  readonly status: 400 | 404 | 409 | 422;
  readonly message: string;
  /** For 400: one entry per violation, `path` as in the request body (e.g. `person.birthDate`). */
  readonly details?: readonly FieldProblem[];
}

export interface FieldProblem {
  readonly path: string;
  readonly message: string;
}

export type DomainErrorCode =
  | 'validation-failed'
  | 'consent-required'
  | 'case-not-found'
  | 'case-already-exists'
  | 'case-closed'
  | 'case-in-triage'
  | 'case-not-in-triage'
  | 'already-linked'
  | 'link-not-allowed'
  | 'volunteer-not-found'
  | 'volunteer-already-exists'
  | 'volunteer-not-active'
  | 'volunteer-other-org'
  | 'volunteer-already-deactivated'
  | 'basic-training-required'
  | 'training-already-recorded'
  | 'reach-attempts-not-met'
  | 'personal-data-erased'
  | 'survey-not-found'
  | 'survey-answered';

export const invalid = (problems: readonly FieldProblem[]): DomainError => ({
  code: 'validation-failed',
  status: 400,
  message: problems.map((p) => `${p.path}: ${p.message}`).join('; '),
  details: problems,
});

export const conflict = (code: DomainErrorCode, message: string): DomainError => ({ code, status: 409, message });

export const unprocessable = (code: DomainErrorCode, message: string): DomainError => ({
  code,
  status: 422,
  message,
});

export const notFound = (code: DomainErrorCode, message: string): DomainError => ({ code, status: 404, message });
