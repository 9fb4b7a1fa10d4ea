import { FieldValidationException } from '../common/field-errors';
import { planAdhocPost } from './adhoc-post.rules';
import type { AdhocConnection, AdhocPostInput } from './adhoc-post.rules';

const now = new Date('2026-03-01T12:00:00.000Z');
const X: AdhocConnection = { id: 'aaaaaaaa-0000-4000-8000-000000000001', platform: 'x', timeZone: 'Europe/Paris' };
const BSKY: AdhocConnection = { id: 'aaaaaaaa-0000-4000-8000-000000000002', platform: 'bluesky' };
const IG: AdhocConnection = { id: 'aaaaaaaa-0000-4000-8000-000000000003', platform: 'instagram' };
const FB: AdhocConnection = { id: 'aaaaaaaa-0000-4000-8000-000000000004', platform: 'facebook' };
const mine = [X, BSKY, IG, FB];
const input = (extra: Partial<AdhocPostInput> = {}): AdhocPostInput => ({ text: 'Hello #world', connectionIds: [X.id], ...extra });

function fieldErrors(fn: () => unknown): Array<{ field: string; messages: string[] }> {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldValidationException);
    return (error as FieldValidationException).errors;
  }
  throw new Error('expected a FieldValidationException');
}

describe('planAdhocPost', () => {
  it('plans a single post for now on each connection, in the order given, with hashtags read from the text', () => {
    const plan = planAdhocPost(input({ connectionIds: [BSKY.id, X.id.toUpperCase()] }), mine, now);
    expect(plan).toEqual({
      contentType: 'single',
      content: { text: 'Hello #world', hashtags: ['#world'] },
      scheduledTime: now,
      targets: [BSKY, X],
      timezone: 'Europe/Paris',
    });
  });

  it('plans a thread whose first part is the text, keeping explicit hashtags and time zone', () => {
    const plan = planAdhocPost(input({ threadParts: ['Hello #world', 'part two'], hashtags: ['#a'], timeZone: 'Asia/Tokyo', scheduledTime: '2026-03-02T09:00:00Z' }), mine, now);
    expect(plan).toMatchObject({
      contentType: 'thread',
      content: { text: 'Hello #world', threadParts: ['Hello #world', 'part two'], hashtags: ['#a'] },
      scheduledTime: new Date('2026-03-02T09:00:00Z'),
      timezone: 'Asia/Tokyo',
    });
  });

  it('accepts a time up to 5 minutes in the past and up to a year ahead, and names scheduledTime otherwise', () => {
    expect(() => planAdhocPost(input({ scheduledTime: '2026-03-01T11:55:30Z' }), mine, now)).not.toThrow();
    expect(fieldErrors(() => planAdhocPost(input({ scheduledTime: '2026-03-01T11:54:59Z' }), mine, now))).toEqual([
      { field: 'scheduledTime', messages: [expect.stringContaining('more than 5 minutes in the past')] },
    ]);
    expect(() => planAdhocPost(input({ scheduledTime: '2027-02-28T12:00:00Z' }), mine, now)).not.toThrow();
    expect(fieldErrors(() => planAdhocPost(input({ scheduledTime: '2027-03-02T12:00:00Z' }), mine, now))[0].field).toBe('scheduledTime');
  });

  it('names each connection id that is not one of the caller’s', () => {
    const foreign = 'bbbbbbbb-0000-4000-8000-000000000009';
    const errors = fieldErrors(() => planAdhocPost(input({ connectionIds: [X.id, foreign] }), mine, now));
    expect(errors).toEqual([{ field: 'connectionIds.1', messages: [expect.stringContaining(foreign)] }]);
  });

  it('checks the text against every platform posted to, naming the platform and its limit', () => {
    const text = 'a'.repeat(290);
    expect(() => planAdhocPost(input({ text, connectionIds: [BSKY.id] }), mine, now)).not.toThrow();
    const errors = fieldErrors(() => planAdhocPost(input({ text, connectionIds: [BSKY.id, X.id] }), mine, now));
    expect(errors).toEqual([{ field: 'text', messages: ['text is 290 characters long as x counts them; the limit is 280'] }]);
  });

  it('names the thread part that is too long, and refuses threads on platforms without them', () => {
    const errors = fieldErrors(() => planAdhocPost(input({ threadParts: ['Hello #world', 'ok', 'b'.repeat(301)], connectionIds: [X.id, BSKY.id, FB.id] }), mine, now));
    expect(errors).toEqual([
      { field: 'threadParts.2', messages: ['threadParts.2 is 301 characters long as x counts them; the limit is 280', 'threadParts.2 is 301 characters long as bluesky counts them; the limit is 300'] },
      { field: 'threadParts', messages: ['facebook has no threads: post a single text there'] },
    ]);
    expect(fieldErrors(() => planAdhocPost(input({ threadParts: ['another start', 'two'] }), mine, now))).toEqual([
      { field: 'threadParts.0', messages: [expect.stringContaining('must be the same as text')] },
    ]);
  });

  it('refuses platforms that need an image and too many hashtags', () => {
    expect(fieldErrors(() => planAdhocPost(input({ connectionIds: [X.id, IG.id] }), mine, now))).toEqual([
      { field: 'connectionIds.1', messages: ['instagram posts need an image, and an ad-hoc post has none'] },
    ]);
    const tags = Array.from({ length: 11 }, (_, i) => `#t${i}`);
    expect(fieldErrors(() => planAdhocPost(input({ hashtags: tags }), mine, now))).toEqual([{ field: 'hashtags', messages: ['11 hashtags; x allows at most 10'] }]);
  });
});
