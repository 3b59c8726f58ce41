/**
 * One updating stderr line for long runs — users done / total, rate, ETA — on a terminal only:
 * nothing when stderr is not a TTY (logs, CI, pipes) or with --quiet.
 */
export class Progress {
  private readonly t0 = performance.now();
  private last = 0;
  private shown = false;

  constructor(
    private readonly out: NodeJS.WriteStream | undefined,
    private readonly total: number | undefined,
    private readonly unit = "users",
  ) {}

  private get active(): boolean {
    return this.out !== undefined && this.out.isTTY === true;
  }

  update(done: number, stage = ""): void {
    if (!this.active) return;
    const now = performance.now();
    if (now - this.last < 200 && done !== this.total) return;
    this.last = now;
    const secs = (now - this.t0) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    const total = this.total;
    const eta = total !== undefined && rate > 0 && done < total ? `, ETA ${Math.ceil((total - done) / rate)} s` : "";
    const of = total === undefined ? "" : ` / ${total.toLocaleString("en")}`;
    const what = stage === "" || stage === this.unit ? "" : ` (${stage})`;
    this.out!.write(`\r\x1b[2Kctar: ${done.toLocaleString("en")}${of} ${this.unit}, ${Math.round(rate).toLocaleString("en")} ${this.unit}/s${eta}${what}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown && this.active) this.out!.write("\r\x1b[2K");
    this.shown = false;
  }
}
