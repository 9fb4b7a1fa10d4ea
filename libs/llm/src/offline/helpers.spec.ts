import { xWeightedLength } from '@app/contracts';
import { fitsLength } from '../limits';
import { kindOfAngle } from './angles';
import { buildContext } from './context';
import { toHashtag } from './hashtags';
import { detectObjective, goalTarget } from './objective';
import { classifyTheme, topicOf } from './pillars';
import { Rng, seedFrom } from './random';
import { SAMPLE_SPEC } from '../testing/specs';
import { fitText, plainPhrase } from './text';
import { detectVoice } from './voice';

describe('offline helpers', () => {
  it('seeds the PRNG from the input: same input, same sequence; different input, different sequence', () => {
    const seq = (seed: number) => Array.from({ length: 5 }, ((r) => () => r.next())(new Rng(seed)));
    expect(seedFrom({ a: 1 })).toBe(seedFrom({ a: 1 }));
    expect(seq(seedFrom({ a: 1 }))).toEqual(seq(seedFrom({ a: 1 })));
    expect(seq(seedFrom({ a: 1 }))).not.toEqual(seq(seedFrom({ a: 2 })));
    for (const x of seq(42)) expect(x >= 0 && x < 1).toBe(true);
  });

  it('shortens text by whole sentences, then whole words, never mid-word', () => {
    const fits = (t: string) => t.length <= 40;
    expect(fitText('One short sentence. Another sentence that is long.', fits)).toBe('One short sentence.');
    const cut = fitText('A single sentence that is far too long to fit in forty characters', fits);
    expect(cut).toBe('A single sentence that is far too long…');
    expect(cut.length).toBeLessThanOrEqual(40);
  });

  it('bounds X length cheaply without ever under-counting', () => {
    const samples = ['plain ascii text', '🚀 emoji 👩‍💻 and ZWJ', '日本茶の楽しみ方', '© ® ‼ ’quotes’ — dashes', 'e\u0301 combining', 'see https://t.co/x'];
    for (const text of samples) {
      const exact = xWeightedLength(text);
      expect(fitsLength('x', text, exact)).toBe(true);
      expect(fitsLength('x', text, exact - 1)).toBe(false);
    }
  });

  it('turns themes into CamelCase hashtags of letters and digits', () => {
    expect(toHashtag('plant care')).toBe('#PlantCare');
    expect(toHashtag('🌱 eco tips!')).toBe('#EcoTips');
    expect(toHashtag("mom's AI tools")).toBe('#MomsAITools');
    expect(toHashtag('café culture')).toBe('#CaféCulture');
    expect(toHashtag('💧💧')).toBeNull();
    expect(toHashtag('2025')).toBeNull();
  });

  it('reads the brand voice, the objective and any number in the goal', () => {
    expect(detectVoice('Playful, witty and a bit cheeky').kind).toBe('playful');
    expect(detectVoice('Professional and authoritative').kind).toBe('professional');
    expect(detectVoice('BOLD. Energetic. Confident.').kind).toBe('bold');
    expect(detectVoice('warm and friendly').kind).toBe('warm');
    expect(detectVoice(undefined).kind).toBe('conversational');
    expect(detectVoice('fundamental').kind).toBe('conversational');
    expect(detectObjective('Increase brand awareness among Gen Z')).toBe('awareness');
    expect(detectObjective('Drive 500 sign-ups for the club')).toBe('signups');
    expect(detectObjective('Sell out the summer menu')).toBe('sales');
    expect(detectObjective('Drive traffic to the blog')).toBe('traffic');
    expect(detectObjective('Launch the new range')).toBe('launch');
    expect(goalTarget('Drive 500 sign-ups for the club')).toBe('500 sign-ups');
    expect(goalTarget('Grow followers by 20% this quarter')).toBe('20%');
    expect(goalTarget('Win 2025')).toBeUndefined();
  });

  it('finds what a theme is about and what kind of pillar it is', () => {
    expect(classifyTheme('beginner running tips')).toBe('education');
    expect(topicOf('beginner running tips', 'education')).toBe('beginner running');
    expect(classifyTheme('behind the scenes')).toBe('behind');
    expect(topicOf('behind the scenes', 'behind')).toBe('');
    expect(classifyTheme('customer stories')).toBe('stories');
    expect(classifyTheme('sustainability')).toBe('values');
    expect(classifyTheme('plant care')).toBe('general');
    expect(plainPhrase('🌱 #PlantCare!!')).toBe('Plant Care');
  });

  it('derives subject, audience and pillars from the spec', () => {
    const ctx = buildContext(SAMPLE_SPEC);
    expect(ctx.subject).toBe('our spring running club');
    expect(ctx.audienceShort).toBe('busy parents');
    expect(ctx.objective).toBe('signups');
    expect(ctx.voice.kind).toBe('warm');
    expect(ctx.pillars.map((p) => [p.name, p.topic])).toEqual([
      ['Beginner Running Tips', 'beginner running'],
      ['Community Stories', 'beginner running'],
      ['Behind the Scenes', 'beginner running'],
      ['Recovery and Rest', 'recovery and rest'],
    ]);
    const bare = buildContext({ ...SAMPLE_SPEC, targetAudience: undefined, goal: 'Increase brand awareness for EcoBottle among Gen Z', contentThemes: [] });
    expect(bare.subject).toBe('EcoBottle');
    expect(bare.audience).toBe('Gen Z');
    expect(bare.pillars).toHaveLength(3);
  });

  it('recognises the kind of post an angle asks for, its own or free-form', () => {
    expect(kindOfAngle('Bust the myth that you need to be an expert to get into running.')).toBe('myth');
    expect(kindOfAngle('Take busy parents behind the scenes of how the club comes together, with a seasonal twist.')).toBe('behind');
    expect(kindOfAngle('Five pitfalls new runners should avoid')).toBe('mistakes');
    expect(kindOfAngle('Poll: morning or evening runs?')).toBe('question');
  });
});
