import { PLATFORMS, codePointLength, graphemeLength } from '@app/contracts';
import type { ContentType, Platform } from '@app/contracts';
import { fitsLength } from '../limits';
import { SAMPLE_SPEC } from '../testing/specs';
import { writeBluesky } from './bluesky.writer';
import { buildContext } from './context';
import { writeLinkedIn } from './linkedin.writer';
import { writeMastodon } from './mastodon.writer';
import { Rng } from './random';
import { material } from './writer';
import type { Material } from './writer';

const ctx = buildContext({ ...SAMPLE_SPEC, targetPlatforms: [...PLATFORMS] });
/** 7 code points (four people joined by zero-width joiners), one grapheme. */
const FAMILY = '👨‍👩‍👧‍👦';

function materialFor(platform: Platform, format: ContentType, over: Partial<Material>): Material {
  const post = { planId: `${platform}-01`, platform, pillar: ctx.pillars[0]!.name, format, angle: 'Share three quick wins with running.', day: 0 };
  return { ...material(ctx, post, new Rng(7)), emoji: null, ...over };
}

/** `count` distinct sentences of about 60 characters each. */
const sentences = (label: string, count: number) => Array.from({ length: count }, (_, i) => `${label} sentence ${i + 1} is about running with busy parents.`).join(' ');

describe('Bluesky writer', () => {
  it('counts length in graphemes: 300 family emoji fit, 301 do not', () => {
    expect(codePointLength(FAMILY)).toBe(7);
    expect(fitsLength('bluesky', FAMILY.repeat(300))).toBe(true);
    expect(fitsLength('bluesky', FAMILY.repeat(301))).toBe(false);
    expect(fitsLength('bluesky', 'a'.repeat(301))).toBe(false);
  });

  it('keeps emoji-heavy talking points that fit 300 graphemes though they run past 300 code points', () => {
    const point = `Families ${FAMILY.repeat(30)} run together.`;
    const question = `Who runs with you ${FAMILY.repeat(10)}?`;
    const m = materialFor('bluesky', 'single', { kind: 'tips', hook: `Our crew ${FAMILY.repeat(20)}`, points: [point], question });
    const post = writeBluesky(m, 'single', ['#RunningTips', '#Family'], new Rng(1));
    expect(post.text).toContain(point);
    expect(post.text).toContain(question);
    expect(graphemeLength(post.text)).toBeLessThanOrEqual(300);
    expect(codePointLength(post.text)).toBeGreaterThan(300);
  });

  it('shortens emoji-heavy thread parts to 300 graphemes by whole sentences, and never splits an emoji', () => {
    const points = [1, 2, 3, 4].map((n) => `${sentences(`Point ${n}`, 3)} ${FAMILY.repeat(200)} ends here.`);
    const post = writeBluesky(materialFor('bluesky', 'thread', { kind: 'tips', points }), 'thread', ['#RunningTips'], new Rng(2));
    const parts = post.threadParts ?? [];
    expect(parts.length).toBeGreaterThanOrEqual(3);
    parts.forEach((part, i) => {
      expect(part.startsWith(`${i + 1}/${parts.length} `)).toBe(true);
      expect(graphemeLength(part)).toBeLessThanOrEqual(300);
    });
    expect(parts[1]).toBe(`2/${parts.length} ${sentences('Point 1', 3)}`);
    const wall = writeBluesky(materialFor('bluesky', 'thread', { kind: 'tips', hook: FAMILY.repeat(400), points }), 'thread', [], new Rng(2));
    const first = wall.threadParts?.[0] ?? '';
    expect(graphemeLength(first)).toBeLessThanOrEqual(300);
    expect(graphemeLength(first)).toBeGreaterThan(290);
    expect(first.replaceAll(FAMILY, '')).toMatch(/^1\/\d …$/);
  });
});

