import { BadRequestException, ConflictException } from '@nestjs/common';
import { FieldValidationException } from '../common/field-errors';
import type { EditablePost } from './post-edit.rules';
import { hashtagsIn, planPostEdit, textProblems } from './post-edit.rules';

const now = new Date('2026-03-01T12:00:00.000Z');
const post = (extra: Partial<EditablePost> = {}): EditablePost => ({
  id: 'p1',
  campaignId: 'c1',
  status: 'draft',
  platform: 'x',
  contentType: 'single',
  content: { text: 'old #Old', hashtags: ['#Old'], callToAction: 'Sign up' },
  scheduledTime: new Date('2026-03-02T09:00:00.000Z'),
  editRevision: 0,
  ...extra,
});

function fieldErrors(fn: () => unknown): Array<{ field: string; messages: string[] }> {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FieldValidationException);
    return (error as FieldValidationException).errors;
  }
  throw new Error('expected a FieldValidationException');
}

describe('planPostEdit', () => {
  it('accepts 280 characters on X and rejects 281, naming the text field', () => {
    expect(() => planPostEdit(post(), { text: 'a'.repeat(280) }, now)).not.toThrow();
    const errors = fieldErrors(() => planPostEdit(post(), { text: 'a'.repeat(281) }, now));
    expect(errors).toEqual([{ field: 'text', messages: [expect.stringContaining('limit is 280')] }]);
  });

  it("counts X's weighted length (emoji count 2)", () => {
    expect(fieldErrors(() => planPostEdit(post(), { text: '🚀'.repeat(141) }, now))[0].field).toBe('text');
    expect(() => planPostEdit(post(), { text: '🚀'.repeat(140) }, now)).not.toThrow();
  });

  it('allows long captions on Instagram but at most 30 hashtags', () => {
    const ig = post({ platform: 'instagram', contentType: 'image' });
    expect(() => planPostEdit(ig, { text: 'a'.repeat(2000) }, now)).not.toThrow();
    const tags = (n: number) => Array.from({ length: n }, (_, i) => `#t${i}`).join(' ');
    expect(() => planPostEdit(ig, { text: tags(30) }, now)).not.toThrow();
    expect(fieldErrors(() => planPostEdit(ig, { text: tags(31) }, now))[0].messages[0]).toContain('at most 30');
  });

  it('rejects blank text', () => {
    expect(fieldErrors(() => planPostEdit(post(), { text: '   ' }, now))[0]).toEqual({ field: 'text', messages: ['text must not be blank'] });
  });

  it('only edits draft or armed posts (409 otherwise)', () => {
    expect(() => planPostEdit(post({ status: 'armed' }), { text: 'ok' }, now)).not.toThrow();
    for (const status of ['publishing', 'published', 'failed', 'cancelled'] as const) {
      expect(() => planPostEdit(post({ status }), { text: 'ok' }, now)).toThrow(ConflictException);
    }
  });

  it('lets a missed post be rescheduled (arming it again), but not other failed posts', () => {
    const missed = post({ status: 'failed', failureCode: 'missed' });
    const plan = planPostEdit(missed, { scheduledTime: '2026-03-02T09:00:00Z' }, now);
    expect(plan.rearm).toBe(true);
    expect(plan.event.scheduledTime).toBe('2026-03-02T09:00:00.000Z');
    expect(fieldErrors(() => planPostEdit(missed, { text: 'new text only' }, now))[0].field).toBe('scheduledTime');
    expect(() => planPostEdit(post({ status: 'failed', failureCode: 'rejected' }), { scheduledTime: '2026-03-02T09:00:00Z' }, now)).toThrow(ConflictException);
    expect(planPostEdit(post({ status: 'armed' }), { scheduledTime: '2026-03-02T09:00:00Z' }, now).rearm).toBe(false);
  });

  it('requires a scheduled time in the future', () => {
    expect(fieldErrors(() => planPostEdit(post(), { scheduledTime: '2026-03-01T11:59:59Z' }, now))[0]).toEqual({
      field: 'scheduledTime',
      messages: ['scheduledTime must be in the future'],
    });
    expect(fieldErrors(() => planPostEdit(post(), { scheduledTime: now.toISOString() }, now))[0].field).toBe('scheduledTime');
  });

  it('requires text or scheduledTime', () => {
    expect(() => planPostEdit(post(), {}, now)).toThrow(BadRequestException);
  });

  it('reports both fields at once', () => {
    const errors = fieldErrors(() => planPostEdit(post(), { text: 'a'.repeat(300), scheduledTime: '2020-01-01T00:00:00Z' }, now));
    expect(errors.map((e) => e.field)).toEqual(['text', 'scheduledTime']);
  });

  it('replaces the text, re-reads hashtags, bumps the revision and describes the update event', () => {
    const plan = planPostEdit(post({ editRevision: 2 }), { text: 'New copy #Launch #saas', scheduledTime: '2026-03-05T08:00:00Z' }, now);
    expect(plan.editRevision).toBe(3);
    expect(plan.content).toEqual({ text: 'New copy #Launch #saas', hashtags: ['#Launch', '#saas'], callToAction: 'Sign up' });
    expect(plan.scheduledTime?.toISOString()).toBe('2026-03-05T08:00:00.000Z');
    expect(plan.event).toEqual({
      postId: 'p1',
      campaignId: 'c1',
      editRevision: 3,
      text: 'New copy #Launch #saas',
      hashtags: ['#Launch', '#saas'],
      scheduledTime: '2026-03-05T08:00:00.000Z',
    });
  });

  it('for a thread, replaces part 1 and keeps the rest and the hashtags', () => {
    const thread = post({ contentType: 'thread', content: { text: '1/3 a', threadParts: ['1/3 a', '2/3 b', '3/3 c'], hashtags: ['#T'] } });
    const plan = planPostEdit(thread, { text: '1/3 fresh start' }, now);
    expect(plan.content).toEqual({ text: '1/3 fresh start', threadParts: ['1/3 fresh start', '2/3 b', '3/3 c'], hashtags: ['#T'] });
    expect(plan.event).toEqual({ postId: 'p1', campaignId: 'c1', editRevision: 1, text: '1/3 fresh start', threadParts: ['1/3 fresh start', '2/3 b', '3/3 c'] });
  });

  it('a time-only edit keeps the content and sends only the time', () => {
    const plan = planPostEdit(post(), { scheduledTime: '2026-03-03T08:00:00.000Z' }, now);
    expect(plan.content).toEqual(post().content);
    expect(plan.event).toEqual({ postId: 'p1', campaignId: 'c1', editRevision: 1, scheduledTime: '2026-03-03T08:00:00.000Z' });
  });
});

describe('textProblems / hashtagsIn', () => {
  it('accepts what fits Facebook', () => {
    expect(textProblems('facebook', 'a'.repeat(5000))).toEqual([]);
  });

  it('reads hashtags at word starts, once each', () => {
    expect(hashtagsIn('#One two a#b #one #Two_2')).toEqual(['#One', '#Two_2']);
  });
});
