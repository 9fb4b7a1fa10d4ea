/**
 * Records of FakeBluesky: validation of `app.bsky.feed.post` the way the PDS lexicon validation answers
 * (400 `InvalidRequest` "Invalid app.bsky.feed.post record: …"), blob checks (`BlobNotFound`, `BlobTooLarge`),
 * and the AppView views (`postView`, feed items) served by getAuthorFeed and getPosts.
 */
export interface FakeBlueskyRecord {
  uri: string;
  cid: string;
  did: string;
  collection: string;
  rkey: string;
  value: Record<string, any>;
  /** When the (fake) AppView indexed it; may differ from `value.createdAt`, which the client chose. */
  indexedAt: string;
}

export interface FakeBlob {
  cid: string;
  mimeType: string;
  size: number;
  owner: string;
}

export interface FakeCounts {
  likeCount?: number;
  repostCount?: number;
  replyCount?: number;
  quoteCount?: number;
  bookmarkCount?: number;
}

export interface RecordRules {
  maxGraphemes: number;
  maxBytes: number;
  maxImages: number;
  maxImageBytes: number;
}

export type Rejection = { status: number; error: string; message: string };

const FEATURES = new Set(['app.bsky.richtext.facet#link', 'app.bsky.richtext.facet#mention', 'app.bsky.richtext.facet#tag']);

/** Validates a post record; returns the PDS's rejection or undefined. */
export function validatePost(value: Record<string, any>, did: string, rules: RecordRules, lookup: { record(uri: string): FakeBlueskyRecord | undefined; blob(cid: string): FakeBlob | undefined }): Rejection | undefined {
  const invalid = (message: string): Rejection => ({ status: 400, error: 'InvalidRequest', message: `Invalid app.bsky.feed.post record: ${message}` });
  if (value?.$type !== 'app.bsky.feed.post') return invalid(`Record/$type must be app.bsky.feed.post`);
  if (typeof value.text !== 'string') return invalid('Record must have the property "text"');
  if (countGraphemes(value.text) > rules.maxGraphemes) return invalid(`Record/text must not be longer than ${rules.maxGraphemes} graphemes`);
  const bytes = Buffer.byteLength(value.text, 'utf8');
  if (bytes > rules.maxBytes) return invalid(`Record/text must not be longer than ${rules.maxBytes} characters`);
  if (typeof value.createdAt !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value.createdAt)) {
    return invalid('Record/createdAt must be an valid atproto datetime (both RFC-3339 and ISO-8601)');
  }
  for (const [i, facet] of ((value.facets ?? []) as any[]).entries()) {
    const { byteStart, byteEnd } = facet?.index ?? {};
    if (!Number.isInteger(byteStart) || !Number.isInteger(byteEnd) || byteStart < 0 || byteStart >= byteEnd || byteEnd > bytes) return invalid(`Record/facets/${i}/index is outside the text (${byteStart}..${byteEnd} of ${bytes} bytes)`);
    if (!Array.isArray(facet.features) || facet.features.length === 0 || facet.features.some((f: any) => !FEATURES.has(f?.$type))) return invalid(`Record/facets/${i}/features has an unknown feature`);
    if (facet.features.some((f: any) => f.$type === 'app.bsky.richtext.facet#tag' && (typeof f.tag !== 'string' || f.tag.startsWith('#') || !f.tag))) return invalid(`Record/facets/${i}/features/0/tag must not start with #`);
  }
  if (value.reply) {
    for (const key of ['root', 'parent'] as const) {
      const ref = value.reply[key];
      const target = typeof ref?.uri === 'string' ? lookup.record(ref.uri) : undefined;
      if (!target || target.cid !== ref.cid) return invalid(`Record/reply/${key} does not reference an existing post (${ref?.uri})`);
    }
  }
  if (value.embed) return validateEmbed(value.embed, did, rules, lookup.blob, invalid);
  return undefined;
}

