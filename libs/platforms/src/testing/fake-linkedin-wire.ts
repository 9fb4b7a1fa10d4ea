import type { FakeRequest, FakeResponse } from './fake-platform-server';

/** LinkedIn's wire shapes for FakeLinkedIn: stored posts and images, the post view, and the error bodies. */
export interface FakeLinkedInPost {
  urn: string;
  author: string;
  /** The commentary as sent (little text format). */
  commentary: string;
  /** What readers see: templates rendered, escapes removed, cut at the first unescaped reserved character. */
  text: string;
  truncated: boolean;
  visibility: string;
  lifecycleState: string;
  distribution: unknown;
  content?: {
    media?: { id: string; altText?: string; title?: string };
    multiImage?: { images: Array<{ id: string; altText?: string }> };
    article?: { source: string; title?: string; description?: string };
  };
  /** A repost: the post it reshares. */
  reshareContext?: { parent: string };
  isReshareDisabledByAuthor: boolean;
  /** Epoch milliseconds, as LinkedIn returns them. */
  createdAt: number;
  publishedAt: number;
  lastModifiedAt: number;
}

export interface FakeLinkedInImage {
  urn: string;
  owner: string;
  status: 'WAITING_UPLOAD' | 'PROCESSING' | 'AVAILABLE' | 'PROCESSING_FAILED';
  uploadKey: string;
  bytes?: Buffer;
  polls: number;
}

/** A post as `GET /rest/posts` returns it (timestamps in epoch milliseconds). */
export function view(post: FakeLinkedInPost): Record<string, unknown> {
  return {
    id: post.urn,
    author: post.author,
    commentary: post.commentary,
    visibility: post.visibility,
    lifecycleState: post.lifecycleState,
    distribution: post.distribution,
    ...(post.content ? { content: post.content } : {}),
    ...(post.reshareContext ? { reshareContext: post.reshareContext } : {}),
    isReshareDisabledByAuthor: post.isReshareDisabledByAuthor,
    lifecycleStateInfo: { isEditedByAuthor: false },
    createdAt: post.createdAt,
    publishedAt: post.publishedAt,
    lastModifiedAt: post.lastModifiedAt,
  };
}

export function header(request: FakeRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function defaultActiveVersion(version: string, now: Date): boolean {
  const current = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
  return /^\d{6}$/.test(version) && version >= '202508' && version <= current;
}

/** LinkedIn's error body: `{ status, serviceErrorCode?, code?, message }`. */
export function liError(status: number, message: string, extra: Record<string, unknown> = {}): FakeResponse {
  return { status, body: { status, ...extra, message } };
}

export function accessDenied(what: string): FakeResponse {
  return liError(403, `Not enough permissions to access: ${what}`, { serviceErrorCode: 100, code: 'ACCESS_DENIED' });
}

/** A 422 validation failure, in the Rest.li input-error shape. */
export function inputError(path: string, description: string, code: string): FakeResponse {
  return {
    status: 422,
    body: {
      errorDetailType: 'com.linkedin.common.error.BadRequest',
      message: `ERROR :: ${path} :: ${description}\n`,
      errorDetails: { inputErrors: [{ description, input: { inputPath: { fieldPath: path } }, code }] },
      status: 422,
    },
  };
}

export function duplicateError(urn: string): FakeResponse {
  return {
    status: 422,
    body: {
      errorDetailType: 'com.linkedin.common.error.BadRequest',
      message: `ERROR :: /commentary :: Content is a duplicate of ${urn}\n`,
      errorDetails: { inputErrors: [{ description: 'Duplicate post is detected', input: {}, code: 'DUPLICATE_POST' }] },
      status: 422,
    },
  };
}
