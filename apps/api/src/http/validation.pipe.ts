import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ApiException } from './api-exception';

export interface Violation {
  path: string;
  message: string;
}

/**
 * class-validator at the edge: unknown fields are refused, and every violation is listed with its
 * path (`person.birthDate`), never the value that was sent (it may be personal data).
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new ApiException(400, 'validation-failed', 'The request is not valid', flattenViolations(errors)),
  });
}

export function flattenViolations(errors: ValidationError[], prefix = ''): Violation[] {
  const violations: Violation[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      violations.push({
        path,
        message: constraint === 'whitelistValidation' ? 'is not a known field' : message,
      });
    }
    violations.push(...flattenViolations(error.children ?? [], path));
  }
  return violations;
}
