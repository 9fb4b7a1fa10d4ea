import { createHash, randomBytes } from 'node:crypto';
import type { FakeRequest, FakeResponse } from './fake-platform-server';
import { listParam, rejectUnknownNames, requestedFields } from './fake-x-fields';
import { xInvalid, X_PROBLEMS } from './fake-x-support';

export interface FakeXUser {
  id: string;
  username: string;
  name: string;
}

export interface FakeTweet {
  id: string;
  authorId: string;
  /** The text as sent (links are shown rewritten to t.co). */
  text: string;
  mediaIds: string[];
  inReplyToId: string | null;
  /** Set on a repost (X "retweet"): the post it reposts. */
  retweetOfId: string | null;
  createdAt: Date;
  metrics: { retweet_count: number; reply_count: number; like_count: number; quote_count: number; bookmark_count: number; impression_count: number };
  /** Owner-only counts (`non_public_metrics`, `organic_metrics`), for posts younger than 30 days. */
  privateMetrics: { url_link_clicks: number; user_profile_clicks: number; engagements: number };
}

const DEPTH = 3200;
const DEPTH_WITHOUT_REPLIES = 800;
const PRIVATE_METRICS_MS = 30 * 86_400_000;
const PRIVATE_FIELDS = ['non_public_metrics', 'organic_metrics'];
const MEDIA_KEY_PREFIX: Record<FakeXMediaKind, string> = { photo: '3', video: '7', animated_gif: '16' };

export type FakeXMediaKind = 'photo' | 'video' | 'animated_gif';

/** What a post's attachment is, as `includes.media` shows it (`view_count` only for video and GIF). */
export interface FakeXMediaInfo {
  type: FakeXMediaKind;
  viewCount: number;
}

export interface NewFakeTweet {
  id: string;
  authorId: string;
  text: string;
  createdAt: Date;
  mediaIds?: string[];
  inReplyToId?: string | null;
  retweetOfId?: string | null;
  metrics?: Partial<FakeTweet['metrics']>;
}

/**
 * Posts as X serves them: the default fields (`id`, `text`, `edit_history_tweet_ids`) plus those asked for
 * in `tweet.fields` / `post.fields`; user timelines newest first with `meta` and an opaque `next_token`
 * (an id cursor, so new posts do not shift pages); lookups that answer 200 with `errors` for missing posts.
 */
export class FakeXTimeline {
  readonly users: FakeXUser[] = [];
  readonly tweets: FakeTweet[] = [];
  private readonly cursors = new Map<string, { userId: string; beforeId: bigint }>();

  /** Media attachments by media id (photo unless registered otherwise). */
  readonly media = new Map<string, FakeXMediaInfo>();

  add(fields: NewFakeTweet): FakeTweet {
    const tweet: FakeTweet = {
      id: fields.id,
      authorId: fields.authorId,
      text: fields.text,
      mediaIds: fields.mediaIds ?? [],
      inReplyToId: fields.inReplyToId ?? null,
      retweetOfId: fields.retweetOfId ?? null,
      createdAt: fields.createdAt,
      metrics: { retweet_count: 0, reply_count: 0, like_count: 0, quote_count: 0, bookmark_count: 0, impression_count: 0, ...fields.metrics },
      privateMetrics: { url_link_clicks: 0, user_profile_clicks: 0, engagements: 0 },
    };
    this.tweets.push(tweet);
    const parent = tweet.inReplyToId ? this.tweets.find((t) => t.id === tweet.inReplyToId) : undefined;
    if (parent) parent.metrics.reply_count += 1;
    const original = tweet.retweetOfId ? this.tweets.find((t) => t.id === tweet.retweetOfId) : undefined;
    if (original) original.metrics.retweet_count += 1;
    return tweet;
  }

  remove(id: string): void {
    const index = this.tweets.findIndex((t) => t.id === id);
    if (index >= 0) this.tweets.splice(index, 1);
  }

