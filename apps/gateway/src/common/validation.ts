import { ValidationPipe } from '@nestjs/common';
import { FieldValidationException, flattenValidationErrors } from './field-errors';

/** The one validation pipe of the gateway: unknown fields are rejected, payloads become DTO instances. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new FieldValidationException(flattenValidationErrors(errors)),
  });
}
