import { BadRequestException } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

export interface FieldError {
  /** Path of the offending field: `name`, `a.b`, `contentThemes.0`. */
  field: string;
  messages: string[];
}

export const VALIDATION_FAILED = 'Validation failed';

/** 400 with field-level errors; the exception filter turns it into `{statusCode, error, message, errors}`. */
export class FieldValidationException extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super({ message: VALIDATION_FAILED, errors });
  }

  static of(field: string, ...messages: string[]): FieldValidationException {
    return new FieldValidationException([{ field, messages }]);
  }
}

/** Flattens class-validator's tree (nested objects and array items included) into one entry per field. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {});
    if (messages.length > 0) result.push({ field, messages });
    if (error.children?.length) result.push(...flattenValidationErrors(error.children, field));
  }
  return result;
}
