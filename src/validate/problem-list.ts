/**
 * The problems `ctar validate` finds, each `place: what` (place = file:line, file: row N, or a
 * file). Every problem is counted; the listing keeps the first `perCheck` of each check so that a
 * file broken on every line reports its first lines and a count, not millions of lines.
 */
export interface Problem {
  readonly check: string;
  readonly place: string;
  readonly what: string;
}

export class ProblemList {
  private readonly listed: Problem[] = [];
  private readonly counts = new Map<string, number>();
  constructor(private readonly perCheck = 50) {}

  add(check: string, place: string, what: string): void {
    const n = (this.counts.get(check) ?? 0) + 1;
    this.counts.set(check, n);
    if (n <= this.perCheck) this.listed.push({ check, place, what });
  }

  get total(): number {
    let n = 0;
    for (const c of this.counts.values()) n += c;
    return n;
  }

  /** The listed problems, then one line per check whose further problems were only counted. */
  lines(): string[] {
    const out = this.listed.map((p) => (p.what === "" ? p.place : `${p.place}: ${p.what}`));
    for (const [check, n] of this.counts) if (n > this.perCheck) out.push(`… and ${n - this.perCheck} more ${check} problems`);
    return out;
  }

  toJson(): { problems: Problem[]; counts: Record<string, number> } {
    return { problems: [...this.listed], counts: Object.fromEntries(this.counts) };
  }
}
