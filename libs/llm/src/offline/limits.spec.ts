import { PLATFORM_LIMITS, codePointLength, countHashtags, platformTextLength, xWeightedLength } from '@app/contracts';
import type { CampaignSpec, Platform, Strategy } from '@app/contracts';
import type { ContentStepOutput, CreativeStepInput, WrittenPost } from '../llm.port';
import { randomSpec } from '../testing/specs';
import { validateStepOutput } from '../validate';
import { postsFor } from '../cadence';
import { OfflineLlmProvider } from './offline.provider';

const provider = new OfflineLlmProvider();
const CAMPAIGNS = 200;

interface Run {
  spec: CampaignSpec;
  strategy: Strategy;
  content: ContentStepOutput;
  creativeInput: CreativeStepInput;
}

const runs: Run[] = Array.from({ length: CAMPAIGNS }, (_, i) => {
  const spec = randomSpec(i);
  const strategy = provider.run('strategy.plan', { spec });
  const content = provider.run('content.write', { spec, strategy });
  const posts = content.posts.map((p, j) => ({ id: `post-${j}`, platform: p.platform, contentType: p.contentType, pillar: p.pillar, text: p.text, hashtags: p.hashtags }));
  return { spec, strategy, content, creativeInput: { spec, pillars: strategy.pillars, posts } };
});
const allPosts = runs.flatMap((r) => r.content.posts.map((post) => ({ post, spec: r.spec })));
const postsOn = (platform: Platform) => allPosts.filter(({ post }) => post.platform === platform).map(({ post }) => post);

