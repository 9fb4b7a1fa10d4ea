import { eventually } from '@app/testing';

export interface SseEvent {
  type: string;
  id?: string;
  data: any;
}

/** A Server-Sent Events reader over fetch (as a browser's EventSource, but with a bearer header). */
export class SseClient {
  readonly events: SseEvent[] = [];
  private done?: Promise<void>;

  private constructor(
    readonly status: number,
    private readonly abort: AbortController,
  ) {}

  static async open(url: string, token: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const abort = new AbortController();
    const res = await fetch(url, { headers: { accept: 'text/event-stream', authorization: `Bearer ${token}`, ...headers }, signal: abort.signal });
    const client = new SseClient(res.status, abort);
    if (res.ok && res.body) client.done = client.read(res.body).catch(() => undefined);
    else await res.body?.cancel();
    return client;
  }

  waitFor(what: string, predicate: (events: SseEvent[]) => boolean, timeoutMs = 60_000): Promise<SseEvent[]> {
    return eventually(what, async () => (predicate(this.events) ? this.events : undefined), timeoutMs, 100);
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields: Record<string, string> = {};
        for (const line of block.split('\n')) {
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const key = line.slice(0, colon);
          fields[key] = (fields[key] ? `${fields[key]}\n` : '') + line.slice(colon + 1).replace(/^ /, '');
        }
        if (fields.data !== undefined) this.events.push({ type: fields.event ?? 'message', id: fields.id, data: JSON.parse(fields.data) });
      }
    }
  }
}
