import { POST_STATUSES } from '../posts/post-status';
import type { PostStatus } from '../posts/post-status';
import { postTransition } from './post-transitions';
import type { PostLifecycleState } from './post-transitions';

const t = (iso: string) => new Date(`2026-03-01T${iso}Z`);
const post = (status: PostStatus, extra: Partial<PostLifecycleState> = {}): PostLifecycleState => ({ status, failureCode: null, failedAt: null, ...extra });
const blocked = post('failed', { failureCode: 'reconnect_required', failedAt: t('10:00:00') });
const allowed = (event: Parameters<typeof postTransition>[1]) => POST_STATUSES.filter((status) => postTransition(post(status), event) !== null);

describe('postTransition', () => {
  it('post.due moves only draft and armed posts to publishing', () => {
    expect(allowed({ kind: 'due' })).toEqual(['draft', 'armed']);
    expect(postTransition(post('armed'), { kind: 'due', connectionId: 'c1' })).toEqual({ status: 'publishing', connectionId: 'c1' });
  });

  it('post.attempted moves draft and armed posts to publishing, nothing settled', () => {
    expect(allowed({ kind: 'attempted', startedAt: t('09:00:00'), outcome: 'retry' })).toEqual(['draft', 'armed']);
    expect(postTransition(post('armed'), { kind: 'attempted', startedAt: t('09:00:00'), outcome: 'rejected' })).toEqual({ status: 'publishing' });
  });

  it('post.attempted resumes a post waiting for a reconnect, clearing the failure, only for an attempt started after the failure', () => {
    expect(postTransition(blocked, { kind: 'attempted', startedAt: t('10:05:00'), outcome: 'retry' })).toEqual({ status: 'publishing', error: null, failureCode: null });
    expect(postTransition(blocked, { kind: 'attempted', startedAt: t('10:05:00'), outcome: 'refreshed' })).not.toBeNull();
    expect(postTransition(blocked, { kind: 'attempted', startedAt: t('09:59:00'), outcome: 'retry' })).toBeNull();
    expect(postTransition(blocked, { kind: 'attempted', startedAt: t('10:00:00'), outcome: 'retry' })).toBeNull();
    expect(postTransition(post('failed', { failureCode: 'rejected', failedAt: t('10:00:00') }), { kind: 'attempted', startedAt: t('11:00:00'), outcome: 'retry' })).toBeNull();
  });

  it('post.attempted never resumes a post with the attempt that failed it, whatever the clocks say', () => {
    for (const outcome of ['reconnect_required', 'rejected', 'gave_up', 'unconfirmed']) {
      expect(postTransition(blocked, { kind: 'attempted', startedAt: t('10:00:01'), outcome })).toBeNull();
    }
  });

  it('post.published wins over everything but published, and stores url, account and connection', () => {
    const event = { kind: 'published' as const, platformPostId: 'p-1', publishedAt: t('12:00:00'), url: 'https://x.com/a/status/1', accountName: '@a', connectionId: 'c1' };
    expect(allowed(event)).toEqual(POST_STATUSES.filter((s) => s !== 'published'));
    expect(postTransition(blocked, event)).toEqual({
      status: 'published',
      platformPostId: 'p-1',
      publishedAt: t('12:00:00'),
      error: null,
      failureCode: null,
      url: 'https://x.com/a/status/1',
      accountName: '@a',
      connectionId: 'c1',
    });
  });

  it('post.failed settles unsettled posts with its code, and replaces only an older reconnect failure', () => {
    const event = { kind: 'failed' as const, reason: 'token revoked', code: 'reconnect_required', failedAt: t('11:00:00') };
    expect(allowed(event)).toEqual(['draft', 'armed', 'publishing']);
    expect(postTransition(post('publishing'), event)).toEqual({ status: 'failed', error: 'token revoked', failureCode: 'reconnect_required', failedAt: t('11:00:00') });
    expect(postTransition(blocked, { ...event, code: 'rejected' })).toMatchObject({ failureCode: 'rejected' });
    expect(postTransition(blocked, { ...event, failedAt: t('09:00:00') })).toBeNull();
    expect(postTransition(post('failed', { failureCode: 'gave_up', failedAt: t('08:00:00') }), event)).toBeNull();
  });

  it('a failure older than the recorded one is ignored even after the post resumed', () => {
    const resumed = post('publishing', { failedAt: t('10:00:00') });
    expect(postTransition(resumed, { kind: 'failed', reason: 'old', code: 'reconnect_required', failedAt: t('09:00:00') })).toBeNull();
    expect(postTransition(resumed, { kind: 'failed', reason: 'new', code: 'rejected', failedAt: t('10:30:00') })).toMatchObject({ status: 'failed', failureCode: 'rejected' });
  });

  it('post.unconfirmed settles unsettled posts (and one waiting for a reconnect) with the reason', () => {
    const event = { kind: 'unconfirmed' as const, reason: 'timed out; the platform has no search', at: t('11:00:00') };
    expect(allowed(event)).toEqual(['draft', 'armed', 'publishing']);
    expect(postTransition(post('publishing'), event)).toEqual({ status: 'unconfirmed', error: event.reason, failureCode: null });
    expect(postTransition(blocked, event)).toMatchObject({ status: 'unconfirmed' });
    expect(postTransition(blocked, { ...event, at: t('09:00:00') })).toBeNull();
  });
});
