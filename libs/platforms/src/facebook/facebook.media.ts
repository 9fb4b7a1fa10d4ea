import type { HttpRequest } from '../http/platform-http';
import type { MetaGraph } from '../meta/meta.graph';
import type { PublishContext } from '../platform-adapter';

/** How a photo reaches Facebook: its bytes as multipart `source`, or a public URL Facebook fetches. */
export type PhotoTransport = 'upload' | 'url';

export interface PhotoAnswer {
  /** The photo id. */
  id: string;
  /** The Page post a published photo created (`<page-id>_<post-id>`; unconfirmed field, §3.3). */
  post_id?: string;
}

/**
 * `POST /{page-id}/photos` (§3.3). Published (`caption` given), it is the commit call that makes the post
 * public; unpublished, it is a retry-safe prepare step whose id goes into a multi-photo post's
 * `attached_media`.
 */
export async function postPhoto(
  graph: MetaGraph,
  call: PublishContext,
  transport: PhotoTransport,
  mediaId: string,
  publish: { caption: string } | null,
): Promise<PhotoAnswer> {
  const published = publish !== null;
  const request: HttpRequest = { method: 'POST', url: `/${call.credentials.accountId}/photos`, commit: published };
  if (transport === 'url') {
    request.form = { url: call.media.publicUrl(mediaId), caption: publish?.caption || undefined, published: String(published) };
  } else {
    const media = await call.media.load(mediaId);
    const form = new FormData();
    form.append('source', new Blob([new Uint8Array(media.bytes)], { type: media.mimeType }), media.id);
    if (publish?.caption) form.append('caption', publish.caption);
    form.append('published', String(published));
    request.multipart = form;
  }
  const what = published ? 'publish the photo post' : 'upload a photo';
  return (await graph.request(call.http, call.credentials.accessToken, request, what)).body as PhotoAnswer;
}