  /** The text as X shows it: links rewritten to t.co, a t.co link to the media appended when there is any, `RT @user: …` for a repost. */
  displayText(tweet: FakeTweet): string {
    const original = tweet.retweetOfId ? this.tweets.find((t) => t.id === tweet.retweetOfId) : undefined;
    if (original) return `RT @${this.users.find((u) => u.id === original.authorId)?.username ?? 'i'}: ${this.displayText(original)}`;
    const text = tweet.text.replace(/https?:\/\/\S+/g, tcoLink);
    return tweet.mediaIds.length ? `${text}${text ? ' ' : ''}${tcoLink(`media:${tweet.mediaIds[0]}`)}` : text;
  }

  /** `GET /2/tweets/:id` (`single`) and `GET /2/tweets?ids=` (1–100 ids). */
  lookup(request: FakeRequest, ids: string[], viewer: FakeXUser | undefined, single: boolean): FakeResponse {
    if (ids.length < 1 || ids.length > 100 || ids.some((id) => !/^\d{1,19}$/.test(id))) return xInvalid('ids must be 1 to 100 numeric ids', { ids });
    const rejected = rejectUnknownNames(request, { exclude: false });
    if (rejected) return rejected;
    const found = ids.map((id) => this.tweets.find((t) => t.id === id)).filter((t): t is FakeTweet => !!t);
    const { data, includes, errors } = this.render(request, found, viewer);
    const allErrors = [...ids.filter((id) => !found.some((t) => t.id === id)).map(notFound), ...errors];
    return { body: { ...(data.length ? { data: single ? data[0] : data } : {}), ...includes, ...(allErrors.length ? { errors: allErrors } : {}) } };
  }

