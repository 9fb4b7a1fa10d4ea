import { countHashtags } from '@app/contracts';
import type { CampaignSpec, Strategy } from '@app/contracts';
import type { CreativeStepInput, LlmRequest, LlmStep, StepInput } from '../llm.port';
import { STEP_OUTPUT_SCHEMAS } from '../schemas';
import { SAMPLE_SPEC } from '../testing/specs';
import { validateStepOutput } from '../validate';
import { OfflineLlmProvider } from './offline.provider';

const provider = new OfflineLlmProvider();

function request<S extends LlmStep>(step: S, input: StepInput<S>): LlmRequest<S> {
  return { step, promptVersion: `${step}@3`, system: 'You are the agent.', prompt: `Do ${step} for ${JSON.stringify(input).slice(0, 200)}`, input, schema: STEP_OUTPUT_SCHEMAS[step] };
}

function pipeline(spec: CampaignSpec) {
  const strategy = provider.run('strategy.plan', { spec });
  const content = provider.run('content.write', { spec, strategy });
  const creativeInput: CreativeStepInput = {
    spec,
    pillars: strategy.pillars,
    posts: content.posts.map((p, i) => ({ id: `post-${i}`, platform: p.platform, contentType: p.contentType, pillar: p.pillar, text: p.text, hashtags: p.hashtags })),
  };
  return { strategy, content, creativeInput, creative: provider.run('creative.design', creativeInput) };
}

const STOP = new Set(['with', 'that', 'this', 'from', 'your', 'more', 'drive', 'increase', 'tips', 'stories', 'behind', 'scenes', 'community', 'want']);
const significantWords = (...texts: Array<string | undefined>) =>
  new Set(texts.flatMap((t) => (t ?? '').toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !STOP.has(w)));
