import { ConflictException, Logger, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { FieldValidationException, flattenValidationErrors } from './field-errors';
import { HttpExceptionFilter } from './http-exception.filter';
import { UpstreamException } from './upstream.exception';

describe('HttpExceptionFilter.toBody', () => {
  const filter = new HttpExceptionFilter();

  it('gives HTTP exceptions the stable body', () => {
    expect(filter.toBody(new NotFoundException('Campaign x not found'))).toEqual({ statusCode: 404, error: 'Not Found', message: 'Campaign x not found' });
    expect(filter.toBody(new UnauthorizedException())).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' });
    expect(filter.toBody(new ConflictException('busy'))).toEqual({ statusCode: 409, error: 'Conflict', message: 'busy' });
  });

  it('keeps field errors of validation failures', () => {
    const body = filter.toBody(FieldValidationException.of('text', 'too long'));
    expect(body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Validation failed', errors: [{ field: 'text', messages: ['too long'] }] });
  });

  it('hides unexpected errors behind an errorId that is logged with the stack', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const body = filter.toBody(new Error('connection to 10.0.0.5 refused: password=hunter2'));
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error', errorId: expect.any(String) });
    expect(JSON.stringify(body)).not.toContain('hunter2');
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][0])).toContain(body.errorId);
    expect(String(log.mock.calls[0][0])).toContain('hunter2');
    log.mockRestore();
  });
});

describe('HttpExceptionFilter.toBody for an unavailable dependency', () => {
  it("shows the gateway's own message of an UpstreamException with an errorId, and logs the detail", () => {
    const filter = new HttpExceptionFilter();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const body = filter.toBody(new UpstreamException(503, 'The posting service is unavailable; try again shortly', 'connect ECONNREFUSED 127.0.0.1:3105'));
    expect(body).toEqual({ statusCode: 503, error: 'Service Unavailable', message: 'The posting service is unavailable; try again shortly', errorId: expect.any(String) });
    expect(String(warn.mock.calls[0][0])).toContain('ECONNREFUSED');
    expect(String(warn.mock.calls[0][0])).toContain(body.errorId);
    warn.mockRestore();
  });
});

describe('flattenValidationErrors', () => {
  it('names nested fields and array items by path', () => {
    const errors = flattenValidationErrors([
      { property: 'name', constraints: { isString: 'name must be a string' }, children: [] },
      { property: 'contentThemes', children: [{ property: '0', constraints: { maxLength: 'too long' }, children: [] }] },
      { property: 'a', children: [{ property: 'b', constraints: { isInt: 'b must be an integer' }, children: [] }] },
    ]);
    expect(errors).toEqual([
      { field: 'name', messages: ['name must be a string'] },
      { field: 'contentThemes.0', messages: ['too long'] },
      { field: 'a.b', messages: ['b must be an integer'] },
    ]);
  });
});
