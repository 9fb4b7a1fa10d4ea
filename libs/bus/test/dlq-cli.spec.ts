import { DlqUsageError, parseDlqArgs } from '@app/launcher';

/** The `npm run dlq` command line (the commands themselves run against the broker in dead-letters.int-spec.ts). */
describe('npm run dlq: command line', () => {
  it('reads every command with its defaults', () => {
    expect(parseDlqArgs(['gateway'])).toEqual({ action: 'list', service: 'gateway', count: 20, url: undefined, json: false });
    expect(parseDlqArgs(['posting-svc', 'list', '5', '--json'])).toEqual({ action: 'list', service: 'posting-svc', count: 5, url: undefined, json: true });
    expect(parseDlqArgs(['posting-svc', 'inspect', 'm-1'])).toMatchObject({ action: 'inspect', messageId: 'm-1' });
    expect(parseDlqArgs(['posting-svc', 'discard', 'm-1', '--url', 'http://127.0.0.1:3105'])).toMatchObject({ action: 'discard', messageId: 'm-1', url: 'http://127.0.0.1:3105' });
    expect(parseDlqArgs(['posting-svc', 'replay'])).toMatchObject({ action: 'replay', count: 20 });
    expect(parseDlqArgs(['posting-svc', 'replay', '3'])).toMatchObject({ action: 'replay', count: 3 });
    expect(parseDlqArgs(['posting-svc', 'replay', '--id', 'a', 'b', '--id', 'c', '--json'])).toMatchObject({ action: 'replay', messageIds: ['a', 'b', 'c'], json: true });
    expect(parseDlqArgs(['--url', 'https://svc.internal:8443/', 'analytics-svc', 'replay', '--id', 'a'])).toMatchObject({ service: 'analytics-svc', url: 'https://svc.internal:8443/', messageIds: ['a'] });
  });

  it.each<[string[], RegExp]>([
    [[], /which service/],
    [['nope', 'list'], /unknown service "nope"/],
    [['gateway', 'purge'], /unknown command "purge"/],
    [['gateway', 'list', '0'], /list takes an optional count/],
    [['gateway', 'list', 'ten'], /list takes an optional count/],
    [['gateway', 'inspect'], /inspect takes exactly one message id/],
    [['gateway', 'discard', 'a', 'b'], /discard takes exactly one message id/],
    [['gateway', 'replay', '2', '--id', 'a'], /either a count or --id/],
    [['gateway', 'replay', '--id'], /--id needs at least one message id/],
    [['gateway', 'list', '--id', 'a'], /--id only goes with replay/],
    [['gateway', 'list', '--url'], /--url needs a URL/],
    [['gateway', 'list', '--url', 'amqp://x'], /--url must be an http\(s\) URL/],
    [['gateway', 'list', '--force'], /unknown option --force/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseDlqArgs(argv)).toThrow(DlqUsageError);
    expect(() => parseDlqArgs(argv)).toThrow(message);
  });
});
