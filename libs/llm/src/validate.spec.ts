import type { Strategy } from '@app/contracts';
import type { ContentStepOutput, CreativeStepInput, CreativeStepOutput, WrittenPost } from './llm.port';
import { OfflineLlmProvider } from './offline/offline.provider';
import { SAMPLE_SPEC } from './testing/specs';
import { validateStepOutput } from './validate';

const provider = new OfflineLlmProvider();
const spec = SAMPLE_SPEC;
const strategy: Strategy = provider.run('strategy.plan', { spec });
const content: ContentStepOutput = provider.run('content.write', { spec, strategy });
const creativeInput: CreativeStepInput = {
  spec,
  pillars: strategy.pillars,
  posts: content.posts.slice(0, 4).map((p, i) => ({ id: `post-${i}`, platform: p.platform, contentType: p.contentType, pillar: p.pillar, text: p.text, hashtags: p.hashtags })),
};
const creative: CreativeStepOutput = provider.run('creative.design', creativeInput);

const clone = <T>(v: T): T => structuredClone(v);
const contentErrors = (value: unknown) => validateStepOutput('content.write', { spec, strategy }, value);
const indexOf = (pred: (p: WrittenPost) => boolean) => content.posts.findIndex(pred);
const xSingle = indexOf((p) => p.platform === 'x' && p.contentType === 'single');
const xThread = indexOf((p) => p.contentType === 'thread');
const insta = indexOf((p) => p.platform === 'instagram');

