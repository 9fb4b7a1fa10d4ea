import type { ContentFeature, MediaType } from '@app/contracts';

/**
 * The content features the optimizer compares, as categorical values (see `ContentFeature`). Buckets are
 * coarse on purpose: an account has tens or hundreds of posts, so finer splits would never have enough
 * posts on both sides to say anything.
 */
export type LengthBucket = 'short' | 'medium' | 'long';
export type HashtagBucket = '0' | '1-2' | '3-5' | '6+';
export type YesNo = 'yes' | 'no';

export interface ContentFeatures extends Partial<Record<ContentFeature, string>> {
  media: MediaType;
  length: LengthBucket;
  hashtags: HashtagBucket;
  question: YesNo;
  link: YesNo;
  /** thread / carousel / single …, when known. */
  format?: string;
  /** The strategy's content pillar, when known. */
  pillar?: string;
}

export interface ContentDescription {
  text: string;
  mediaType: MediaType;
  format?: string;
  pillar?: string;
  /** Hashtags given apart from the text (ones inside the text are counted too, once). */
  hashtags?: readonly string[];
}

/** Upper bounds (characters, exclusive) of the short and medium length buckets. */
export const SHORT_TEXT_MAX = 100;
export const MEDIUM_TEXT_MAX = 300;

const URL_PATTERN = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
const HASHTAG_PATTERN = /(?:^|[^\p{L}\p{N}_&])#([\p{L}\p{N}_]+)/gu;

export function lengthBucket(characters: number): LengthBucket {
  if (characters < SHORT_TEXT_MAX) return 'short';
  return characters < MEDIUM_TEXT_MAX ? 'medium' : 'long';
}

export function hashtagBucket(count: number): HashtagBucket {
  if (count === 0) return '0';
  if (count <= 2) return '1-2';
  return count <= 5 ? '3-5' : '6+';
}

/** The features of one post. */
export function contentFeatures(post: ContentDescription): ContentFeatures {
  const withoutUrls = post.text.replace(URL_PATTERN, ' ');
  const tags = new Set<string>();
  for (const match of withoutUrls.matchAll(HASHTAG_PATTERN)) tags.add(match[1].toLowerCase());
  for (const tag of post.hashtags ?? []) tags.add(tag.replace(/^#/, '').toLowerCase());
  const hasLink = post.mediaType === 'link' || URL_PATTERN.test(post.text);
  URL_PATTERN.lastIndex = 0;
  return {
    media: post.mediaType,
    length: lengthBucket([...post.text].length),
    hashtags: hashtagBucket(tags.size),
    question: withoutUrls.includes('?') ? 'yes' : 'no',
    link: hasLink ? 'yes' : 'no',
    ...(post.format ? { format: post.format } : {}),
    ...(post.pillar ? { pillar: post.pillar } : {}),
  };
}
