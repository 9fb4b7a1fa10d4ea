import type { MetaGraph } from '../meta/meta.graph';
import type { CallContext } from '../platform-adapter';
import { PlatformError } from '../platform-error';

export type ContainerStatusCode = 'IN_PROGRESS' | 'FINISHED' | 'PUBLISHED' | 'ERROR' | 'EXPIRED';

export interface ContainerState {
  id: string;
  status_code: ContainerStatusCode;
  /** With `ERROR`, the reason (carries an error subcode). */
  status?: string;
}

export interface PollOptions {
  /** Pause between status reads (§4.2: about once a minute). */
  intervalMs: number;
  /** Give up (retry later, the container is checkpointed) after this long (§4.2: about 5 minutes). */
  timeoutMs: number;
}

/**
 * Instagram media containers (`../shared/reference/platform-apis.md` §4.2, §4.3): created with
 * `POST /{ig-user-id}/media`, then polled with `GET /{container-id}?fields=status_code,status` until they leave
 * `IN_PROGRESS`. Both are prepare steps: a retry at worst leaves an orphan container, which expires in 24 h.
 */
export class InstagramContainers {
  constructor(
    private readonly graph: MetaGraph,
    private readonly poll: PollOptions,
  ) {}

  async create(call: CallContext, params: Record<string, string | undefined>, what: string): Promise<string> {
    const response = await this.graph.request(call.http, call.credentials.accessToken, { method: 'POST', url: `/${call.credentials.accountId}/media`, form: params }, what);
    return String((response.body as { id: string }).id);
  }

  status(call: CallContext, containerId: string): Promise<ContainerState> {
    return this.graph.get<ContainerState>(call.http, call.credentials.accessToken, `/${containerId}`, { fields: 'id,status_code,status' }, 'check the prepared media');
  }

  /**
   * Reads every container's status at once, then again after each pause, until none is `IN_PROGRESS`; throws
   * `retry` past the deadline (the next attempt resumes polling the same checkpointed containers).
   */
  async settle(call: CallContext, containerIds: string[]): Promise<ContainerState[]> {
    const deadline = Date.now() + this.poll.timeoutMs;
    for (;;) {
      const states = await Promise.all(containerIds.map((id) => this.status(call, id)));
      if (states.every((s) => s.status_code !== 'IN_PROGRESS')) return states;
      if (Date.now() + this.poll.intervalMs > deadline) {
        throw new PlatformError('retry', `Instagram is still processing the media after ${Math.round(this.poll.timeoutMs / 1000)} s; publishing will be tried again`);
      }
      await new Promise((resolve) => setTimeout(resolve, this.poll.intervalMs));
    }
  }
}
