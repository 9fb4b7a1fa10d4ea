import type { PublishContext, PublishRequest } from './platform-adapter';

/**
 * Progress of a multi-part publish (a thread, or a post with uploaded media), checkpointed after every step
 * so a retry resumes where the last attempt stopped instead of posting a part twice.
 */
export interface ThreadProgress {
  /** Platform ids of the parts already live, in order. */
  partIds: string[];
  /** Platform URL of the first part, once live. */
  firstUrl?: string;
  /** Our media id → the platform's media id, for uploads already done. */
  uploaded: Record<string, string>;
  /** Extra per-platform state (e.g. a Bluesky part's CID, an Instagram container id). */
  extra?: Record<string, unknown>;
}

export function readThreadProgress(call: PublishContext): ThreadProgress {
  const saved = call.progress as Partial<ThreadProgress> | null;
  return { partIds: [...(saved?.partIds ?? [])], firstUrl: saved?.firstUrl, uploaded: { ...(saved?.uploaded ?? {}) }, extra: { ...(saved?.extra ?? {}) } };
}

export async function saveThreadProgress(call: PublishContext, progress: ThreadProgress): Promise<void> {
  await call.saveProgress({ ...progress });
}

/** The texts to post, in order: every thread part, or the one text. */
export function partsOf(post: PublishRequest): string[] {
  return post.threadParts && post.threadParts.length > 0 ? post.threadParts : [post.text];
}
