import { applyDecorators } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBadGatewayResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'targetPlatforms', description: 'Path of the field: `name`, `a.b`, `contentThemes.0`.' })
  field: string;

  @ApiProperty({ type: [String], example: ['targetPlatforms should not be empty'] })
  messages: string[];
}

export class ErrorResponseDto {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({ example: 'Not Found' })
  error: string;

  @ApiProperty({ example: 'Campaign 5f0c… not found' })
  message: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'On 5xx answers: the id under which the error is logged.' })
  errorId?: string;
}

export class ValidationErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode: number;

  @ApiProperty({ example: 'Bad Request' })
  error: string;

  @ApiProperty({ example: 'Validation failed' })
  message: string;

  @ApiProperty({ type: [FieldErrorDto] })
  errors: FieldErrorDto[];
}

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 502 | 503;

/** Documents the error answers of a route, all with the gateway's stable error body. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  const decorators = statuses.map((status) => {
    switch (status) {
      case 400:
        return ApiBadRequestResponse({ description: 'Validation failed (field errors listed).', type: ValidationErrorResponseDto });
      case 401:
        return ApiUnauthorizedResponse({ description: 'Missing, invalid or expired bearer token.', type: ErrorResponseDto });
      case 403:
        return ApiForbiddenResponse({ description: 'The signature is invalid or has expired.', type: ErrorResponseDto });
      case 502:
        return ApiBadGatewayResponse({ description: 'A service the gateway depends on answered unexpectedly.', type: ErrorResponseDto });
      case 503:
        return ApiServiceUnavailableResponse({ description: 'A service the gateway depends on is unavailable; try again shortly.', type: ErrorResponseDto });
      case 404:
        return ApiNotFoundResponse({ description: 'Not found (or not yours).', type: ErrorResponseDto });
      case 409:
        return ApiConflictResponse({ description: 'The resource is not in a state that allows this.', type: ErrorResponseDto });
    }
  });
  return applyDecorators(...decorators);
}
