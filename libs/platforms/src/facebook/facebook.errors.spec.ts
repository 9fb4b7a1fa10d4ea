import type { HttpResponse } from '../http/platform-http';
import { readGraphError, type GraphErrorInfo } from '../meta/meta.errors';
import { META_THROTTLE_BACKOFF_MS } from '../meta/meta.usage';
import { classifyFacebookError, facebookError } from './facebook.errors';

const NOW = new Date('2026-11-25T10:00:00Z');

function graph(code: number | undefined, extra: Partial<GraphErrorInfo> = {}): GraphErrorInfo {
  return { message: `(#${code}) something`, type: 'OAuthException', code, ...extra };
}

describe('Facebook error classification (§3.9, §9.2)', () => {
  it.each([
    ['190 expired', 400, graph(190, { subcode: 463 }), false, 'refresh'],
    ['190 revoked', 400, graph(190, { subcode: 467 }), true, 'refresh'],
    ['190 without subcode', 400, graph(190), false, 'refresh'],
    ['102 session', 400, graph(102), false, 'refresh'],
    ['REVOKED_ACCESS_TOKEN message', 400, graph(100, { message: 'Error: REVOKED_ACCESS_TOKEN' }), false, 'refresh'],
    ['4 app throttle', 400, graph(4), true, 'retry'],
    ['17 user throttle', 400, graph(17), false, 'retry'],
    ['32 Page throttle', 400, graph(32), true, 'retry'],
    ['613 custom throttle', 400, graph(613), false, 'retry'],
    ['341 app limit', 400, graph(341), false, 'retry'],
    ['80001 BUC Pages', 400, graph(80001), true, 'retry'],
    ['80014 BUC', 400, graph(80014), false, 'retry'],
    ['1 unknown on the commit', 500, graph(1, { isTransient: true }), true, 'unknown'],
    ['2 service on the commit', 503, graph(2), true, 'unknown'],
    ['1 unknown on a prepare call', 500, graph(1), false, 'retry'],
    ['transient flag on the commit', 400, graph(9999, { isTransient: true }), true, 'unknown'],
    ['bare 5xx on the commit', 502, { message: 'Bad Gateway' }, true, 'unknown'],
    ['bare 5xx elsewhere', 502, { message: 'Bad Gateway' }, false, 'retry'],
    ['10 permission', 403, graph(10), true, 'permanent'],
    ['200 permission', 403, graph(200), true, 'permanent'],
    ['299 permission', 403, graph(299), false, 'permanent'],
    ['100 invalid parameter', 400, graph(100), true, 'permanent'],
    ['368 policy block', 400, graph(368), true, 'permanent'],
    ['368 / 1390008 posting too fast', 400, graph(368, { subcode: 1390008 }), true, 'retry'],
    ['1363047 temporary problem', 400, graph(1, { subcode: 1363047 }), false, 'retry'],
    ['1363047 as a 5xx on the commit', 500, graph(1, { subcode: 1363047 }), true, 'unknown'],
    ['1366046 photo too big', 400, graph(100, { subcode: 1366046 }), false, 'permanent'],
    ['1404078 Page publishing authorization', 400, graph(100, { subcode: 1404078 }), true, 'permanent'],
    ['an unlisted subcode', 400, graph(100, { subcode: 1234567 }), true, 'permanent'],
  ] as const)('%s → %s', (_name, status, error, commit, kind) => {
    expect(classifyFacebookError(status, error as GraphErrorInfo, { what: 'publish the post', commit, now: NOW }).kind).toBe(kind);
  });

  it('marks 506 and 1366051 as duplicates', () => {
    const dup = classifyFacebookError(400, graph(506, { message: '(#506) Duplicate status message' }), { what: 'publish the post', commit: true });
    expect(dup.details).toMatchObject({ duplicate: true, code: '506', status: 400 });
    expect(dup.message).toBe('Facebook could not publish the post: Facebook rejected it as a duplicate of a post already published. ((#506) Duplicate status message [code 506])');
    expect(classifyFacebookError(400, graph(100, { subcode: 1366051 }), { what: 'publish the post' }).details).toMatchObject({ duplicate: true, code: '100/1366051' });
    expect(classifyFacebookError(400, graph(100), { what: 'publish the post' }).details.duplicate).toBeUndefined();
  });

  it('waits for the BUC estimate, else backs off, and scopes app throttles to the app', () => {
    const headers = new Headers({ 'X-Business-Use-Case-Usage': JSON.stringify({ '123': [{ type: 'pages', call_count: 100, total_cputime: 5, total_time: 5, estimated_time_to_regain_access: 12 }] }) });
    const page = classifyFacebookError(400, graph(80001), { what: 'publish the post', now: NOW }, headers);
    expect(page.details).toMatchObject({ scope: 'account', retryAt: new Date(NOW.getTime() + 12 * 60_000) });
    const app = classifyFacebookError(400, graph(4), { what: 'publish the post', now: NOW });
    expect(app.details).toMatchObject({ scope: 'app', retryAt: new Date(NOW.getTime() + META_THROTTLE_BACKOFF_MS) });
  });

  it('puts the user-facing text of the error in the message', () => {
    const error = classifyFacebookError(400, graph(100, { subcode: 1366046, userTitle: 'Photo too large', userMsg: 'Photos must be under 4 MB.' }), { what: 'publish the photo post' });
    expect(error.message).toBe('Facebook could not publish the photo post: the photo is too big or not a JPG/PNG (keep it under 4 MB). (Photo too large: Photos must be under 4 MB. [code 100, subcode 1366046])');
  });

  it('reads a Graph error body and survives a non-Graph one', () => {
    const body = { error: { message: 'Invalid OAuth access token', type: 'OAuthException', code: 190, error_subcode: 467, is_transient: false, fbtrace_id: 'Axyz' } };
    const response = (status: number, text: string, parsed: unknown): HttpResponse => ({ status, text, body: parsed, headers: new Headers(), ok: false });
    expect(readGraphError(response(400, JSON.stringify(body), body))).toEqual({ message: 'Invalid OAuth access token', type: 'OAuthException', code: 190, subcode: 467, isTransient: false, userTitle: undefined, userMsg: undefined, fbtraceId: 'Axyz' });
    const html = facebookError(response(502, '<html>Bad   Gateway</html>', undefined), { what: 'publish the post', commit: true });
    expect([html.kind, html.details.status]).toEqual(['unknown', 502]);
    expect(html.message).toContain('<html>Bad Gateway</html>');
  });
});
