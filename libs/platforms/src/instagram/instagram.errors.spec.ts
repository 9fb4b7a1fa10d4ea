import type { GraphErrorInfo } from '../meta/meta.errors';
import { classifyInstagramError, containerErrorRule } from './instagram.errors';

function graph(code: number, subcode?: number, extra: Partial<GraphErrorInfo> = {}): GraphErrorInfo {
  return { message: `(#${code}) something`, type: 'OAuthException', code, subcode, ...extra };
}

describe('Instagram error classification (§4.9, §9.2)', () => {
  it.each([
    ['190 expired token', 400, graph(190, 463), false, 'refresh'],
    ['subcode 33 re-auth', 400, graph(100, 33), false, 'refresh'],
    ['session invalidated message', 400, graph(100, undefined, { message: 'The session has been invalidated because the user changed their password' }), false, 'refresh'],
    ['9 / 2207042 daily publishing limit', 400, graph(9, 2207042), true, 'retry'],
    ['code 9 alone', 400, graph(9), true, 'retry'],
    ['80002 BUC Instagram', 400, graph(80002), true, 'retry'],
    ['2207003 download timeout', 400, graph(9004, 2207003), false, 'retry'],
    ['2207032 create failed', 400, graph(1, 2207032), false, 'retry'],
    ['2207027 not ready yet', 400, graph(9007, 2207027), true, 'retry'],
    ['2207052 fetch failed', 400, graph(9004, 2207052), false, 'permanent'],
    ['2207010 caption', 400, graph(100, 2207010), false, 'permanent'],
    ['2207028 carousel', 400, graph(100, 2207028), false, 'permanent'],
    ['2207001 spam', 400, graph(100, 2207001), true, 'permanent'],
    ['36003 aspect ratio', 400, graph(100, 36003), false, 'permanent'],
    ['not a business account', 400, graph(100, undefined, { message: 'The user is not an Instagram Business' }), false, 'permanent'],
    ['5xx on media_publish', 500, graph(2), true, 'unknown'],
    ['5xx on container creation', 500, graph(2), false, 'retry'],
  ] as const)('%s → %s', (_name, status, error, commit, kind) => {
    expect(classifyInstagramError(status, error, { what: 'publish the post', commit }).kind).toBe(kind);
  });

  it('scopes the publishing limit to the account and says so', () => {
    const error = classifyInstagramError(400, graph(9, 2207042), { what: 'publish the post', commit: true });
    expect(error.details).toMatchObject({ scope: 'account', code: '9/2207042' });
    expect(error.message).toContain('daily publishing limit');
  });

  it('reads the subcode out of a container ERROR status', () => {
    expect(containerErrorRule('ERROR: Media download has failed. 2207052')).toMatchObject({ kind: 'permanent', meaning: expect.stringContaining('fetch the image') });
    expect(containerErrorRule('ERROR: timed out 2207003')).toMatchObject({ kind: 'retry' });
    expect(containerErrorRule('ERROR')).toMatchObject({ kind: 'permanent', meaning: 'Instagram could not process the media (ERROR)' });
    expect(containerErrorRule(undefined).kind).toBe('permanent');
  });
});
