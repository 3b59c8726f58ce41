/**
 * The uplift task's data (docs/tasks-uplift.md): what Sato et al.'s protocol exposes of a world
 * with a treatment and an outcome (the ctar-uplift variant), and the exact effect of every pair.
 * Built from the world that wrote the dataset folder: one pass over the users regenerates each
 * user's Rec and Y rows (keyed streams: exactly the world's draws). Memory: the pairs with
 * Rec = 1 or Y = 1 (every other pair has Rec = Y = 0), and one byte per pair for the truth (the
 * index of its (control, treated) arm pair among the few distinct ones the world has).
 */
import { InputError } from "../../errors/errors.js";
import type { Emit } from "../../mechanisms/mechanism.js";
import type { OutcomeRow, TreatmentRow } from "../../mechanisms/values.js";
import type { WorldRun } from "../world-run.js";
import { upliftNodesOf } from "../../generate/variant-tables.js";

export interface UpliftData {
  readonly users: number;
  readonly movies: number;
  /** The listed pairs (Rec = 1 or Y = 1) of user u are start[u]..start[u+1]−1, by movie. */
  readonly start: Int32Array;
  readonly movie: Int32Array;
  readonly rec: Uint8Array;
  readonly y: Uint8Array;
  /** The exact P(Rec = 1) of each listed pair (the oracle propensity), when known. */
  readonly propensity: Float64Array | undefined;
  /** Truth: level[u·movies + m] indexes the pair's arms in `control` and `treated`. */
  readonly level: Uint8Array;
  readonly control: Float64Array;
  readonly treated: Float64Array;
}

/**
 * The most user × movie pairs the task holds (one byte each for the truth: 1 GiB). Sato et al.'s
 * worlds are a few million pairs; a larger world is refused up front rather than failing mid-way.
 */
export const UPLIFT_MAX_PAIRS = 2 ** 30;

/** An InputError when `users × movies` is past UPLIFT_MAX_PAIRS. */
export function checkUpliftSize(where: string, users: number, movies: number): void {
  if (users * movies > UPLIFT_MAX_PAIRS) throw new InputError(`${where}: ${users} users × ${movies} movies is more than the ${UPLIFT_MAX_PAIRS} pairs the uplift task holds (one byte of truth per pair); use a smaller world (e.g. --users ${Math.floor(UPLIFT_MAX_PAIRS / movies)})`);
}

/** How to make a world this task can read (for messages). */
export const UPLIFT_WORLD_HINT = "generate one from the ctar-uplift variant: `ctar graph show --preset ctar-uplift > uplift.yaml`, then `ctar generate --graph uplift.yaml --out DIR`";

/** The outcome node (value shape outcome-row) and its treatment parent (treatment-row), or why not: found where the dataset's tables are decided. */
export { upliftNodesOf as upliftNodes };

/** Grows typed lists of the listed pairs. */
class PairList {
  movie = new Int32Array(1024);
  flags = new Uint8Array(1024);
  p = new Float64Array(1024);
  n = 0;
  push(m: number, rec: number, y: number, p: number): void {
    if (this.n === this.movie.length) {
      const grow = <T extends Int32Array | Uint8Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.movie = grow(this.movie);
      this.flags = grow(this.flags);
      this.p = grow(this.p);
    }
    this.movie[this.n] = m;
    this.flags[this.n] = rec | (y << 1);
    this.p[this.n++] = p;
  }
}

/** The arm pairs met so far, as small indices (a world has a few: one per rating level). */
export class ArmLevels {
  readonly control: number[] = [];
  readonly treated: number[] = [];
  private readonly byControl = new Map<number, Map<number, number>>();
  constructor(private readonly where: string) {}
  /** The index of arm pair (c, t), added when new; more than 256 is an InputError naming `where`. */
  of(c: number, t: number): number {
    let inner = this.byControl.get(c);
    if (inner === undefined) this.byControl.set(c, (inner = new Map()));
    let k = inner.get(t);
    if (k === undefined) {
      k = this.control.length;
      if (k === 256) throw new InputError(`${this.where}: more than 256 distinct (control, treated) arm pairs; the uplift task stores one byte per pair (the built-in treatment-outcome has one per rating level)`);
      this.control.push(c);
      this.treated.push(t);
      inner.set(t, k);
    }
    return k;
  }
}

const ignoreRows: Emit = () => {};

export function buildUpliftData(world: WorldRun, dir: string): UpliftData {
  const { users, movies } = world.config;
  const { engine } = world;
  const found = upliftNodesOf(engine.input.graph, engine.input.registry);
  if ("reason" in found) throw new InputError(`${dir}: the uplift task needs a treatment and an outcome, but ${found.reason}; ${UPLIFT_WORLD_HINT}`);
  checkUpliftSize(dir, users, movies);
  const start = new Int32Array(users + 1);
  const list = new PairList();
  const levels = new ArmLevels(dir);
  const level = new Uint8Array(users * movies);
  for (let u = 0; u < users; u++) {
    const values = engine.runUser(u, ignoreRows);
    const t = values.get(found.treatment) as TreatmentRow;
    const y = values.get(found.outcome) as OutcomeRow;
    for (let m = 0; m < movies; m++) {
      level[u * movies + m] = levels.of(y.control[m]!, y.treated[m]!);
      if (t.treated[m] === 1 || y.outcome[m] === 1) list.push(m, t.treated[m]!, y.outcome[m]!, t.propensity[m]!);
    }
    start[u + 1] = list.n;
  }
  const n = list.n;
  const flags = list.flags.subarray(0, n);
  return {
    users,
    movies,
    start,
    movie: list.movie.slice(0, n),
    rec: Uint8Array.from(flags, (f) => f & 1),
    y: Uint8Array.from(flags, (f) => f >> 1),
    propensity: list.p.slice(0, n),
    level,
    control: Float64Array.from(levels.control),
    treated: Float64Array.from(levels.treated),
  };
}

/** τ of pair (u, m): P(Y = 1 | do(Rec = 1)) − P(Y = 1 | do(Rec = 0)). */
export function effectOf(d: UpliftData, u: number, m: number): number {
  const k = d.level[u * d.movies + m]!;
  return d.treated[k]! - d.control[k]!;
}
