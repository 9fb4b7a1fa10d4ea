import { PLATFORM_LIMITS, countHashtags, isPlatform, platformTextLength } from '@app/contracts';
import type { Platform, PlannedPost } from '@app/contracts';
import { fitsLength } from '../limits';
import type { ContentStepInput } from '../llm.port';
import { HASHTAG, LENGTH_UNITS, PLATFORM_NAMES, Problems, formatsFor } from './helpers';
import type { Obj } from './helpers';

const unit = (p: Platform) => LENGTH_UNITS[PLATFORM_LIMITS[p].lengthCounting];

function checkLength(problems: Problems, path: string, platform: Platform, text: string): void {
  if (fitsLength(platform, text)) return;
  const max = PLATFORM_LIMITS[platform].maxTextLength;
  problems.add(path, `${platformTextLength(platform, text)} ${unit(platform)} exceeds ${PLATFORM_NAMES[platform]}'s ${max.toLocaleString('en-US')}`);
}

function checkThread(problems: Problems, post: Obj, path: string, platform: Platform, text: string | undefined): string[] {
  const limits = PLATFORM_LIMITS[platform];
  const parts = problems.array(post, 'threadParts', path, 2, limits.maxThreadParts);
  if (!parts) return [];
  const strings: string[] = [];
  parts.forEach((part, i) => {
    const at = `${path}.threadParts[${i}]`;
    if (typeof part !== 'string' || !part.trim()) return problems.add(at, 'must be a non-empty string');
    strings.push(part);
    checkLength(problems, at, platform, part);
    if (!part.startsWith(`${i + 1}/${parts.length}`)) problems.add(at, `must start with its number "${i + 1}/${parts.length}"`);
  });
  if (text !== undefined && parts[0] !== text) problems.add(`${path}.text`, 'must equal threadParts[0] for a thread');
  return strings;
}

function checkHashtags(problems: Problems, post: Obj, path: string, platform: Platform, texts: string[]): void {
  const tags = problems.array(post, 'hashtags', path);
  const max = PLATFORM_LIMITS[platform].maxHashtags;
  const used = texts.reduce((n, t) => n + countHashtags(t), 0);
  if (used > max) problems.add(`${path}.text`, `${used} hashtags exceeds ${PLATFORM_NAMES[platform]}'s ${max}`);
  if (!tags) return;
  if (tags.length > max) problems.add(`${path}.hashtags`, `${tags.length} hashtags exceeds ${PLATFORM_NAMES[platform]}'s ${max}`);
  const seen = new Set<string>();
  tags.forEach((tag, i) => {
    const at = `${path}.hashtags[${i}]`;
    if (typeof tag !== 'string' || !HASHTAG.test(tag)) return problems.add(at, `must be "#" followed by letters or digits, got ${JSON.stringify(tag)}`);
    if (seen.has(tag.toLowerCase())) problems.add(at, `duplicates ${tag}`);
    seen.add(tag.toLowerCase());
    const standalone = new RegExp(`(^|\\s)${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{M}\\p{N}_])`, 'u');
    if (!texts.some((t) => standalone.test(t))) problems.add(at, `${tag} does not appear in the text`);
  });
}

function checkPost(problems: Problems, value: unknown, path: string, planned: PlannedPost | undefined): string | undefined {
  const post = problems.object(value, path);
  if (!post) return undefined;
  const planId = problems.string(post, 'planId', path);
  const platform = problems.string(post, 'platform', path);
  const contentType = problems.string(post, 'contentType', path);
  const pillar = problems.string(post, 'pillar', path);
  const text = problems.string(post, 'text', path);
  if (post.callToAction !== undefined && typeof post.callToAction !== 'string') problems.add(`${path}.callToAction`, 'must be a string');
  if (planned) {
    if (planId !== undefined && planId !== planned.planId) problems.add(`${path}.planId`, `expected "${planned.planId}" (plan order), got "${planId}"`);
    if (platform !== undefined && platform !== planned.platform) problems.add(`${path}.platform`, `expected "${planned.platform}" as planned, got "${platform}"`);
    if (contentType !== undefined && contentType !== planned.format) problems.add(`${path}.contentType`, `expected "${planned.format}" as planned, got "${contentType}"`);
    if (pillar !== undefined && pillar !== planned.pillar) problems.add(`${path}.pillar`, `expected "${planned.pillar}" as planned, got "${pillar}"`);
  }
  if (platform === undefined) return text;
  if (!isPlatform(platform)) {
    problems.add(`${path}.platform`, `unknown platform "${platform}"`);
    return text;
  }
  if (contentType !== undefined && !formatsFor(platform).includes(contentType as never))
    problems.add(`${path}.contentType`, `"${contentType}" is not a format ${PLATFORM_NAMES[platform]} supports (${formatsFor(platform).join(', ')})`);
  if (text !== undefined) checkLength(problems, `${path}.text`, platform, text);
  const isThread = contentType === 'thread';
  if (!isThread && post.threadParts !== undefined) problems.add(`${path}.threadParts`, 'only a thread may have threadParts');
  const parts = isThread ? checkThread(problems, post, path, platform, text) : [];
  checkHashtags(problems, post, path, platform, parts.length ? parts : text !== undefined ? [text] : []);
  return text;
}

/** Structure, platform limits and one-to-one alignment with the plan of a `content.write` output. */
export function validateContent(input: ContentStepInput, value: unknown): string[] {
  const problems = new Problems();
  const root = problems.object(value, 'output');
  const posts = root && problems.array(root, 'posts', '');
  if (!posts) return problems.list;
  const plan = Array.isArray(input?.strategy?.plan) ? input.strategy.plan : undefined;
  if (plan && posts.length !== plan.length) problems.add('posts', `expected ${plan.length} posts (one per planned post), got ${posts.length}`);
  const texts = new Map<string, number>();
  posts.forEach((post, i) => {
    const text = checkPost(problems, post, `posts[${i}]`, plan?.[i]);
    if (text === undefined) return;
    const earlier = texts.get(text);
    if (earlier !== undefined) problems.add(`posts[${i}].text`, `duplicates posts[${earlier}].text`);
    else texts.set(text, i);
  });
  return problems.list;
}