const bodyOf = (text: string) => text.replace(/(^|\s)#[\p{L}\p{M}\p{N}_]+/gu, ' ').toLowerCase();

describe('OfflineLlmProvider', () => {
  it('identifies itself and reports usage for every call', async () => {
    const input = { spec: SAMPLE_SPEC };
    const req = request('strategy.plan', input);
    const result = await provider.generate(req);
    expect(provider.name).toBe('offline');
    expect(result.usage).toMatchObject({ provider: 'offline', model: 'offline-templates-v1', promptVersion: 'strategy.plan@3', attempts: 1 });
    expect(result.usage.tokensIn).toBe(Math.ceil((req.system.length + req.prompt.length) / 4));
    expect(result.usage.tokensOut).toBe(Math.ceil(JSON.stringify(result.output).length / 4));
    expect(result.usage.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.usage.latencyMs).toBeLessThan(1000);
  });

  it('is deterministic: the same input gives deep-equal output on every step, across instances', async () => {
    const first = pipeline(SAMPLE_SPEC);
    const again = await new OfflineLlmProvider().generate(request('content.write', { spec: SAMPLE_SPEC, strategy: first.strategy }));
    expect(pipeline(structuredClone(SAMPLE_SPEC))).toEqual(first);
    expect(again.output).toEqual(first.content);
  });

  it('writes different posts for a different goal', () => {
    const a = pipeline(SAMPLE_SPEC).content.posts.map((p) => p.text);
    const b = pipeline({ ...SAMPLE_SPEC, goal: 'Increase brand awareness for EcoBottle among Gen Z' }).content.posts.map((p) => p.text);
    const shared = a.filter((t) => b.includes(t));
    expect(shared).toEqual([]);
  });

  it('is fast: a one-week, three-platform campaign takes well under 5 ms per call', () => {
    pipeline(SAMPLE_SPEC);
    const runs = 200;
    const started = performance.now();
    for (let i = 0; i < runs; i++) pipeline({ ...SAMPLE_SPEC, durationDays: 7, name: `Campaign ${i}` });
    const perCall = (performance.now() - started) / (runs * 3);
    expect(perCall).toBeLessThan(5);
  });

  it('rejects an unknown step', async () => {
    await expect(provider.generate({ ...request('strategy.plan', { spec: SAMPLE_SPEC }), step: 'nope' as LlmStep })).rejects.toThrow(/unknown step/);
  });

  describe('specificity', () => {
    const { strategy, content } = pipeline(SAMPLE_SPEC);
    const campaignWords = significantWords(SAMPLE_SPEC.goal, SAMPLE_SPEC.name, SAMPLE_SPEC.targetAudience, ...SAMPLE_SPEC.contentThemes);

    it('mentions the goal, themes, audience or name in the body of every post (hashtags aside)', () => {
      for (const post of content.posts) {
        const words = significantWords(bodyOf(post.text), ...(post.threadParts ?? []).map(bodyOf));
        expect([...words].filter((w) => campaignWords.has(w))).not.toEqual([]);
      }
    });

    it('puts the campaign into the strategy: goal in the summary, audience in the insight, themes as pillars', () => {
      expect(strategy.summary).toContain('drive 500 sign-ups for our spring running club');
      expect(strategy.summary).toContain(SAMPLE_SPEC.name);
      expect(strategy.audienceInsight.toLowerCase()).toContain('busy parents');
      expect(strategy.pillars.map((p) => p.name)).toEqual(['Beginner Running Tips', 'Community Stories', 'Behind the Scenes', 'Recovery and Rest']);
      expect(strategy.kpis[0]).toEqual({ name: 'Sign-ups from social', target: '500 sign-ups by day 14 (from the goal)' });
    });

    it('adapts the shape of a post to its platform', () => {
      for (const post of content.posts) {
        if (post.platform === 'x') expect(countHashtags(post.text)).toBeLessThanOrEqual(2);
        if (post.platform === 'instagram') {
          expect(post.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
          expect(countHashtags(post.text)).toBeGreaterThanOrEqual(8);
        }
        if (post.platform === 'facebook') expect(countHashtags(post.text)).toBeLessThanOrEqual(3);
      }
      expect(content.posts.some((p) => p.contentType === 'short_video_script' || p.contentType === 'carousel')).toBe(true);
    });

    it('writes in the brand voice: no emoji or exclamation marks when professional, emoji when playful', () => {
      const emoji = /\p{Extended_Pictographic}/u;
      const pro = pipeline({ ...SAMPLE_SPEC, brandVoice: 'Professional, authoritative and precise' }).content.posts;
      for (const post of pro) expect(post.text).not.toMatch(/!|\p{Extended_Pictographic}/u);
      const playful = pipeline({ ...SAMPLE_SPEC, brandVoice: 'playful and witty' }).content.posts;
      expect(playful.filter((p) => emoji.test(p.text)).length).toBeGreaterThan(playful.length / 2);
    });
  });

  describe('strategy.plan', () => {
    it('derives 3–5 pillars: topped up from the goal when themes are few, capped at five', () => {
      const none = provider.run('strategy.plan', { spec: { ...SAMPLE_SPEC, contentThemes: [] } });
      expect(none.pillars.length).toBe(3);
      const one = provider.run('strategy.plan', { spec: { ...SAMPLE_SPEC, contentThemes: ['trail running'] } });
      expect(one.pillars.map((p) => p.name)).toContain('Trail Running');
      expect(one.pillars.length).toBe(3);
      const many = provider.run('strategy.plan', { spec: { ...SAMPLE_SPEC, contentThemes: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((x) => `theme ${x}`) } });
      expect(many.pillars.length).toBe(5);
      expect(many.keyMessages.length).toBeGreaterThanOrEqual(3);
      expect(many.keyMessages.length).toBeLessThanOrEqual(5);
    });

    it('uses the default cadence and spreads posts evenly, rotating pillars and choosing formats per platform', () => {
      const spec = { ...SAMPLE_SPEC, durationDays: 28 };
      const strategy: Strategy = provider.run('strategy.plan', { spec });
      expect(strategy.cadence).toEqual([
        { platform: 'x', postsPerWeek: 5 },
        { platform: 'instagram', postsPerWeek: 3 },
        { platform: 'facebook', postsPerWeek: 3 },
      ]);
      const x = strategy.plan.filter((p) => p.platform === 'x');
      expect(x).toHaveLength(20);
      expect(x.map((p) => p.planId).slice(0, 3)).toEqual(['x-01', 'x-02', 'x-03']);
      expect(new Set(x.map((p) => p.format))).toEqual(new Set(['single', 'thread']));
      expect(x.filter((p) => p.format === 'thread').length).toBeGreaterThanOrEqual(6);
      expect(x.filter((p) => p.format === 'thread').length).toBeLessThanOrEqual(7);
      const days = x.map((p) => p.day);
      expect(days[0]).toBe(0);
      expect(Math.max(...days.slice(1).map((d, i) => d - (days[i] ?? 0)))).toBeLessThanOrEqual(2);
      expect(new Set(x.map((p) => p.pillar)).size).toBe(4);
      for (const p of strategy.plan.filter((p) => p.platform === 'instagram')) expect(['image', 'carousel', 'short_video_script']).toContain(p.format);
      for (const p of strategy.plan.filter((p) => p.platform === 'facebook')) expect(['single', 'image']).toContain(p.format);
      const angles = strategy.plan.map((p) => p.angle);
      expect(new Set(angles).size).toBe(angles.length);
      for (const angle of angles) expect(angle).toMatch(/^[A-Z][^\n]+\.$/);
    });

    it('plans LinkedIn, Bluesky and Mastodon with their own cadence and formats, threads only where they exist', () => {
      const spec: CampaignSpec = { ...SAMPLE_SPEC, durationDays: 28, targetPlatforms: ['linkedin', 'bluesky', 'mastodon'] };
      const strategy = provider.run('strategy.plan', { spec });
      expect(strategy.cadence).toEqual([
        { platform: 'linkedin', postsPerWeek: 3 },
        { platform: 'bluesky', postsPerWeek: 5 },
        { platform: 'mastodon', postsPerWeek: 5 },
      ]);
      expect(strategy.summary).toContain('(12 on LinkedIn, 20 on Bluesky and 20 on Mastodon)');
      const formats = (platform: string) => new Set(strategy.plan.filter((p) => p.platform === platform).map((p) => p.format));
      expect(formats('linkedin')).toEqual(new Set(['single', 'image']));
      expect(formats('bluesky')).toEqual(new Set(['single', 'thread', 'image']));
      expect(formats('mastodon')).toEqual(new Set(['single', 'thread', 'image']));
      expect(strategy.plan.find((p) => p.platform === 'bluesky')?.format).toBe('single');
      expect(validateStepOutput('strategy.plan', { spec }, strategy)).toEqual([]);
    });

    it('ties KPIs to the goal', () => {
      const kpiNames = (goal: string) => provider.run('strategy.plan', { spec: { ...SAMPLE_SPEC, goal } }).kpis.map((k) => k.name).join(' | ');
      expect(kpiNames('Increase brand awareness for EcoBottle among Gen Z')).toMatch(/Reach.*Impressions/);
      expect(kpiNames('Sell out the new summer menu')).toMatch(/Orders from social.*Conversion rate/);
      expect(kpiNames('Drive traffic to our new recipe blog')).toMatch(/Link clicks.*Click-through rate/);
      expect(kpiNames('Get more comments and conversation going')).toMatch(/Engagement rate/);
    });
  });

  describe('content.write and creative.design', () => {
    const { strategy, content, creativeInput, creative } = pipeline(SAMPLE_SPEC);

    it('writes exactly one post per planned post, in plan order', () => {
      expect(content.posts.map((p) => [p.planId, p.platform, p.pillar, p.contentType])).toEqual(strategy.plan.map((p) => [p.planId, p.platform, p.pillar, p.format]));
    });

    it('writes from a strategy it did not plan itself (custom pillars and free-form angles)', () => {
      const custom: Strategy = {
        ...strategy,
        pillars: [{ name: 'Race Day Prep', description: 'Getting ready for the 10K.' }],
        plan: [
          { planId: 'x-1', platform: 'x', pillar: 'Race Day Prep', format: 'thread', angle: 'A checklist for the night before the race.', day: 0 },
          { planId: 'ig-1', platform: 'instagram', pillar: 'Race Day Prep', format: 'short_video_script', angle: 'Show what we pack for race day.', day: 1 },
          { planId: 'fb-1', platform: 'facebook', pillar: 'Race Day Prep', format: 'single', angle: 'Ask members about their pre-race rituals.', day: 2 },
        ],
      };
      const out = provider.run('content.write', { spec: SAMPLE_SPEC, strategy: custom });
      expect(validateStepOutput('content.write', { spec: SAMPLE_SPEC, strategy: custom }, out)).toEqual([]);
      expect(out.posts.map((p) => p.planId)).toEqual(['x-1', 'ig-1', 'fb-1']);
      const [thread, reel] = out.posts;
      expect(thread?.text).toContain('A checklist for the night before the race.');
      expect(thread?.threadParts?.join(' ').toLowerCase()).toContain('race day prep');
      expect(reel?.text.toLowerCase()).toContain('race day');
    });

    it('designs one visual per post with platform aspect ratio, voice palette and no-text guidance', () => {
      expect(creative.visuals.map((v) => v.postId)).toEqual(creativeInput.posts.map((p) => p.id));
      const ratio = { x: '16:9', instagram: '4:5', facebook: '1.91:1', linkedin: '1:1', bluesky: '16:9', mastodon: '16:9' } as const;
      creative.visuals.forEach((visual, i) => {
        const post = creativeInput.posts[i]!;
        expect(visual.imagePrompt).toContain(`Aspect ratio ${ratio[post.platform]}`);
        expect(visual.imagePrompt).toMatch(/No text, letters, logos or watermarks/);
        expect(visual.imagePrompt).toContain('soft terracotta, warm cream and sage green');
        expect(visual.concept).toContain(`the ${post.pillar} pillar`);
        expect([...visual.altText].length).toBeLessThanOrEqual(250);
        expect(visual.altText).not.toMatch(/#/);
        expect(visual.altText).not.toMatch(/, in \w+\.$/); // a truncated description, e.g. "..., in bright."
      });
      const bold = provider.run('creative.design', { ...creativeInput, spec: { ...SAMPLE_SPEC, brandVoice: 'bold and punchy' } });
      expect(bold.visuals[0]?.imagePrompt).toContain('electric red');
    });
  });
});
