import type { PGlite } from '@electric-sql/pglite';

const SYNC = 0x53; // 'S': end of an extended-protocol batch
const QUERY = 0x51; // 'Q': a simple query
const TERMINATE = 0x58; // 'X'

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Shares PGlite's single session among many client connections. A connection holds the session from its
 * first message until the end of its request (Sync or a simple Query) and, if that left a transaction
 * open, until the transaction ends. Other connections' messages wait, in arrival order. This keeps the
 * extended protocol's unnamed statement and portal, and every transaction, to one client at a time:
 * pglite-socket's own queue interleaves clients message by message, which lets one client's Bind hit
 * another's Parse (seen as wrong parameter types and lost writes under concurrent services).
 */
export class PGliteSessionQueue {
  private readonly queue: Pending[] = [];
  private owner: number | null = null;
  private processing = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId !== handlerId) continue;
      this.queue.splice(i, 1)[0].reject(new Error('connection closed'));
    }
  }

  /** A client went away: roll back what it left open and give the session to the next one. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.process();
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.queue.findIndex((p) => p.handlerId === this.owner);
        if (this.queue.length === 0 || index < 0) break;
        const item = this.queue.splice(index, 1)[0];
        this.owner = item.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
          item.resolve(bytes);
        } catch (error) {
          item.reject(error);
        }
        if (this.endsRequest(item.message) && !this.db.isInTransaction()) this.owner = null;
      }
    } finally {
      this.processing = false;
    }
  }

  /** Sync, a simple Query, Terminate, or a startup-phase packet (no type byte: it starts with a length). */
  private endsRequest(message: Uint8Array): boolean {
    const type = message[0];
    return type === SYNC || type === QUERY || type === TERMINATE || type === 0;
  }
}
