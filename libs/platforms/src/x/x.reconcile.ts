import { parseInstant } from '../http/reset-signals';
import type { PublishContext, PublishRequest, Reconciliation } from '../platform-adapter';
import { normalizeForMatch, sameText, withinWindow } from '../text-match';
import { partsOf, readThreadProgress, saveThreadProgress } from '../thread-progress';
import { xPostUrl, xRequest } from './x.client';

export interface XReconcileOptions {
  webUrl: string;
  /** Query parameter naming the post fields (`tweet.fields` in the docs, `post.fields` in spec 2.167). */
  postFieldsParam: string;
  /** Timeline pages (100 posts each) read before answering `unsure`. */
  maxPages: number;
  /** A post may take a moment to show in the timeline: before this much time has passed since the send, a miss is `unsure`, not `absent`. */
  settleMs: number;
}

interface Tweet {
  id: string;
  text: string;
  created_at?: string;
  referenced_tweets?: { type: string; id: string }[];
}

const WINDOW_MS = 10 * 60_000;

/**
 * X has no idempotency key (§9.3): the part that was in flight (the first not in `progress.partIds`) is
 * looked for among the account's posts since `sentAt - 10 min`, by text and creation time (and, for a thread
 * part, by the post it replies to). A thread part that is found is recorded into the progress; when parts
 * remain, the answer is `absent` for the rest: a new attempt resumes after the recorded parts, so it cannot
 * post one twice.
 */
export async function reconcileX(call: PublishContext, post: PublishRequest, sentAt: Date, options: XReconcileOptions): Promise<Reconciliation> {
  const progress = readThreadProgress(call);
  const parts = partsOf(post);
  const index = progress.partIds.length;
  const receipt = (publishedAt = sentAt) => ({ platformPostId: progress.partIds[0], url: progress.firstUrl, publishedAt, partIds: [...progress.partIds] });
  if (index >= parts.length) return { found: receipt() };
  if (!normalizeForMatch(parts[index])) return { unsure: 'the post has no text to look for among the account\'s posts' };
  const parent = progress.partIds[index - 1];
  const search = await findTweet(call, sentAt, options, (t) => sameText(parts[index], t.text) && withinWindow(parseInstant(t.created_at), sentAt, WINDOW_MS) && (!parent || repliesTo(t, parent)));
  if ('unsure' in search) return search;
  if (!search.match) {
    if (Date.now() - sentAt.getTime() < options.settleMs) return { unsure: 'X does not list the post yet, but it was sent moments ago and may not show in the timeline yet' };
    return { absent: true };
  }
  const match = search.match;
  progress.partIds.push(match.id);
  if (index === 0) progress.firstUrl = xPostUrl(options.webUrl, call.credentials.accountName, match.id);
  await saveThreadProgress(call, progress);
  if (progress.partIds.length < parts.length) return { absent: true };
  return { found: receipt(index === 0 ? (parseInstant(match.created_at) ?? sentAt) : sentAt) };
}

/** `referenced_tweets` is asked for, so a post without it is not a reply. */
function repliesTo(tweet: Tweet, parentId: string): boolean {
  return tweet.referenced_tweets?.some((r) => r.type === 'replied_to' && r.id === parentId) ?? false;
}

async function findTweet(call: PublishContext, sentAt: Date, options: XReconcileOptions, matches: (t: Tweet) => boolean): Promise<{ match?: Tweet } | { unsure: string }> {
  let nextToken: string | undefined;
  for (let page = 0; page < options.maxPages; page++) {
    const response = await xRequest(
      call,
      {
        method: 'GET',
        url: `/2/users/${encodeURIComponent(call.credentials.accountId)}/tweets`,
        query: {
          [options.postFieldsParam]: 'created_at,referenced_tweets',
          max_results: 100,
          exclude: 'retweets',
          start_time: new Date(sentAt.getTime() - WINDOW_MS).toISOString(),
          pagination_token: nextToken,
        },
      },
      "read the account's recent posts",
    );
    const body = response.body as { data?: Tweet[]; meta?: { next_token?: string } } | undefined;
    const match = body?.data?.find(matches);
    if (match) return { match };
    nextToken = body?.meta?.next_token;
    if (!nextToken) return {};
  }
  return { unsure: `more than ${options.maxPages * 100} posts since the send; the post was not among the newest` };
}
