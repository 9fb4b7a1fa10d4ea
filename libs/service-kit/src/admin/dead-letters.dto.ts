import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min, ValidateBy, ValidateIf } from 'class-validator';
import type { ValidationError } from 'class-validator';

export const MAX_LIST = 1000;
export const MAX_REPLAY = 10_000;

/** `GET /admin/dead-letters?limit=20`. */
export class ListDeadLettersQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1)
  @Max(MAX_LIST)
  limit?: number;
}

/** Fails when the other field is given too. */
function NotTogetherWith(other: string): PropertyDecorator {
  return ValidateBy({
    name: 'notTogetherWith',
    constraints: [other],
    validator: {
      validate: (_value, args) => (args?.object as Record<string, unknown> | undefined)?.[other] === undefined,
      defaultMessage: (args) => `${args?.property ?? 'this field'} cannot be given together with ${other}: replay either by id or the first n`,
    },
  });
}

/** `POST /admin/dead-letters/replay`: `{ "messageIds": [...] }` or `{ "count": n }`, exactly one of them. */
export class ReplayDeadLettersBody {
  @ValidateIf((body: ReplayDeadLettersBody) => body.messageIds !== undefined || body.count === undefined)
  @IsDefined({ message: 'messageIds or count is required' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIST)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  messageIds?: string[];

  @ValidateIf((body: ReplayDeadLettersBody) => body.count !== undefined)
  @NotTogetherWith('messageIds')
  @IsInt({ message: 'count must be an integer' })
  @Min(1)
  @Max(MAX_REPLAY)
  count?: number;
}

export interface FieldError {
  /** Path of the offending field: `limit`, `messageIds`, `messageIds.0`. */
  field: string;
  messages: string[];
}

/** 400 naming the fields, in the gateway's error shape: `{statusCode, error, message, errors: [{field, messages}]}`. */
export class AdminValidationException extends BadRequestException {
  constructor(readonly errors: FieldError[]) {
    super({ statusCode: 400, error: 'Bad Request', message: `Validation failed: ${errors.map((e) => e.messages.join('; ')).join('; ')}`, errors });
  }
}

function flatten(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    return [...(own.length > 0 ? [{ field, messages: own }] : []), ...flatten(error.children ?? [], field)];
  });
}

/** The admin API's validation: unknown fields refused, strings turned into numbers where declared. */
export function adminValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new AdminValidationException(flatten(errors)),
  });
}
