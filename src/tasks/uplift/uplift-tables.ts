/**
 * The uplift task's data as tables (`ctar task uplift`) and back (`ctar score TASKDIR --task
 * uplift`), numbers in their shortest round-trip form:
 *   sizes        users, movies
 *   train        userid, movieid, rec, y          every pair with Rec = 1 or Y = 1 (by user, then
 *                                                 movie); every pair not listed has rec = y = 0
 *   propensity   userid, movieid, propensity     the exact P(Rec = 1) of train's pairs: the
 *                                                 oracle a real log lacks (read it for oracle estimators only)
 *   truth        userid, movieid, control, treated, effect   both arms and τ of every pair
 */
import { InputError } from "../../errors/errors.js";
import type { ReadTable, TaskTable } from "../task.js";
import { ArmLevels, type UpliftData, checkUpliftSize } from "./uplift-data.js";

const int = (name: string) => ({ name, type: "int32" as const });
const dbl = (name: string) => ({ name, type: "double" as const });

/** The user of each listed pair. */
function pairUsers(d: UpliftData): Int32Array {
  const out = new Int32Array(d.movie.length);
  for (let u = 0; u < d.users; u++) out.fill(u, d.start[u]!, d.start[u + 1]!);
  return out;
}

/** Users per block of the truth table (a Parquet row group each). */
const TRUTH_BLOCK_USERS = 64;

function truthTable(d: UpliftData): TaskTable {
  return {
    name: "truth",
    description: "every user × movie: P(Y = 1 | do(Rec = 0)), P(Y = 1 | do(Rec = 1)) and their difference τ",
    columns: [int("userid"), int("movieid"), dbl("control"), dbl("treated"), dbl("effect")],
    *blocks() {
      for (let from = 0; from < d.users; from += TRUTH_BLOCK_USERS) {
        const to = Math.min(d.users, from + TRUTH_BLOCK_USERS);
        const n = (to - from) * d.movies;
        const user = new Int32Array(n);
        const movie = new Int32Array(n);
        const c = new Float64Array(n);
        const t = new Float64Array(n);
        const e = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          const k = d.level[from * d.movies + i]!;
          user[i] = from + Math.floor(i / d.movies);
          movie[i] = i % d.movies;
          c[i] = d.control[k]!;
          t[i] = d.treated[k]!;
          e[i] = d.treated[k]! - d.control[k]!;
        }
        yield [user, movie, c, t, e];
      }
    },
  };
}

export function upliftTables(d: UpliftData): TaskTable[] {
  const user = pairUsers(d);
  const tables: TaskTable[] = [
    { name: "sizes", description: "users and movies (ids 0..users−1, 0..movies−1)", columns: [int("users"), int("movies")], blocks: () => [[Int32Array.of(d.users), Int32Array.of(d.movies)]] },
    { name: "train", description: "the observed treatment and outcome of every pair with Rec = 1 or Y = 1 (the others: rec = y = 0)", columns: [int("userid"), int("movieid"), int("rec"), int("y")], blocks: () => [[user, d.movie, Int32Array.from(d.rec), Int32Array.from(d.y)]] },
  ];
  if (d.propensity !== undefined) tables.push({ name: "propensity", description: "the exact P(Rec = 1) of train's pairs (the oracle propensity)", columns: [int("userid"), int("movieid"), dbl("propensity")], blocks: () => [[user, d.movie, d.propensity!]] });
  tables.push(truthTable(d));
  return tables;
}

function need(read: (name: string) => ReadTable | undefined, name: string): ReadTable {
  const t = read(name);
  if (t === undefined) throw new InputError(`the task folder has no ${name} table (expected the files \`ctar task uplift\` writes)`);
  return t;
}

