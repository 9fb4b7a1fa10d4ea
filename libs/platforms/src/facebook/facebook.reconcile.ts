import { parseInstant } from '../http/reset-signals';
import type { MetaGraph } from '../meta/meta.graph';
import type { PublishContext, PublishRequest, Reconciliation } from '../platform-adapter';
import { sameText, withinWindow } from '../text-match';
import { readThreadProgress } from '../thread-progress';

interface PagePost {
  id: string;
  message?: string;
  created_time?: string;
  permalink_url?: string;
}

/** How far around the send the Page's posts are searched. */
const WINDOW_MS = 10 * 60_000;
/** Pages of 25 posts read at most (the list is ranked, not strictly chronological, §3.7). */
const MAX_PAGES = 4;

export function facebookPostUrl(postId: string): string {
  return `https://www.facebook.com/${postId}`;
}

/**
 * Facebook has no idempotency key (§9.3): after an unknown outcome the Page's published posts since shortly
 * before the send are searched for the text, matched with `sameText` and `withinWindow` on `created_time`
 * (every item is checked, since the list is ranked). `absent` only when the list ended without a match.
 */
export async function reconcileFacebook(graph: MetaGraph, call: PublishContext, post: PublishRequest, sentAt: Date): Promise<Reconciliation> {
  const progress = readThreadProgress(call);
  if (progress.partIds[0]) return { found: { platformPostId: progress.partIds[0], url: progress.firstUrl, publishedAt: sentAt } };
  if (!post.text.trim()) return { unsure: 'the post has no text to look for among the Page’s posts' };
  const { items, complete } = await graph.list<PagePost>(
    call.http,
    call.credentials.accessToken,
    `/${call.credentials.accountId}/published_posts`,
    { fields: 'id,message,created_time,permalink_url', since: Math.floor((sentAt.getTime() - WINDOW_MS) / 1000), limit: 25 },
    'look for the post on the Page',
    MAX_PAGES,
  );
  const match = items.find((p) => sameText(post.text, p.message) && withinWindow(parseInstant(p.created_time), sentAt, WINDOW_MS));
  if (match) {
    return { found: { platformPostId: match.id, url: match.permalink_url ?? facebookPostUrl(match.id), publishedAt: parseInstant(match.created_time) ?? sentAt } };
  }
  if (complete) return { absent: true };
  return { unsure: `no match among the ${items.length} most recent posts of the Page, and it has more` };
}
