import { BadRequestException, ConflictException, HttpStatus, NotFoundException } from '@nestjs/common';
import { FieldValidationException } from '../common/field-errors';
import { UpstreamException } from '../common/upstream.exception';
import { PostingApiError } from './posting.client';

const REDACTED = '[redacted]';

/** Replaces every occurrence of the given secrets (tokens, passwords the user sent) in `text`. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join(REDACTED);
  }
  return result;
}

/**
 * posting-svc's refusal as the gateway's own error: a 400 with `fields` becomes field errors in the
 * gateway's format (`errors: [{field, messages}]`), other 400s, 404s and 409s keep their status and message.
 * Anything the user sent as a secret is cut out of the messages, in case posting-svc (or a platform it
 * quotes) echoed it. Errors that are not posting-svc refusals pass unchanged.
 */
export function asClientError(error: unknown, secrets: ReadonlyArray<string | undefined> = []): unknown {
  if (!(error instanceof PostingApiError)) return error;
  const message = redactSecrets(error.body.message, secrets);
  switch (error.status) {
    case HttpStatus.BAD_REQUEST:
    case HttpStatus.UNPROCESSABLE_ENTITY: {
      const fields = Object.entries(error.body.fields ?? {});
      if (fields.length > 0) return new FieldValidationException(fields.map(([field, problem]) => ({ field, messages: [redactSecrets(problem, secrets)] })));
      return new BadRequestException(message);
    }
    case HttpStatus.NOT_FOUND:
      return new NotFoundException(message);
    case HttpStatus.CONFLICT:
      return new ConflictException(message);
    default:
      return new UpstreamException(HttpStatus.BAD_GATEWAY, 'The posting service refused the request unexpectedly', `${error.status}: ${message}`);
  }
}