describe('Mastodon writer', () => {
  const tags = ['#RunningTips', '#SpringIntoRunning'];

  it('splits a thread into numbered parts of two talking points each, hashtags in the first part', () => {
    const points = ['Start small.', 'Pick one thing.', 'Keep a note.', 'Same time each day.', 'Borrow one idea.', 'Prepare the night before.'];
    const m = materialFor('mastodon', 'thread', { kind: 'tips', points });
    const post = writeMastodon(m, 'thread', tags, new Rng(3));
    const parts = post.threadParts ?? [];
    const n = parts.length;
    expect(n).toBeGreaterThanOrEqual(4);
    expect(n).toBeLessThanOrEqual(5);
    expect(post.text).toBe(parts[0]);
    expect(parts[0]).toMatch(new RegExp(`^1/${n} .+\\n\\n${tags.join(' ')}$`));
    expect(parts.slice(1, -1)).toEqual([`2/${n} Start small. Pick one thing.`, `3/${n} Keep a note. Same time each day.`, `4/${n} Borrow one idea. Prepare the night before.`].slice(0, n - 2));
    expect(parts[n - 1]).toBe(`${n}/${n} ${m.question} ${m.cta}`);
    expect(post.callToAction).toBe(m.cta);
  });

  it('fits long talking points to 500 characters by whole sentences', () => {
    const points = [sentences('First', 12), sentences('Second', 12), sentences('Third', 12), sentences('Fourth', 12)];
    const post = writeMastodon(materialFor('mastodon', 'thread', { kind: 'tips', points }), 'thread', tags, new Rng(4));
    const parts = post.threadParts ?? [];
    parts.forEach((part, i) => {
      expect(part.startsWith(`${i + 1}/${parts.length} `)).toBe(true);
      expect(codePointLength(part)).toBeLessThanOrEqual(500);
    });
    expect(parts[1]).toMatch(/^2\/\d First sentence 1 .+ about running with busy parents\.$/);
    expect(codePointLength(parts[1]!)).toBeGreaterThan(400);
  });

  it('writes a single post within 500 characters with two talking points and a question', () => {
    const m = materialFor('mastodon', 'single', { kind: 'tips', points: ['Start small.', 'Pick one thing.', 'Keep a note.'] });
    const post = writeMastodon(m, 'single', tags, new Rng(5));
    expect(post.text).toContain(`Start small. Pick one thing. ${m.question}`);
    expect(post.text).not.toContain('Keep a note.');
    expect(post.text.endsWith(tags.join(' '))).toBe(true);
    const long = writeMastodon(materialFor('mastodon', 'single', { kind: 'tips', points: [sentences('Long', 12)] }), 'single', tags, new Rng(5));
    expect(codePointLength(long.text)).toBeLessThanOrEqual(500);
  });
});

describe('LinkedIn writer', () => {
  const pool = ['#RunningTips', '#SpringIntoRunning', '#BusyParents', '#Community', '#HowTo', '#Fitness'];

  it('lists tips as numbered lines under an intro, without emoji or a shouted hook', () => {
    const m = materialFor('linkedin', 'single', { kind: 'tips', hook: 'Three small wins with running!', emoji: '🎉', points: ['Start small.', 'Pick one thing.', 'Keep a note.', 'Same time each day.'] });
    const post = writeLinkedIn(m, 'single', pool, new Rng(6));
    const paragraphs = post.text.split('\n\n');
    expect(paragraphs[0]).toBe('Three small wins with running.');
    expect(paragraphs[1]).toMatch(/^[^\n]+:\n1\. Start small\.\n2\. Pick one thing\.\n3\. Keep a note\./);
    expect(post.text).not.toContain('🎉');
    expect(post.hashtags.length).toBeGreaterThanOrEqual(3);
    expect(post.hashtags.length).toBeLessThanOrEqual(5);
    expect(paragraphs[paragraphs.length - 1]).toBe(post.hashtags.join(' '));
    expect(paragraphs[paragraphs.length - 2]).toBe(m.cta);
  });

  it('drops body blocks from the end to stay within 3,000 characters, keeping the call to action and hashtags', () => {
    const points = [sentences('First', 25), sentences('Second', 25), sentences('Third', 25), sentences('Fourth', 25)];
    const m = materialFor('linkedin', 'single', { kind: 'story', points });
    const post = writeLinkedIn(m, 'single', pool, new Rng(8));
    expect(codePointLength(post.text)).toBeLessThanOrEqual(3000);
    expect(codePointLength(post.text)).toBeGreaterThan(2000);
    expect(post.text).toContain(`\n\n${m.cta}\n\n${post.hashtags.join(' ')}`);
    expect(post.text).not.toContain('Third sentence');
  });
});
