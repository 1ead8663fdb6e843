import type { DomainError } from '@referral/case';
import { ApiException } from '../http/api-exception';

/** A domain refusal as the contract's error: the decider already chose the status. */
export function domainException(error: DomainError): ApiException {
  return new ApiException(
    error.status,
    error.code,
    error.message,
    error.details ? error.details.map((d) => ({ path: d.path, message: d.message })) : undefined,
  );
}

/** For a decider run: answer a refused command with its error. */
export function throwRefusal(refused: { error: DomainError }): never {
  throw domainException(refused.error);
}
