import { bindCorrelationId, withLogContext } from './log-context';
import { redactText, redactValue } from './redact';
import { ServiceLogger } from './service-logger';

const capture = (format: 'json' | 'text' = 'json') => {
  const lines: string[] = [];
  const logger = new ServiceLogger({ service: 'test-svc', format, levels: ['log', 'warn', 'error'], write: (line) => lines.push(line) });
  return { logger, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
};

describe('ServiceLogger', () => {
  it('writes one JSON record per line with level, service, context and the correlation id of the work in progress', () => {
    const { logger, records } = capture();
    logger.log('outside any work', 'Boot');
    withLogContext({ service: 'strategy-svc', correlationId: 'campaign-1', messageId: 'm-1', routingKey: 'campaign.requested.v1' }, () => logger.warn('inside', 'Stage:strategy'));
    withLogContext({ service: 'gateway', requestId: 'r-1' }, () => {
      bindCorrelationId('campaign-2');
      logger.error('failed', 'Error: boom\n    at somewhere (file.ts:1:1)', 'Http');
    });
    const [outside, inside, bound] = records();
    expect(outside).toMatchObject({ level: 'info', service: 'test-svc', context: 'Boot', msg: 'outside any work' });
    expect(outside.correlationId).toBeUndefined();
    expect(inside).toMatchObject({ level: 'warn', service: 'strategy-svc', context: 'Stage:strategy', msg: 'inside', correlationId: 'campaign-1', messageId: 'm-1', routingKey: 'campaign.requested.v1' });
    expect(bound).toMatchObject({ level: 'error', service: 'gateway', context: 'Http', correlationId: 'campaign-2', requestId: 'r-1', stack: expect.stringContaining('Error: boom') });
  });

  it('redacts secrets in messages, details and stacks, whatever the caller logged', () => {
    const { logger, lines } = capture();
    logger.log('calling https://api.example/oauth?client_id=abc&client_secret=s3cr3t-value&code=xyz with Authorization: Bearer abcdefghijklmnop', 'Oauth');
    logger.warn({ accessToken: 'tok-123456', nested: { password: 'hunter22', url: 'postgres://app:pa55word@db:5432/x' } }, 'Conn');
    const text = lines.join('\n');
    for (const secret of ['s3cr3t-value', 'abcdefghijklmnop', 'tok-123456', 'hunter22', 'pa55word']) expect(text).not.toContain(secret);
    expect(text).toContain('client_id=abc');
    expect(text).toContain('postgres://app:[REDACTED]@db:5432/x');
  });

  it('drops levels below the configured one and writes text lines for a terminal', () => {
    const { logger, lines } = capture('text');
    logger.debug('too chatty', 'X');
    withLogContext({ correlationId: 'campaign-9' }, () => logger.log('hello', 'Greeter'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\S+Z INFO {2}\[test-svc\] Greeter: hello \(campaign=campaign-9\)$/);
  });
});

describe('redaction', () => {
  it('masks JWTs, JSON secret fields, query secrets and URL passwords, and leaves ordinary text alone', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    expect(redactText(`token ${jwt} end`)).toBe('token [REDACTED] end');
    expect(redactText('{"refresh_token":"r-1","name":"Ann"}')).toBe('{"refresh_token":"[REDACTED]","name":"Ann"}');
    expect(redactText('GET /v1beta/models/x:generateContent?key=AIzaSy123&alt=json')).toBe('GET /v1beta/models/x:generateContent?key=[REDACTED]&alt=json');
    expect(redactText('amqp://guest:guest@127.0.0.1:5672')).toBe('amqp://guest:[REDACTED]@127.0.0.1:5672');
    expect(redactText('campaign 42 scheduled 3 posts')).toBe('campaign 42 scheduled 3 posts');
    expect(redactValue({ apiKey: 'k', token: '', list: [{ secret: 's' }], when: new Date(0) })).toEqual({ apiKey: '[REDACTED]', token: '', list: [{ secret: '[REDACTED]' }], when: '1970-01-01T00:00:00.000Z' });
  });
});
