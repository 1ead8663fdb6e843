import { HttpException } from '@nestjs/common';
import type { ErrorBody } from './error-body';

/** An HTTP error whose body is already in the contract's shape. */
export class ApiException extends HttpException {
  constructor(status: number, error: string, message: string, details?: ErrorBody['details']) {
    super({ error, message, ...(details ? { details } : {}) } satisfies ErrorBody, status);
  }
}
