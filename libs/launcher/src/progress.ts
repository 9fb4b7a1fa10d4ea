/** A one-line progress display for long terminal work (benchmarks, demo): redrawn in place on a TTY. */
export class Progress {
  private lastDraw = 0;
  private lastDecile = -1;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, extra = ''): void {
    const now = Date.now();
    if (done < this.total && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 30;
    const filled = Math.round((done / this.total) * width);
    const line = `${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${this.total} ${extra}`;
    if (this.stream.isTTY) this.stream.write(`\r${line.padEnd(100)}`);
    else {
      // Not a terminal (CI, a log file): one line per tenth of the work.
      const decile = Math.floor((done / this.total) * 10);
      if (decile > this.lastDecile) {
        this.lastDecile = decile;
        this.stream.write(`${line}\n`);
      }
    }
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