  /** `GET /2/users/:id/tweets`. */
  userTweets(request: FakeRequest, viewer: FakeXUser | undefined): FakeResponse {
    const query = request.query;
    const max = Number(query.get('max_results') ?? 10);
    if (!Number.isInteger(max) || max < 5 || max > 100) return xInvalid(`The \`max_results\` query parameter value [${query.get('max_results')}] is not between 5 and 100`, { max_results: [query.get('max_results')] });
    const rejected = rejectUnknownNames(request, { exclude: true });
    if (rejected) return rejected;
    const start = instant(query.get('start_time'));
    const end = instant(query.get('end_time'));
    if (start === null || end === null) return xInvalid('start_time and end_time must be ISO 8601 instants (YYYY-MM-DDTHH:mm:ssZ)', { start_time: [query.get('start_time')], end_time: [query.get('end_time')] });
    if (start !== undefined && end !== undefined && start >= end) return xInvalid('start_time must be before end_time', { start_time: [query.get('start_time')] });
    const token = query.get('pagination_token');
    const cursor = token ? this.cursors.get(token) : undefined;
    if (token && (!cursor || cursor.userId !== request.params.id)) return xInvalid(`The \`pagination_token\` query parameter value [${token}] is not valid`, { pagination_token: [token] });
    const excluded = listParam(request, 'exclude');
    const sinceId = query.get('since_id');
    const untilId = query.get('until_id');
    const matching = this.tweets
      .filter((t) => t.authorId === request.params.id)
      .filter((t) => !excluded.has('replies') || !t.inReplyToId)
      .filter((t) => !excluded.has('retweets') || !t.retweetOfId)
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1))
      .slice(0, excluded.has('replies') ? DEPTH_WITHOUT_REPLIES : DEPTH)
      .filter((t) => (start === undefined || t.createdAt.getTime() >= start) && (end === undefined || t.createdAt.getTime() <= end))
      .filter((t) => (!sinceId || BigInt(t.id) > BigInt(sinceId)) && (!untilId || BigInt(t.id) < BigInt(untilId)))
      .filter((t) => !cursor || BigInt(t.id) < cursor.beforeId);
    const page = matching.slice(0, max);
    const meta: Record<string, unknown> = { result_count: page.length };
    if (page.length) Object.assign(meta, { newest_id: page[0].id, oldest_id: page[page.length - 1].id });
    if (matching.length > max) {
      const next = randomBytes(20).toString('hex');
      this.cursors.set(next, { userId: request.params.id, beforeId: BigInt(page[page.length - 1].id) });
      meta.next_token = next;
    }
    const { data, includes, errors } = this.render(request, page, viewer);
    return { body: { ...(data.length ? { data } : {}), ...includes, ...(errors.length ? { errors } : {}), meta } };
  }

  /** Posts with the fields asked for, `includes.media` when `attachments.media_keys` is expanded, and partial field errors. */
  private render(request: FakeRequest, tweets: FakeTweet[], viewer: FakeXUser | undefined): { data: Record<string, unknown>[]; includes: { includes?: { media: Record<string, unknown>[] } }; errors: Record<string, unknown>[] } {
    const fields = requestedFields(request);
    const data = tweets.map((t) => this.view(t, fields, viewer));
    const errors = tweets.flatMap((t) => this.fieldErrors(t, fields, viewer));
    if (!listParam(request, 'expansions').has('attachments.media_keys')) return { data, includes: {}, errors };
    const mediaFields = listParam(request, 'media.fields');
    const media = tweets.flatMap((t) => t.mediaIds).map((id) => this.mediaView(id, mediaFields));
    return { data, includes: media.length ? { includes: { media } } : {}, errors };
  }

  private mediaKey(id: string): string {
    return `${MEDIA_KEY_PREFIX[this.media.get(id)?.type ?? 'photo']}_${id}`;
  }

  /** A media object: `media_key` and `type` always; `public_metrics.view_count` for video and GIF only. */
  private mediaView(id: string, fields: Set<string>): Record<string, unknown> {
    const info = this.media.get(id) ?? { type: 'photo', viewCount: 0 };
    const view: Record<string, unknown> = { media_key: this.mediaKey(id), type: info.type };
    if (fields.has('url') && info.type === 'photo') view.url = `https://pbs.twimg.com/media/${id}.jpg`;
    if (fields.has('preview_image_url') && info.type !== 'photo') view.preview_image_url = `https://pbs.twimg.com/ext_tw_video_thumb/${id}/pu/img/preview.jpg`;
    if (fields.has('public_metrics') && info.type !== 'photo') view.public_metrics = { view_count: info.viewCount };
    return view;
  }

  private view(tweet: FakeTweet, fields: Set<string>, viewer: FakeXUser | undefined): Record<string, unknown> {
    const text = this.displayText(tweet);
    const view: Record<string, unknown> = { id: tweet.id, text, edit_history_tweet_ids: [tweet.id] };
    const parent = tweet.inReplyToId ? this.tweets.find((t) => t.id === tweet.inReplyToId) : undefined;
    if (fields.has('created_at')) view.created_at = tweet.createdAt.toISOString();
    if (fields.has('author_id')) view.author_id = tweet.authorId;
    if (fields.has('conversation_id')) view.conversation_id = this.root(tweet).id;
    if (fields.has('in_reply_to_user_id') && parent) view.in_reply_to_user_id = parent.authorId;
    const referenced = [
      ...(tweet.inReplyToId ? [{ type: 'replied_to', id: tweet.inReplyToId }] : []),
      ...(tweet.retweetOfId ? [{ type: 'retweeted', id: tweet.retweetOfId }] : []),
    ];
    if (fields.has('referenced_tweets') && referenced.length) view.referenced_tweets = referenced;
    if (fields.has('attachments') && tweet.mediaIds.length) view.attachments = { media_keys: tweet.mediaIds.map((id) => this.mediaKey(id)) };
    if (fields.has('entities')) {
      const entities = this.entities(tweet, text);
      if (entities.length) view.entities = { urls: entities };
    }
    if (fields.has('public_metrics')) view.public_metrics = { ...tweet.metrics };
    if (this.mayReadPrivate(tweet, viewer)) {
      const { impression_count, like_count, reply_count, retweet_count } = tweet.metrics;
      const { url_link_clicks, user_profile_clicks, engagements } = tweet.privateMetrics;
      if (fields.has('non_public_metrics')) view.non_public_metrics = { impression_count, url_link_clicks, user_profile_clicks, engagements };
      if (fields.has('organic_metrics')) view.organic_metrics = { impression_count, like_count, reply_count, retweet_count, url_link_clicks, user_profile_clicks };
    }
    return view;
  }

  /** `entities.urls`: each link of the text, and the media link (which carries `media_key`), with their t.co forms. */
  private entities(tweet: FakeTweet, text: string): Record<string, unknown>[] {
    if (tweet.retweetOfId) return [];
    const author = this.users.find((u) => u.id === tweet.authorId)?.username ?? 'i';
    const links = [...tweet.text.matchAll(/https?:\/\/\S+/g)].map((m) => ({ expanded_url: m[0], url: tcoLink(m[0]), display_url: m[0].replace(/^https?:\/\//, '').slice(0, 25) }));
    const media = tweet.mediaIds.length
      ? [{ expanded_url: `https://x.com/${author}/status/${tweet.id}/${this.media.get(tweet.mediaIds[0])?.type === 'video' ? 'video' : 'photo'}/1`, url: tcoLink(`media:${tweet.mediaIds[0]}`), display_url: `pic.x.com/${tweet.mediaIds[0].slice(-10)}`, media_key: this.mediaKey(tweet.mediaIds[0]) }]
      : [];
    return [...links, ...media].map((entity) => {
      const start = [...text.slice(0, text.indexOf(entity.url))].length;
      return { start, end: start + entity.url.length, ...entity };
    });
  }

  /** Partial errors for owner-only fields the viewer may not read. */
  private fieldErrors(tweet: FakeTweet, fields: Set<string>, viewer: FakeXUser | undefined): Record<string, unknown>[] {
    if (this.mayReadPrivate(tweet, viewer)) return [];
    return PRIVATE_FIELDS.filter((f) => fields.has(f)).map((field) => ({
      value: tweet.id,
      detail: `Sorry, you are not authorized to access '${field}' on the Tweet with id [${tweet.id}].`,
      title: 'Field Authorization Error',
      resource_type: 'tweet',
      parameter: 'tweet.fields',
      field,
      resource_id: tweet.id,
      type: `${X_PROBLEMS}not-authorized-for-field`,
    }));
  }

  private mayReadPrivate(tweet: FakeTweet, viewer: FakeXUser | undefined): boolean {
    return viewer?.id === tweet.authorId && Date.now() - tweet.createdAt.getTime() < PRIVATE_METRICS_MS;
  }

  private root(tweet: FakeTweet): FakeTweet {
    let current = tweet;
    let parent = this.tweets.find((t) => t.id === current.inReplyToId);
    while (parent) {
      current = parent;
      parent = this.tweets.find((t) => t.id === current.inReplyToId);
    }
    return current;
  }
}

/** Epoch ms of an ISO query value; undefined when absent, null when malformed. */
function instant(value: string | null): number | undefined | null {
  if (!value) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  return Date.parse(value);
}

function notFound(id: string): Record<string, unknown> {
  return { value: id, detail: `Could not find tweet with id: [${id}].`, title: 'Not Found Error', resource_type: 'tweet', parameter: 'ids', resource_id: id, type: `${X_PROBLEMS}resource-not-found` };
}

/** A stable t.co link for a URL, as X rewrites links in post text. */
export function tcoLink(url: string): string {
  return `https://t.co/${createHash('sha1').update(url).digest('base64url').slice(0, 10)}`;
}