/** train's pairs in CSR by user, checked: ids in range, ascending (user, movie), 0/1 flags, one of them 1. */
function readTrain(t: ReadTable, users: number, movies: number): Pick<UpliftData, "start" | "movie" | "rec" | "y"> {
  const u = t.column("userid");
  const m = t.column("movieid");
  const rec = t.column("rec");
  const y = t.column("y");
  const start = new Int32Array(users + 1);
  for (let i = 0; i < t.rows; i++) {
    if (!(u[i]! >= 0 && u[i]! < users && m[i]! >= 0 && m[i]! < movies)) throw new InputError(`${t.place(i)}: userid ${u[i]}, movieid ${m[i]} out of range (expected 0..${users - 1}, 0..${movies - 1})`);
    if (i > 0 && (u[i]! < u[i - 1]! || (u[i] === u[i - 1] && m[i]! <= m[i - 1]!))) throw new InputError(`${t.place(i)}: pairs out of order (expected ascending userid, then movieid, each pair once)`);
    if ((rec[i] !== 0 && rec[i] !== 1) || (y[i] !== 0 && y[i] !== 1) || rec[i]! + y[i]! === 0) throw new InputError(`${t.place(i)}: rec ${rec[i]}, y ${y[i]} (expected 0 or 1, and a listed pair has rec = 1 or y = 1)`);
    start[u[i]! + 1]!++;
  }
  for (let i = 0; i < users; i++) start[i + 1]! += start[i]!;
  return { start, movie: Int32Array.from(m), rec: Uint8Array.from(rec), y: Uint8Array.from(y) };
}

function readPropensity(t: ReadTable | undefined, train: ReadTable): Float64Array | undefined {
  if (t === undefined) return undefined;
  if (t.rows !== train.rows) throw new InputError(`${t.file}: ${t.rows} rows (expected one per pair of ${train.file}: ${train.rows})`);
  const [u, m, tu, tm, p] = [t.column("userid"), t.column("movieid"), train.column("userid"), train.column("movieid"), t.column("propensity")];
  for (let i = 0; i < t.rows; i++) {
    if (u[i] !== tu[i] || m[i] !== tm[i]) throw new InputError(`${t.place(i)}: pair ${u[i]}, ${m[i]} (expected ${train.file}'s pair ${tu[i]}, ${tm[i]} on the same row)`);
    if (!(p[i]! > 0 && p[i]! <= 1)) throw new InputError(`${t.place(i)}: propensity ${p[i]} (expected a probability in (0, 1])`);
  }
  return Float64Array.from(p);
}

export function upliftFromTables(read: (name: string) => ReadTable | undefined): UpliftData {
  const sizes = need(read, "sizes");
  const users = sizes.column("users")[0]!;
  const movies = sizes.column("movies")[0]!;
  if (!(Number.isInteger(users) && users > 0 && Number.isInteger(movies) && movies > 0)) throw new InputError(`${sizes.place(0)}: users ${users}, movies ${movies} (expected positive whole numbers)`);
  checkUpliftSize(sizes.place(0), users, movies); // before any table of pairs is read
  const train = need(read, "train");
  const truth = need(read, "truth");
  if (truth.rows !== users * movies) throw new InputError(`${truth.file}: ${truth.rows} rows (expected one per user × movie: ${users * movies})`);
  const [tu, tm, c, t] = [truth.column("userid"), truth.column("movieid"), truth.column("control"), truth.column("treated")];
  const levels = new ArmLevels(truth.file);
  const level = new Uint8Array(users * movies);
  for (let i = 0; i < truth.rows; i++) {
    if (tu[i] !== Math.floor(i / movies) || tm[i] !== i % movies) throw new InputError(`${truth.place(i)}: pair ${tu[i]}, ${tm[i]} (expected ${Math.floor(i / movies)}, ${i % movies}: every pair once, by user then movie)`);
    level[i] = levels.of(c[i]!, t[i]!);
  }
  return { users, movies, ...readTrain(train, users, movies), propensity: readPropensity(read("propensity"), train), level, control: Float64Array.from(levels.control), treated: Float64Array.from(levels.treated) };
}
