import type { Rng } from './random';
import { fill, fitText, sentences } from './text';
import type { CaptionPost, Material } from './writer';
import { assembleCaption, withEmoji } from './writer';

const SHOTS: readonly string[] = [
  'Close-up of hands getting started with {topic}',
  'Quick cuts of everyday moments around {topic}',
  'Face to camera, relaxed, in natural light',
  'Overhead shot of the set-up, everything within reach',
  'Over-the-shoulder shot of someone trying it for the first time',
  'Slow push-in on the finished result',
  'Wide shot of the space as the light comes in',
  'Smiling face to camera, pointing down to the caption',
];

const CAROUSEL_INTROS: readonly string[] = ['Swipe through for the full breakdown', 'Here’s what’s inside', 'The short version, slide by slide', 'Swipe for the details'];

function script(m: Material, rng: Rng): string {
  const shots = rng.sample(SHOTS, 4).map((s) => fill(s, m.vars));
  const first = (sentences(m.core)[0] ?? m.core).replace(/[.!?]$/, '');
  const onScreen = [...first].length <= 70 ? first : fitText(first, (t) => [...t].length <= 60);
  const lines = [
    `Scene 1 (0–3s): ${shots[0]}. On-screen text: “${onScreen}”`,
    `Scene 2 (3–8s): ${shots[1]}. Voiceover: “${m.points[0] ?? ''}”`,
    `Scene 3 (8–14s): ${shots[2]}. Voiceover: “${m.points[1] ?? m.audienceLine}”`,
    `Scene 4 (14–20s): ${shots[3]}. Voiceover: “${m.question}”`,
  ];
  return `Reel script (about 20 seconds):\n${lines.join('\n')}`;
}

/** An Instagram caption: a hook on the first line, short paragraphs (or a list, or a reel script), CTA, 8–15 hashtags. */
export function writeInstagram(m: Material, format: string, pool: readonly string[], rng: Rng): CaptionPost {
  const tags = pool.slice(0, rng.between(8, 15));
  const hook = withEmoji(m.hook, m.emoji);
  const closing = rng.chance(0.5) ? `${m.cta} ${m.signOff}` : m.cta;
  let body: string[];
  if (format === 'carousel') {
    const count = Math.min(m.points.length, rng.between(3, 5));
    const list = m.points.slice(0, count).map((p, i) => (m.kind === 'howto' ? p : `${i + 1}. ${p}`));
    const intro = `${rng.pick(CAROUSEL_INTROS)}${m.emoji ? ' 👉' : ':'}`;
    body = [`${intro}\n${list.join('\n')}`, m.question];
  } else if (format === 'short_video_script') {
    body = [script(m, rng), m.audienceLine];
  } else {
    const paragraphs = [`${m.points[0] ?? ''} ${m.points[1] ?? ''}`.trim(), m.points[2] ?? '', m.audienceLine];
    body = rng.chance(0.5) ? [paragraphs[0] ?? '', paragraphs[2] ?? '', m.question] : [paragraphs[0] ?? '', paragraphs[1] ?? '', m.question];
  }
  const text = assembleCaption('instagram', hook, body.filter(Boolean), closing, tags);
  return { text, hashtags: tags.filter((t) => text.includes(t)), callToAction: m.cta };
}