describe(`offline output over ${CAMPAIGNS} varied campaigns`, () => {
  it('covers every platform, format, and short and long campaigns', () => {
    const formats = new Set(allPosts.map(({ post }) => `${post.platform}:${post.contentType}`));
    expect([...formats].sort()).toEqual([
      'bluesky:image', 'bluesky:single', 'bluesky:thread', 'facebook:image', 'facebook:single', 'instagram:carousel', 'instagram:image', 'instagram:short_video_script',
      'linkedin:image', 'linkedin:single', 'mastodon:image', 'mastodon:single', 'mastodon:thread', 'x:single', 'x:thread',
    ]);
    expect(runs.some((r) => r.spec.durationDays === 1)).toBe(true);
    expect(runs.some((r) => r.spec.durationDays >= 85)).toBe(true);
  });

  it('passes validateStepOutput for every step of every campaign', () => {
    for (const run of runs) {
      expect(validateStepOutput('strategy.plan', { spec: run.spec }, run.strategy)).toEqual([]);
      expect(validateStepOutput('content.write', { spec: run.spec, strategy: run.strategy }, run.content)).toEqual([]);
      const creative = provider.run('creative.design', run.creativeInput);
      expect(validateStepOutput('creative.design', run.creativeInput, creative)).toEqual([]);
    }
  });

  it('keeps every X text and thread part within 280 weighted characters, threads 3–6 numbered parts, 1–2 hashtags', () => {
    const xPosts = allPosts.filter(({ post }) => post.platform === 'x').map(({ post }) => post);
    expect(xPosts.length).toBeGreaterThan(500);
    for (const post of xPosts) {
      expect(xWeightedLength(post.text)).toBeLessThanOrEqual(280);
      expect(post.hashtags.length).toBeGreaterThanOrEqual(1);
      expect(post.hashtags.length).toBeLessThanOrEqual(2);
      for (const tag of post.hashtags) expect(post.text).toContain(tag);
      if (post.contentType !== 'thread') {
        expect(post.threadParts).toBeUndefined();
        continue;
      }
      const parts = post.threadParts ?? [];
      expect(parts.length).toBeGreaterThanOrEqual(3);
      expect(parts.length).toBeLessThanOrEqual(6);
      expect(post.text).toBe(parts[0]);
      parts.forEach((part, i) => {
        expect(part.startsWith(`${i + 1}/${parts.length} `)).toBe(true);
        expect(xWeightedLength(part)).toBeLessThanOrEqual(280);
      });
    }
  });

  it('keeps Instagram captions within 2,200 code points with 8–15 hashtags at the end and a hook first line', () => {
    const captions = allPosts.filter(({ post }) => post.platform === 'instagram').map(({ post }) => post);
    expect(captions.length).toBeGreaterThan(200);
    for (const post of captions) {
      expect(codePointLength(post.text)).toBeLessThanOrEqual(PLATFORM_LIMITS.instagram.maxTextLength);
      expect(countHashtags(post.text)).toBeLessThanOrEqual(30);
      expect(post.hashtags.length).toBeGreaterThanOrEqual(8);
      expect(post.hashtags.length).toBeLessThanOrEqual(15);
      const paragraphs = post.text.split('\n\n');
      expect(paragraphs[paragraphs.length - 1]).toBe(post.hashtags.join(' '));
      expect(paragraphs[0]).not.toMatch(/#/);
      expect(paragraphs.length).toBeGreaterThanOrEqual(4);
      if (post.contentType === 'short_video_script') expect(post.text).toMatch(/Scene 1 \(0–3s\): .+\nScene 2 \(3–8s\): /);
    }
  });

  it('writes Facebook posts of 2–4 paragraphs with 0–3 hashtags, ending on a question or call to action', () => {
    const fb = allPosts.filter(({ post }) => post.platform === 'facebook').map(({ post }) => post);
    expect(fb.length).toBeGreaterThan(200);
    for (const post of fb) {
      const paragraphs = post.text.split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(2);
      expect(paragraphs.length).toBeLessThanOrEqual(4);
      expect(post.hashtags.length).toBeLessThanOrEqual(3);
      const last = (paragraphs[paragraphs.length - 1] ?? '').split('\n')[0] ?? '';
      expect(last.includes('?') || (post.callToAction !== undefined && last.includes(post.callToAction))).toBe(true);
    }
  });

  it.each([
    ['bluesky', 1, 2],
    ['mastodon', 2, 4],
  ] as const)('keeps every %s text and thread part within its limit, threads of 3–6 numbered parts, %i–%i hashtags', (platform, minTags, maxTags) => {
    const posts = postsOn(platform);
    const max = PLATFORM_LIMITS[platform].maxTextLength;
    expect(posts.length).toBeGreaterThan(500);
    expect(posts.some((p) => p.contentType === 'thread')).toBe(true);
    for (const post of posts) {
      expect(platformTextLength(platform, post.text)).toBeLessThanOrEqual(max);
      expect(post.hashtags.length).toBeGreaterThanOrEqual(minTags);
      expect(post.hashtags.length).toBeLessThanOrEqual(maxTags);
      for (const tag of post.hashtags) expect(post.text).toContain(tag);
      if (post.contentType !== 'thread') {
        expect(post.threadParts).toBeUndefined();
        continue;
      }
      const parts = post.threadParts ?? [];
      expect(parts.length).toBeGreaterThanOrEqual(3);
      expect(parts.length).toBeLessThanOrEqual(6);
      expect(post.text).toBe(parts[0]);
      parts.forEach((part, i) => {
        expect(part.startsWith(`${i + 1}/${parts.length} `)).toBe(true);
        expect(platformTextLength(platform, part)).toBeLessThanOrEqual(max);
      });
    }
  });

  it('writes Mastodon hashtags in CamelCase, never starting lower-case', () => {
    for (const post of postsOn('mastodon')) for (const tag of post.hashtags) expect(tag).toMatch(/^#[^\p{Ll}]/u);
  });

  it('writes LinkedIn posts within 3,000 characters: a hook line, line breaks, 3–5 hashtags on the last line, no emoji', () => {
    const posts: WrittenPost[] = postsOn('linkedin');
    expect(posts.length).toBeGreaterThan(200);
    for (const post of posts) {
      expect(codePointLength(post.text)).toBeLessThanOrEqual(PLATFORM_LIMITS.linkedin.maxTextLength);
      expect(post.hashtags.length).toBeGreaterThanOrEqual(3);
      expect(post.hashtags.length).toBeLessThanOrEqual(5);
      const paragraphs = post.text.split('\n\n');
      expect(paragraphs.length).toBeGreaterThanOrEqual(5);
      expect(paragraphs[paragraphs.length - 1]).toBe(post.hashtags.join(' '));
      expect(paragraphs[0]).not.toMatch(/#|!$/);
      expect(post.text).not.toMatch(/\p{Extended_Pictographic}/u);
      expect(post.text).toContain(post.callToAction!);
    }
  });

  it('never repeats a text within a campaign, across platforms included', () => {
    for (const run of runs) {
      const texts = run.content.posts.map((p) => p.text);
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('mentions the campaign (goal, name, audience or theme words) in the body of every post, hashtags aside', () => {
    const words = (...texts: Array<string | undefined>) => new Set(texts.flatMap((t) => (t ?? '').replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []));
    const generic = new Set(['the', 'and', 'for', 'our', 'with', 'tips', 'stories', 'behind', 'scenes', 'more', 'get', 'people', 'new']);
    for (const run of runs) {
      const campaign = words(run.spec.goal, run.spec.name, run.spec.targetAudience, ...run.spec.contentThemes);
      for (const post of run.content.posts) {
        const body = [post.text, ...(post.threadParts ?? [])].join(' ').replace(/(^|\s)#[\p{L}\p{M}\p{N}_]+/gu, ' ');
        const shared = [...words(body)].filter((w) => campaign.has(w) && !generic.has(w));
        if (shared.length === 0) throw new Error(`no campaign words in ${post.planId} of "${run.spec.name}": ${body}`);
      }
    }
  });

  it('leaves no template placeholders, "undefined", doubled spaces or empty paragraphs behind', () => {
    for (const run of runs) {
      const strategyText = [run.strategy.summary, run.strategy.audienceInsight, ...run.strategy.keyMessages, ...run.strategy.plan.map((p) => p.angle), ...run.strategy.pillars.flatMap((p) => [p.name, p.description])];
      const texts = [...strategyText, ...run.content.posts.flatMap((p) => [p.text, ...(p.threadParts ?? [])])];
      for (const text of texts) {
        expect(text).not.toMatch(/[{}]|undefined|null|NaN| {2}|\n{3}|^\s|\s$/);
        expect(text.length).toBeGreaterThan(0);
      }
    }
  });

  it('emits well-formed hashtags only: "#" then letters/digits, no duplicates', () => {
    for (const { post } of allPosts) {
      expect(new Set(post.hashtags.map((t) => t.toLowerCase())).size).toBe(post.hashtags.length);
      for (const tag of post.hashtags) expect(tag).toMatch(/^#[\p{L}\p{M}\p{N}]+$/u);
    }
  });

  it('plans round(postsPerWeek × days / 7) posts per platform (at least one) on days inside the campaign', () => {
    for (const run of runs) {
      for (const { platform, postsPerWeek } of run.strategy.cadence) {
        const planned = run.strategy.plan.filter((p) => p.platform === platform);
        expect(planned).toHaveLength(postsFor(postsPerWeek, run.spec.durationDays));
      }
      for (const p of run.strategy.plan) {
        expect(p.day).toBeGreaterThanOrEqual(0);
        expect(p.day).toBeLessThan(run.spec.durationDays);
      }
      expect(new Set(run.strategy.plan.map((p) => p.planId)).size).toBe(run.strategy.plan.length);
    }
  });
});
