import { parseInstant } from '../http/reset-signals';
import type { PublishReceipt, PublishRequest, Reconciliation } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { sameText, withinWindow } from '../text-match';
import { encodeUrn, linkedinPostUrl, type LinkedInApi } from './linkedin.api';
import { fromLittleText } from './linkedin.text';

export interface LinkedInListing {
  /** Posts per page of `GET /rest/posts?q=author` (100 is a common maximum, unconfirmed). */
  pageSize: number;
  /** Pages read before giving up. */
  maxPages: number;
  /** How long LinkedIn may take to list a new post; a miss younger than this is not proof of absence. */
  lagMs: number;
  /** Half-width of the window around the send in which the post would have been created. */
  windowMs: number;
}

interface LinkedInPost {
  id: string;
  author?: string;
  commentary?: string;
  createdAt?: number;
  publishedAt?: number;
  lastModifiedAt?: number;
}

/**
 * Looks for a post whose outcome is unknown (§9.3: LinkedIn has no idempotency key). First the post a
 * `DUPLICATE_POST` rejection named, if a resend got one; then the author's recent posts, matched on text and
 * on a window around the send. `absent` only when the listing covered the whole window, the send is older than
 * the listing lag, and nothing matched; the platform's duplicate check backs that up on the resend.
 */
export async function reconcileLinkedIn(api: LinkedInApi, author: string, post: PublishRequest, sentAt: Date, duplicateOf: string | undefined, listing: LinkedInListing): Promise<Reconciliation> {
  try {
    if (duplicateOf) {
      const named = await api.rest({ method: 'GET', url: `/rest/posts/${encodeUrn(duplicateOf)}` }, 'read post').catch(notFoundAsUndefined);
      const existing = named?.body as LinkedInPost | undefined;
      if (existing && existing.author === author && sameText(post.text, fromLittleText(existing.commentary))) return { found: receiptOf(existing, sentAt) };
    }
    for (let page = 0, start = 0; page < listing.maxPages; page++) {
      const response = await api.rest(
        { method: 'GET', url: '/rest/posts', query: { q: 'author', author, count: listing.pageSize, start, sortBy: 'LAST_MODIFIED' }, headers: { 'x-restli-method': 'FINDER' } },
        'list posts',
      );
      const body = response.body as { elements?: LinkedInPost[]; paging?: { total?: number } } | undefined;
      const elements = body?.elements ?? [];
      const match = elements.find((p) => sameText(post.text, fromLittleText(p.commentary)) && withinWindow(parseInstant(p.publishedAt ?? p.createdAt), sentAt, listing.windowMs));
      if (match) return { found: receiptOf(match, sentAt) };
      start += elements.length;
      const oldest = elements.at(-1);
      const exhausted = elements.length === 0 || (body?.paging?.total !== undefined && start >= body.paging.total);
      const pastWindow = oldest !== undefined && (parseInstant(oldest.lastModifiedAt ?? oldest.createdAt)?.getTime() ?? Infinity) < sentAt.getTime() - listing.windowMs;
      if (exhausted || pastWindow) {
        if (Date.now() - sentAt.getTime() < listing.lagMs) return { unsure: 'no matching LinkedIn post yet, but LinkedIn may not list a post made moments ago' };
        return { absent: true };
      }
    }
    return { unsure: `no matching post among the ${listing.maxPages * listing.pageSize} most recent LinkedIn posts of the account` };
  } catch (error) {
    if (PlatformError.is(error, 'permanent')) return { unsure: `LinkedIn would not list the account's posts (${error.message}); check the profile by hand` };
    throw error;
  }
}

function receiptOf(post: LinkedInPost, sentAt: Date): PublishReceipt {
  return { platformPostId: post.id, url: linkedinPostUrl(post.id), publishedAt: parseInstant(post.publishedAt ?? post.createdAt) ?? sentAt };
}

function notFoundAsUndefined(error: unknown): undefined {
  if (PlatformError.is(error, 'permanent') && error.details.status === 404) return undefined;
  throw error;
}
