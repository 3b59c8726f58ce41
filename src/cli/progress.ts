/**
 * One updating stderr line for long runs — users done / total, rate, ETA, or the stage a command
 * is in — on a terminal only: nothing when stderr is not a TTY (logs, CI, pipes) or with --quiet.
 * Every command that can run for seconds at scale (generate, verify, validate, report, ope,
 * stats, export) shows one.
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

  /**
   * A stage of a command that has no count to show (reading a table, drawing the figures): its
   * name and the seconds so far, on the same one line. Stages run synchronously, so the line is
   * written when a stage starts (a terminal's write is synchronous: it shows at once).
   */
  step(text: string): void {
    if (!this.active) return;
    const secs = (performance.now() - this.t0) / 1000;
    this.out!.write(`\r\x1b[2Kctar: ${text} (${secs.toFixed(1)} s)`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown && this.active) this.out!.write("\r\x1b[2K");
    this.shown = false;
  }
}
