import { parseInstant } from '../http/reset-signals';
import type { AccountIdentity, CallContext, PlatformAdapter, PublishContext, PublishReceipt, PublishRequest, Reconciliation, RefreshContext, TokenGrant } from '../platform-adapter';
import { PlatformError } from '../platform-error';
import { sameText } from '../text-match';
import { partsOf, readThreadProgress, saveThreadProgress, type ThreadProgress } from '../thread-progress';
import { BlueskyApi, POST_COLLECTION, blueskyPostUrl, type BlobRef, type StrongRef } from './bluesky.api';
import { detectFacets } from './bluesky.facets';
import { BlueskyInsights } from './bluesky.insights';
import { refreshBlueskySession } from './bluesky.session';
import { createTid } from './bluesky.tid';

const MAX_IMAGES = 4;

/** What a Bluesky publish checkpoints besides the shared ThreadProgress fields (part ids are at-URIs). */
interface BlueskyExtra {
  /** The record key chosen for each part, saved before its createRecord is sent. */
  rkeys?: string[];
  /** The CID of each live part (replies need `{ uri, cid }` of the root and the parent). */
  cids?: string[];
  /** Uploaded blobs with their alt text, by our media id. */
  blobs?: Record<string, { blob: BlobRef; alt: string }>;
}

/**
 * Bluesky (`../shared/reference/platform-apis.md` §7) over XRPC on the account's PDS (`credentials.serverUrl`,
 * else the configured base, `https://bsky.social`). Credentials are an app-password session (see
 * `createBlueskySession`): the access JWT is the access token, the refresh JWT the refresh token; no OAuth.
 * Each part's record key is a TID chosen and checkpointed before `createRecord`, so a resend collides with the
 * record instead of duplicating it, and `getRecord` on that key reconciles an unknown outcome.
 */
export class BlueskyAdapter implements PlatformAdapter {
  readonly platform = 'bluesky' as const;
  readonly oauth = undefined;
  /** Post counts and the account's own history (see `BlueskyInsights`). */
  readonly insights = new BlueskyInsights();

  async identify(call: CallContext): Promise<AccountIdentity> {
    const response = await new BlueskyApi(call).query('com.atproto.server.getSession', undefined, 'session');
    const session = response.body as { did: string; handle: string };
    return { accountId: session.did, accountName: `@${session.handle}` };
  }

  async publish(call: PublishContext, post: PublishRequest): Promise<PublishReceipt> {
    if (post.mediaIds.length > MAX_IMAGES) throw new PlatformError('permanent', `Bluesky allows at most ${MAX_IMAGES} images per post (this one has ${post.mediaIds.length})`);
    const api = new BlueskyApi(call);
    const progress = readThreadProgress(call);
    const images = progress.partIds.length === 0 ? await this.uploadImages(call, api, post, progress) : [];
    const parts = partsOf(post);
    for (let index = progress.partIds.length; index < parts.length; index++) {
      const ref = await this.postPart(call, api, post, progress, index, parts[index], index === 0 ? images : []);
      this.record(call, progress, index, ref);
      await saveThreadProgress(call, progress);
    }
    return this.receipt(progress, new Date());
  }

  /**
   * Looks up the part that was in flight by its checkpointed record key. Present: it is recorded as live, and the
   * publish is `found` when it was the last part; for a thread with parts still to post the answer is `absent`, so
   * the publish resumes after it (nothing live is sent again). `RecordNotFound`: `absent`, safe to resend.
   */
  async reconcile(call: PublishContext, post: PublishRequest, sentAt: Date): Promise<Reconciliation> {
    const progress = readThreadProgress(call);
    const parts = partsOf(post);
    const index = progress.partIds.length;
    if (index >= parts.length) return { found: this.receipt(progress, sentAt) };
    const rkey = (progress.extra as BlueskyExtra).rkeys?.[index];
    if (!rkey) return { unsure: `no record key was checkpointed for part ${index + 1}, so Bluesky cannot be asked about it` };
    try {
      const existing = await new BlueskyApi(call).getPost(call.credentials.accountId, rkey);
      if (!existing) return { absent: true };
      if (!sameText(parts[index], existing.value.text)) return { unsure: `another record sits at the checkpointed key ${rkey}` };
      this.record(call, progress, index, existing);
      await saveThreadProgress(call, progress);
      if (progress.partIds.length < parts.length) return { absent: true };
      return { found: this.receipt(progress, parseInstant(existing.value.createdAt) ?? sentAt) };
    } catch (error) {
      if (PlatformError.is(error, 'permanent')) return { unsure: `Bluesky would not show the record (${error.message})` };
      throw error;
    }
  }