function validateEmbed(embed: any, did: string, rules: RecordRules, blob: (cid: string) => FakeBlob | undefined, invalid: (message: string) => Rejection): Rejection | undefined {
  if (embed.$type !== 'app.bsky.embed.images') return undefined;
  const images = embed.images;
  if (!Array.isArray(images) || images.length === 0) return invalid('Record/embed/images must be an array');
  if (images.length > rules.maxImages) return invalid(`Record/embed/images must not have more than ${rules.maxImages} elements`);
  for (const [i, image] of images.entries()) {
    if (typeof image?.alt !== 'string') return invalid(`Record/embed/images/${i} must have the property "alt"`);
    const ref = image.image;
    const stored = typeof ref?.ref?.$link === 'string' ? blob(ref.ref.$link) : undefined;
    if (ref?.$type !== 'blob' || !stored || stored.owner !== did) return { status: 400, error: 'BlobNotFound', message: `Could not find blob: ${ref?.ref?.$link}` };
    if (stored.mimeType !== ref.mimeType) return { status: 400, error: 'InvalidMimeType', message: `Referenced Mimetype does not match stored blob. Expected: ${stored.mimeType}, Got: ${ref.mimeType}` };
    if (!stored.mimeType.startsWith('image/')) return { status: 400, error: 'InvalidMimeType', message: `Wrong type of file. It is ${stored.mimeType} but it must match image/*.` };
    if (stored.size > rules.maxImageBytes) return { status: 400, error: 'BlobTooLarge', message: `This file is too large. It is ${stored.size} bytes but the maximum size is ${rules.maxImageBytes} bytes.` };
  }
  return undefined;
}

export function countGraphemes(text: string): number {
  return [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)].length;
}

export interface Profile {
  did: string;
  handle: string;
  displayName?: string;
}

/** `app.bsky.feed.defs#postView`. Counts set to undefined are left out (they are optional in the lexicon). */
export function postView(record: FakeBlueskyRecord, author: Profile, counts: FakeCounts): Record<string, unknown> {
  const embed = embedView(record.did, record.value.embed);
  return {
    uri: record.uri,
    cid: record.cid,
    author: { did: author.did, handle: author.handle, displayName: author.displayName ?? author.handle, labels: [], createdAt: '2024-01-01T00:00:00.000Z' },
    record: record.value,
    ...(embed ? { embed } : {}),
    ...counts,
    indexedAt: record.indexedAt,
    viewer: {},
    labels: [],
  };
}

/** The AppView's view of a record embed (`app.bsky.embed.*#view`): CDN URLs for images, a playlist for video, the card for a link. */
function embedView(did: string, embed: any): Record<string, unknown> | undefined {
  switch (embed?.$type) {
    case 'app.bsky.embed.images':
      return {
        $type: 'app.bsky.embed.images#view',
        images: (embed.images as any[]).map((image) => ({
          thumb: `https://cdn.bsky.app/img/feed_thumbnail/plain/${did}/${image.image?.ref?.$link}@jpeg`,
          fullsize: `https://cdn.bsky.app/img/feed_fullsize/plain/${did}/${image.image?.ref?.$link}@jpeg`,
          alt: image.alt,
          ...(image.aspectRatio ? { aspectRatio: image.aspectRatio } : {}),
        })),
      };
    case 'app.bsky.embed.video': {
      const cid = embed.video?.ref?.$link;
      return { $type: 'app.bsky.embed.video#view', cid, playlist: `https://video.bsky.app/watch/${encodeURIComponent(did)}/${cid}/playlist.m3u8`, thumbnail: `https://video.bsky.app/watch/${encodeURIComponent(did)}/${cid}/thumbnail.jpg`, ...(embed.alt ? { alt: embed.alt } : {}) };
    }
    case 'app.bsky.embed.external':
      return { $type: 'app.bsky.embed.external#view', external: { uri: embed.external?.uri, title: embed.external?.title ?? '', description: embed.external?.description ?? '' } };
    case 'app.bsky.embed.record':
      return { $type: 'app.bsky.embed.record#view', record: { $type: 'app.bsky.embed.record#viewRecord', uri: embed.record?.uri, cid: embed.record?.cid } };
    case 'app.bsky.embed.recordWithMedia':
      return { $type: 'app.bsky.embed.recordWithMedia#view', record: embedView(did, { ...embed.record, $type: 'app.bsky.embed.record' }), media: embedView(did, embed.media) };
    default:
      return undefined;
  }
}
