import { MEDIA_TYPES } from '@app/contracts';
import { contentFeatures, type ContentFeatures } from './content-features';
import { contentInsights, type InsightRow } from './content-insights';
import { createRandom, normalSample, type Random } from './random';

describe('contentFeatures', () => {
  it('buckets length and hashtags and detects questions and links', () => {
    const f = contentFeatures({ text: 'What do you think? #launch #Launch #news', mediaType: 'image', format: 'single', pillar: 'product', hashtags: ['news', '#extra'] });
    expect(f).toEqual({ media: 'image', length: 'short', hashtags: '3-5', question: 'yes', link: 'no', format: 'single', pillar: 'product' });
    const long = contentFeatures({ text: `${'word '.repeat(80)}see https://example.com/a?b=1`, mediaType: 'text' });
    expect(long).toMatchObject({ length: 'long', hashtags: '0', question: 'no', link: 'yes' });
    expect(long.format).toBeUndefined();
    expect(contentFeatures({ text: 'x'.repeat(150), mediaType: 'link' })).toMatchObject({ length: 'medium', link: 'yes' });
    expect(contentFeatures({ text: '#a #b #c #d #e #f', mediaType: 'text' }).hashtags).toBe('6+');
    expect(contentFeatures({ text: 'one #tag and a#notatag', mediaType: 'text' }).hashtags).toBe('1-2');
  });
});

/** Random features: media uniform, the rest coin flips. */
function randomFeatures(random: Random): ContentFeatures {
  return {
    media: MEDIA_TYPES[Math.floor(random() * MEDIA_TYPES.length)],
    length: random() < 0.5 ? 'short' : 'medium',
    hashtags: random() < 0.5 ? '0' : '1-2',
    question: random() < 0.3 ? 'yes' : 'no',
    link: random() < 0.3 ? 'yes' : 'no',
    pillar: random() < 0.5 ? 'tips' : 'news',
  };
}

function rows(seed: string, count: number, effect: (f: ContentFeatures) => number, slotMean?: (f: ContentFeatures) => number): InsightRow[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => {
    const features = randomFeatures(random);
    const timing = slotMean ? slotMean(features) : 1;
    return { features, value: 0.03 * effect(features) * timing * Math.exp(0.35 * normalSample(random)), ...(slotMean ? { slotMean: timing } : {}) };
  });
}

describe('contentInsights', () => {
  it('finds a planted effect with the right sign, size and counts', () => {
    const data = rows('planted', 150, (f) => (f.media === 'image' ? 1.5 : 1));
    const insights = contentInsights(data);
    const image = insights.find((i) => i.feature === 'media' && i.value === 'image')!;
    const images = data.filter((r) => r.features.media === 'image').length;
    expect(image.significant).toBe(true);
    expect(image.n).toBe(images);
    expect(image.nOther).toBe(150 - images);
    expect(image.lift).toBeGreaterThan(0.25);
    expect(image.lift).toBeLessThan(0.8);
    expect(image.effectSize).toBeGreaterThan(0.5);
    expect(image.finding).toMatch(new RegExp(`^Posts with images got \\d+% more engagement than posts without \\(n=${images} vs ${150 - images}, d=\\d\\.\\d\\d\\)\\.$`));
    expect(insights[0]).toBe(image);
  });

  it('finds a negative effect of a yes/no feature and compares only yes vs no', () => {
    const insights = contentInsights(rows('question', 200, (f) => (f.link === 'yes' ? 0.6 : 1)));
    expect(insights.filter((i) => i.feature === 'link').map((i) => i.value)).toEqual(['yes']);
    const link = insights.find((i) => i.feature === 'link')!;
    expect(link.significant).toBe(true);
    expect(link.lift).toBeLessThan(-0.2);
    expect(link.finding).toContain('less engagement');
  });

  it('reports nothing significant on pure noise (family-wise 5% per account)', () => {
    const withFinding = Array.from({ length: 20 }, (_, i) => contentInsights(rows(`noise-${i}`, 120, () => 1))).filter((list) => list.some((i) => i.significant)).length;
    expect(withFinding).toBeLessThanOrEqual(3);
  });

  it('does not mistake good timing for good content when slot means are given', () => {
    // Videos went out at hours twice as good; the content itself does nothing.
    const runs = Array.from({ length: 10 }, (_, i) => rows(`timing-${i}`, 200, () => 1, (f) => (f.media === 'video' ? 2 : 1)));
    const video = (data: InsightRow[]) => contentInsights(data, { maxInsights: 50 }).find((i) => i.value === 'video')!;
    const naive = runs.map((data) => video(data.map(({ slotMean: _slotMean, ...row }) => row)));
    const adjusted = runs.map(video);
    expect(naive.every((i) => i.significant && i.lift > 0.4)).toBe(true);
    expect(adjusted.filter((i) => i.significant).length).toBeLessThanOrEqual(1);
    expect(adjusted.reduce((s, i) => s + i.lift, 0) / adjusted.length).toBeLessThan(0.1);
  });

  it('needs enough posts on both sides and caps the list', () => {
    const few = rows('few', 8, () => 1);
    expect(contentInsights(few)).toEqual([]);
    expect(contentInsights(rows('cap', 200, () => 1), { maxInsights: 3 })).toHaveLength(3);
  });
});
