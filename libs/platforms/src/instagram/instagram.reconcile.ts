import { parseInstant } from '../http/reset-signals';
import type { MetaGraph } from '../meta/meta.graph';
import type { CallContext, PublishContext, PublishReceipt, PublishRequest, Reconciliation } from '../platform-adapter';
import { sameText, withinWindow } from '../text-match';
import { readThreadProgress } from '../thread-progress';
import type { InstagramContainers } from './instagram.containers';

interface IgMedia {
  id: string;
  caption?: string;
  timestamp?: string;
  permalink?: string;
}

const WINDOW_MS = 10 * 60_000;

/**
 * After an unknown outcome of `media_publish` (§9.3): the checkpointed container's `status_code` says whether
 * it went out. `PUBLISHED` → the media is looked up among the account's recent media by caption and time
 * (found, or unsure while it is not listed); `FINISHED` and not listed → absent (publishing again reuses the
 * container); any other state → unsure.
 */
export async function reconcileInstagram(graph: MetaGraph, containers: InstagramContainers, call: PublishContext, post: PublishRequest, sentAt: Date): Promise<Reconciliation> {
  const progress = readThreadProgress(call);
  if (progress.partIds[0]) return { found: { platformPostId: progress.partIds[0], url: progress.firstUrl, publishedAt: sentAt } };
  const containerId = progress.extra?.containerId as string | undefined;
  const state = containerId ? (await containers.status(call, containerId)).status_code : undefined;
  if (state !== undefined && state !== 'PUBLISHED' && state !== 'FINISHED') return { unsure: `the prepared media is ${state}` };
  const media = await findRecentMedia(graph, call, post.text, sentAt);
  if (media) return { found: media };
  if (state === 'FINISHED') return { absent: true };
  return { unsure: state === 'PUBLISHED' ? 'Instagram says the media was published but it is not in the account’s recent media yet' : 'no prepared media was recorded and no recent media matches the caption' };
}

/** The account's media matching a caption around an instant (`/{ig-user-id}/media`, newest first). */
export async function findRecentMedia(graph: MetaGraph, call: CallContext, caption: string, sentAt: Date): Promise<PublishReceipt | undefined> {
  if (!caption.trim()) return undefined;
  const { items } = await graph.list<IgMedia>(
    call.http,
    call.credentials.accessToken,
    `/${call.credentials.accountId}/media`,
    { fields: 'id,caption,timestamp,permalink', since: Math.floor((sentAt.getTime() - WINDOW_MS) / 1000), limit: 25 },
    'look for the post on the account',
    2,
  );
  const match = items.find((m) => sameText(caption, m.caption) && withinWindow(parseInstant(m.timestamp), sentAt, WINDOW_MS));
  return match ? { platformPostId: match.id, url: match.permalink, publishedAt: parseInstant(match.timestamp) ?? sentAt } : undefined;
}