describe('validateStepOutput', () => {
  it('accepts the offline output of every step', () => {
    expect(validateStepOutput('strategy.plan', { spec }, strategy)).toEqual([]);
    expect(contentErrors(content)).toEqual([]);
    expect(validateStepOutput('creative.design', creativeInput, creative)).toEqual([]);
  });

  it('rejects something that is not an object', () => {
    expect(contentErrors('posts')).toEqual(['output: must be an object, got string']);
    expect(validateStepOutput('strategy.plan', { spec }, null)).toEqual(['output: must be an object, got null']);
    expect(contentErrors({})).toEqual(['posts: is missing']);
  });

  describe('content.write', () => {
    it('catches a post count that does not match the plan', () => {
      const value = { posts: content.posts.slice(0, -1) };
      expect(contentErrors(value)).toContain(`posts: expected ${strategy.plan.length} posts (one per planned post), got ${strategy.plan.length - 1}`);
    });

    it('catches posts out of plan order or off-plan', () => {
      const value = clone(content);
      const [a, b] = [value.posts[0]!, value.posts[1]!];
      value.posts[0] = b;
      value.posts[1] = a;
      const errors = contentErrors(value);
      expect(errors).toContain(`posts[0].planId: expected "${a.planId}" (plan order), got "${b.planId}"`);
      expect(errors.some((e) => e.startsWith('posts[1].platform:') || e.startsWith('posts[1].pillar:') || e.startsWith('posts[1].contentType:'))).toBe(true);
    });

    it('catches an X text over 280 weighted characters, counting emoji as 2', () => {
      const value = clone(content);
      const post = value.posts[xSingle]!;
      post.text = `${'a'.repeat(270)} 🚀🚀🚀🚀 ${post.hashtags.join(' ')}`;
      const weighted = 270 + 1 + 8 + 1 + post.hashtags.join(' ').length;
      expect(contentErrors(value)).toContain(`posts[${xSingle}].text: ${weighted} weighted characters exceeds X's 280`);
    });

    it('catches an over-long or badly numbered thread part, and text that is not the first part', () => {
      const value = clone(content);
      const post = value.posts[xThread]!;
      const parts = post.threadParts!;
      parts[1] = `2/${parts.length} ${'word '.repeat(60)}`;
      parts[2] = parts[2]!.replace(/^\d+\//, '9/');
      post.text = 'something else';
      const errors = contentErrors(value);
      expect(errors).toContain(`posts[${xThread}].threadParts[1]: ${[...parts[1]!].length} weighted characters exceeds X's 280`);
      expect(errors).toContain(`posts[${xThread}].threadParts[2]: must start with its number "3/${parts.length}"`);
      expect(errors).toContain(`posts[${xThread}].text: must equal threadParts[0] for a thread`);
    });

    it('catches 31 hashtags on Instagram', () => {
      const value = clone(content);
      const post = value.posts[insta]!;
      const tags = Array.from({ length: 31 }, (_, i) => `#Tag${String.fromCharCode(65 + (i % 26))}${i}`);
      post.text = `${post.text.split('\n\n')[0]}\n\n${tags.join(' ')}`;
      post.hashtags = tags;
      const errors = contentErrors(value);
      expect(errors).toContain(`posts[${insta}].text: 31 hashtags exceeds Instagram's 30`);
      expect(errors).toContain(`posts[${insta}].hashtags: 31 hashtags exceeds Instagram's 30`);
    });

    it('catches an Instagram caption over 2,200 characters', () => {
      const value = clone(content);
      value.posts[insta]!.text += ` ${'x'.repeat(2200)}`;
      expect(contentErrors(value).find((e) => e.startsWith(`posts[${insta}].text:`))).toMatch(/^posts\[\d+\]\.text: \d{4} characters exceeds Instagram's 2,200$/);
    });

    it('names the path of missing or mistyped fields', () => {
      const value = clone(content) as unknown as { posts: Array<Record<string, unknown>> };
      delete value.posts[2]!.text;
      value.posts[3]!.hashtags = 'nope';
      delete value.posts[4]!.planId;
      const errors = contentErrors(value);
      expect(errors).toContain('posts[2].text: is missing');
      expect(errors).toContain('posts[3].hashtags: must be an array, got string');
      expect(errors).toContain('posts[4].planId: is missing');
    });

    it('catches malformed, duplicated or unused hashtags, duplicate texts and threads off X', () => {
      const value = clone(content);
      const post = value.posts[xSingle]!;
      post.hashtags = ['PlantCare', ...post.hashtags, post.hashtags[0]!, '#NotInText'];
      value.posts[insta]!.contentType = 'thread';
      const dup = value.posts.findIndex((p, i) => i > xSingle && p.platform === 'x' && p.contentType === 'single');
      value.posts[dup]!.text = post.text;
      value.posts[dup]!.hashtags = [];
      const errors = contentErrors(value);
      expect(errors).toContain(`posts[${xSingle}].hashtags[0]: must be "#" followed by letters or digits, got "PlantCare"`);
      expect(errors).toContain(`posts[${xSingle}].hashtags[${post.hashtags.length - 2}]: duplicates ${post.hashtags[1]}`);
      expect(errors).toContain(`posts[${xSingle}].hashtags[${post.hashtags.length - 1}]: #NotInText does not appear in the text`);
      expect(errors).toContain(`posts[${dup}].text: duplicates posts[${xSingle}].text`);
      expect(errors.some((e) => e.startsWith(`posts[${insta}].contentType: "thread" is not a format Instagram supports`))).toBe(true);
    });
  });

  it('counts a hashtag as used only when it stands on its own, not as the prefix of a longer one', () => {
    const value = clone(content);
    const post = value.posts[xSingle]!;
    const prefix = post.hashtags[0]!.slice(0, -2);
    post.hashtags = [prefix];
    expect(contentErrors(value)).toEqual([`posts[${xSingle}].hashtags[0]: ${prefix} does not appear in the text`]);
  });

  describe('strategy.plan', () => {
    const errors = (mutate: (s: Strategy) => void) => {
      const value = clone(strategy);
      mutate(value);
      return validateStepOutput('strategy.plan', { spec }, value);
    };

    it('names missing fields and out-of-range counts', () => {
      expect(errors((s) => delete (s as Partial<Strategy>).summary)).toEqual(['summary: is missing']);
      expect(errors((s) => (s.pillars = s.pillars.slice(0, 2)))).toContain('pillars: needs at least 3 items, got 2');
      expect(errors((s) => (s.keyMessages = [...s.keyMessages, 'a', 'b', 'c']))).toContain(`keyMessages: allows at most 5 items, got ${strategy.keyMessages.length + 3}`);
    });

    it('checks the plan against the cadence, duration, pillars and platforms', () => {
      const xCount = strategy.plan.filter((p) => p.platform === 'x').length;
      expect(errors((s) => (s.plan = s.plan.filter((p, i) => p.platform !== 'x' || i > 0)))).toContain(`plan: ${xCount - 1} X posts, but 5/week over 14 days means ${xCount}`);
      expect(errors((s) => (s.plan[0]!.day = 14))).toContain('plan[0].day: must be an integer from 0 to 13, got 14');
      expect(errors((s) => (s.plan[1]!.pillar = 'Memes'))).toContain('plan[1].pillar: "Memes" is not one of the pillars');
      expect(errors((s) => (s.plan[2]!.planId = s.plan[0]!.planId))).toContain(`plan[2].planId: "${strategy.plan[0]!.planId}" is already used by plan[0]`);
      expect(errors((s) => (s.plan[3]!.angle = s.plan[0]!.angle))).toContain('plan[3].angle: duplicates plan[0].angle');
      const ig = strategy.plan.findIndex((p) => p.platform === 'instagram');
      expect(errors((s) => (s.plan[ig]!.format = 'single'))[0]).toMatch(new RegExp(`^plan\\[${ig}\\]\\.format: "single" is not a format Instagram supports`));
      expect(errors((s) => (s.cadence = s.cadence.slice(1)))).toContain('cadence: no entry for X');
      expect(validateStepOutput('strategy.plan', { spec: { ...spec, targetPlatforms: ['instagram', 'facebook'] } }, strategy)).toContain('cadence[0].platform: "x" is not a target platform');
    });
  });

  describe('creative.design', () => {
    const errors = (mutate: (v: CreativeStepOutput) => void) => {
      const value = clone(creative);
      mutate(value);
      return validateStepOutput('creative.design', creativeInput, value);
    };

    it('requires one visual per post', () => {
      expect(errors((v) => v.visuals.pop())).toEqual(['visuals: expected 4 visuals (one per post), got 3', 'visuals: no visual for post "post-3"']);
      expect(errors((v) => (v.visuals[1]!.postId = 'post-0'))).toContain('visuals[1].postId: "post-0" already has a visual (visuals[0])');
      expect(errors((v) => (v.visuals[2]!.postId = 'ghost'))).toContain('visuals[2].postId: "ghost" is not one of the input posts');
    });

    it('limits alt text to 250 characters and names missing fields', () => {
      expect(errors((v) => (v.visuals[0]!.altText = 'é'.repeat(251)))).toEqual(['visuals[0].altText: 251 characters exceeds 250']);
      expect(errors((v) => delete (v.visuals[3] as Partial<CreativeStepOutput['visuals'][number]>).imagePrompt)).toEqual(['visuals[3].imagePrompt: is missing']);
    });
  });
});
