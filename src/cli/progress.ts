// A one-line progress display on stderr for runs over many inputs, only when stderr is a terminal.
export class Progress {
  private done_ = 0;
  private failed = 0;
  private readonly started = Date.now();

  constructor(private readonly enabled: boolean) {}

  tick(source: string, ok: boolean): void {
    if (ok) this.done_++;
    else this.failed++;
    if (!this.enabled) return;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? (this.done_ / seconds).toFixed(1) : '0';
    const name = source.length > 40 ? '…' + source.slice(-39) : source;
    const bar = '#'.repeat(Math.min(20, this.done_ % 21)).padEnd(20, '.');
    process.stderr.write(`\r[${bar}] ${this.done_} done, ${this.failed} failed, ${rate}/s  ${name}`.padEnd(100).slice(0, 100));
  }

  clear(): void {
    if (this.enabled) process.stderr.write('\r' + ' '.repeat(100) + '\r');
  }

  done(): void {
    if (!this.enabled) return;
    this.clear();
    process.stderr.write(`${this.done_} article(s) done, ${this.failed} failed in ${((Date.now() - this.started) / 1000).toFixed(1)} s\n`);
  }
}
