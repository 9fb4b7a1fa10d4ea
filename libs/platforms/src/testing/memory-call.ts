import { PlatformHttp, type RateLimitObservation } from '../http/platform-http';
import type { AccountCredentials, MediaItem, PublishContext, PublishProgress } from '../platform-adapter';
import { PlatformError } from '../platform-error';

/** A 1×1 PNG, the image the fakes accept as an upload. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

export interface MemoryCall extends PublishContext {
  /** Every checkpoint saved, in order. */
  saved: PublishProgress[];
  /** Every rate-limit signal the adapter read. */
  observed: RateLimitObservation[];
}

/**
 * A PublishContext kept in memory, for adapter tests: progress survives between calls made with the same
 * object (as the database keeps it between attempts), media are TINY_PNGs served from `mediaBaseUrl`.
 */
export function memoryCall(baseUrl: string, credentials: AccountCredentials, options: { timeoutMs?: number; mediaBaseUrl?: string } = {}): MemoryCall {
  const observed: RateLimitObservation[] = [];
  const saved: PublishProgress[] = [];
  const call: MemoryCall = {
    credentials,
    http: new PlatformHttp({ baseUrl, timeoutMs: options.timeoutMs ?? 2_000, onRateLimit: (o) => observed.push(o) }),
    progress: null,
    saved,
    observed,
    async saveProgress(progress) {
      const copy = JSON.parse(JSON.stringify(progress)) as PublishProgress;
      saved.push(copy);
      call.progress = copy;
    },
    media: {
      async load(id: string): Promise<MediaItem> {
        return { id, mimeType: 'image/png', bytes: TINY_PNG, altText: `alt text of ${id}` };
      },
      publicUrl(id: string): string {
        if (!options.mediaBaseUrl) throw new PlatformError('permanent', 'no public media URL configured');
        return `${options.mediaBaseUrl}/media/${id}.png`;
      },
    },
  };
  return call;
}

/** The URL of a loopback port nothing listens on (connections are refused before anything is sent). */
export async function closedPortUrl(): Promise<string> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

/** The PlatformError a call failed with; fails the test when it succeeded or failed with anything else. */
export async function platformFailure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!PlatformError.is(error)) throw new Error(`expected a PlatformError, got ${error instanceof Error ? error.stack : String(error)}`);
  return error;
}
