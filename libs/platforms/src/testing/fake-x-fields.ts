import type { FakeRequest, FakeResponse } from './fake-platform-server';
import { xInvalid } from './fake-x-support';

/**
 * The field and expansion names X v2 accepts on post reads (`GET /2/tweets`, `/2/tweets/:id`,
 * `/2/users/:id/tweets`). X answers a name outside these lists with a 400 `invalid-request` whose message lists
 * the allowed values; the fake does the same, so a test proves an adapter never asks for a retired or made-up field.
 */
export const X_TWEET_FIELDS = [
  'article', 'attachments', 'author_id', 'card_uri', 'community_id', 'context_annotations', 'conversation_id', 'created_at', 'display_text_range',
  'edit_controls', 'edit_history_tweet_ids', 'entities', 'geo', 'id', 'in_reply_to_user_id', 'lang', 'media_metadata', 'non_public_metrics', 'note_tweet',
  'organic_metrics', 'possibly_sensitive', 'promoted_metrics', 'public_metrics', 'referenced_tweets', 'reply_settings', 'scopes', 'source', 'text', 'withheld',
];
export const X_MEDIA_FIELDS = [
  'alt_text', 'duration_ms', 'height', 'media_key', 'non_public_metrics', 'organic_metrics', 'preview_image_url', 'promoted_metrics', 'public_metrics', 'type', 'url', 'variants', 'width',
];
export const X_TWEET_EXPANSIONS = [
  'article.cover_media', 'article.media_entities', 'attachments.media_keys', 'attachments.media_source_tweet', 'attachments.poll_ids', 'author_id', 'edit_history_tweet_ids',
  'entities.mentions.username', 'geo.place_id', 'in_reply_to_user_id', 'entities.note.mentions.username', 'referenced_tweets.id', 'referenced_tweets.id.attachments.media_keys',
  'referenced_tweets.id.author_id',
];
const X_EXCLUDES = ['replies', 'retweets'];

/** Comma-separated values of a query parameter (empty set when absent). */
export function listParam(request: FakeRequest, name: string): Set<string> {
  return new Set((request.query.get(name) ?? '').split(',').map((v) => v.trim()).filter(Boolean));
}

/** The post fields asked for, under either name of the parameter (`tweet.fields` in the docs, `post.fields` in the spec). */
export function requestedFields(request: FakeRequest): Set<string> {
  return new Set([...listParam(request, 'tweet.fields'), ...listParam(request, 'post.fields')]);
}

/** X's 400 for a field, expansion or `exclude` value it does not know; undefined when every name is valid. */
export function rejectUnknownNames(request: FakeRequest, options: { exclude: boolean }): FakeResponse | undefined {
  const checks: Array<[string, readonly string[]]> = [
    ['tweet.fields', X_TWEET_FIELDS],
    ['post.fields', X_TWEET_FIELDS],
    ['media.fields', X_MEDIA_FIELDS],
    ['expansions', X_TWEET_EXPANSIONS],
    ...(options.exclude ? ([['exclude', X_EXCLUDES]] as Array<[string, readonly string[]]>) : []),
  ];
  for (const [name, allowed] of checks) {
    const unknown = [...listParam(request, name)].find((value) => !allowed.includes(value));
    if (unknown !== undefined) return xInvalid(`The \`${name}\` query parameter value [${unknown}] is not one of [${allowed.join(',')}]`, { [name]: [unknown] });
  }
  return undefined;
}
