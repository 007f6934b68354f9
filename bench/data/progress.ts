/** A text progress bar on stderr: phase, done/total, rate and ETA. Quiet when given no stream. */
export class Progress {
  private name = '';
  private total = 0;
  private done = 0;
  private started = 0;
  private drawn = 0;
  private readonly began = performance.now();

  constructor(private readonly out: NodeJS.WriteStream | null = process.stderr) {}

  phase(name: string, total: number): void {
    this.name = name;
    this.total = total;
    this.done = 0;
    this.started = performance.now();
    this.drawn = 0;
    this.draw(true);
  }

  tick(n: number): void {
    this.done += n;
    this.draw(this.done >= this.total);
  }

  end(): void {
    if (!this.out || this.total === 0) return;
    if (this.out.isTTY) this.out.write('\n');
    else this.out.write(`${this.line()}\n`);
  }

  /** Seconds since the progress began. */
  elapsed(): number {
    return (performance.now() - this.began) / 1000;
  }

  /** On a terminal the line redraws in place; in a log, a line every 5 s of a long phase. */
  private draw(force: boolean): void {
    if (!this.out) return;
    const now = performance.now();
    if (!this.out.isTTY) {
      if (this.drawn === 0) this.drawn = now;
      else if (now - this.drawn >= 5000 && this.done < this.total) {
        this.drawn = now;
        this.out.write(`${this.line()}\n`);
      }
      return;
    }
    if (!force && now - this.drawn < 100) return;
    this.drawn = now;
    this.out.write(`\r${this.line()}\x1b[K`);
  }

  private line(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const share = this.total === 0 ? 1 : this.done / this.total;
    const width = 24;
    const filled = Math.round(share * width);
    const rate = seconds > 0 ? Math.round(this.done / seconds) : 0;
    const eta = rate > 0 ? Math.ceil((this.total - this.done) / rate) : 0;
    const count = `${this.done.toLocaleString('en')}/${this.total.toLocaleString('en')}`;
    const timing = this.done >= this.total ? `${seconds.toFixed(1)} s` : `ETA ${eta} s`;
    return `${this.name.padEnd(22)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${count} ${rate.toLocaleString('en')} rows/s ${timing}`;
  }
}