  refresh(call: RefreshContext): Promise<TokenGrant> {
    return refreshBlueskySession(call);
  }

  private async uploadImages(call: PublishContext, api: BlueskyApi, post: PublishRequest, progress: ThreadProgress): Promise<Array<{ image: BlobRef; alt: string }>> {
    const extra = progress.extra as BlueskyExtra;
    for (const mediaId of post.mediaIds) {
      if (extra.blobs?.[mediaId]) continue;
      const media = await call.media.load(mediaId);
      const blob = await api.uploadBlob(media.bytes, media.mimeType);
      extra.blobs = { ...extra.blobs, [mediaId]: { blob, alt: media.altText ?? post.altText ?? '' } };
      progress.uploaded[mediaId] = blob.ref.$link;
      await saveThreadProgress(call, progress);
    }
    return post.mediaIds.map((id) => ({ image: extra.blobs![id].blob, alt: extra.blobs![id].alt }));
  }

  /** One part: reuse its checkpointed key (adopting the record if an earlier attempt created it), else choose and checkpoint one. */
  private async postPart(call: PublishContext, api: BlueskyApi, post: PublishRequest, progress: ThreadProgress, index: number, text: string, images: Array<{ image: BlobRef; alt: string }>): Promise<StrongRef> {
    const extra = progress.extra as BlueskyExtra;
    const did = call.credentials.accountId;
    let rkey = extra.rkeys?.[index];
    if (rkey) {
      const existing = await api.getPost(did, rkey);
      if (existing) return existing;
    } else {
      rkey = createTid(`${post.idempotencyKey}:${index}`);
      extra.rkeys = withItem(extra.rkeys, index, rkey);
      await saveThreadProgress(call, progress);
    }
    const facets = detectFacets(text);
    const record = {
      $type: POST_COLLECTION,
      text,
      createdAt: new Date().toISOString(),
      ...(facets.length ? { facets } : {}),
      ...(images.length ? { embed: { $type: 'app.bsky.embed.images', images } } : {}),
      ...(index > 0 ? { reply: { root: this.ref(progress, 0), parent: this.ref(progress, index - 1) } } : {}),
    };
    const response = await api.procedure('com.atproto.repo.createRecord', { repo: did, collection: POST_COLLECTION, rkey, record }, 'publish', true);
    return response.body as StrongRef;
  }

  private record(call: CallContext, progress: ThreadProgress, index: number, ref: StrongRef): void {
    const extra = progress.extra as BlueskyExtra;
    progress.partIds[index] = ref.uri;
    extra.cids = withItem(extra.cids, index, ref.cid);
    if (index === 0) progress.firstUrl = blueskyPostUrl(call.credentials.accountName?.replace(/^@/, '') || call.credentials.accountId, ref.uri);
  }

  private ref(progress: ThreadProgress, index: number): StrongRef {
    return { uri: progress.partIds[index], cid: (progress.extra as BlueskyExtra).cids![index] };
  }

  private receipt(progress: ThreadProgress, publishedAt: Date): PublishReceipt {
    return { platformPostId: progress.partIds[0], url: progress.firstUrl, publishedAt, partIds: [...progress.partIds] };
  }
}

/** A copy of a checkpointed list with one item set (the checkpoint read back is never mutated in place). */
function withItem(list: string[] | undefined, index: number, value: string): string[] {
  const copy = [...(list ?? [])];
  copy[index] = value;
  return copy;
}
