import { ApiException } from './api-exception';

/** 429 with the contract's body; the error filter adds `Retry-After` from it. */
export class TooManyRequestsException extends ApiException {
  constructor(readonly retryAfterSeconds: number, message: string) {
    super(429, 'too-many-requests', message);
  }
}
