/**
 * The ranking task's data as tables (`ctar task ranking`) and back (`ctar score TASKDIR --task
 * ranking`); rows by user, then list position.
 *   sizes   users, movies, length (L), max_grade (y_max)
 *   train   userid, position, movieid, click, swap, <features>   the train users' click log
 *   test    userid, position, movieid, <features>                the test users' lists (no clicks)
 *   truth   userid, position, movieid, relevance, p_exam, p_click   every row: grade y, exact P(E = 1), P(C = 1)
 */
import { InputError } from "../../errors/errors.js";
import type { ReadTable, TaskTable } from "../task.js";
import { FEATURE_NAMES } from "./observer-features.js";
import { type RankingData, isTestUser } from "./ranking-data.js";

const int = (name: string) => ({ name, type: "int32" as const });
const dbl = (name: string) => ({ name, type: "double" as const });

/** The row indices of train or test users. */
function rowsOf(d: RankingData, test: boolean): Int32Array {
  const out: number[] = [];
  for (let u = 0; u < d.users; u++) if (isTestUser(u) === test) for (let j = 0; j < d.length; j++) out.push(u * d.length + j);
  return Int32Array.from(out);
}

function logTable(d: RankingData, test: boolean): TaskTable {
  const rows = rowsOf(d, test);
  const p = d.featureNames.length;
  const pick = (f: (i: number) => number) => Int32Array.from(rows, f);
  const feature = (r: number) => Float64Array.from(rows, (i) => d.features[i * p + r]!);
  const head = [pick((i) => Math.floor(i / d.length)), pick((i) => (i % d.length) + 1), pick((i) => d.movie[i]!)];
  const logged = test ? [] : [pick((i) => d.click[i]!), pick((i) => d.swap[Math.floor(i / d.length)]!)];
  return {
    name: test ? "test" : "train",
    description: test ? "the test users' lists with their features (to score; no clicks)" : "the train users' click log with the features; swap: the position swapped with 1 (0: none)",
    columns: [int("userid"), int("position"), int("movieid"), ...(test ? [] : [int("click"), int("swap")]), ...d.featureNames.map(dbl)],
    blocks: () => [[...head, ...logged, ...d.featureNames.map((_, r) => feature(r))]],
  };
}

export function rankingTables(d: RankingData): TaskTable[] {
  const all = Int32Array.from({ length: d.movie.length }, (_, i) => i);
  return [
    { name: "sizes", description: "users, movies, list length L and the highest relevance grade", columns: [int("users"), int("movies"), int("length"), int("max_grade")], blocks: () => [[Int32Array.of(d.users), Int32Array.of(d.movies), Int32Array.of(d.length), Int32Array.of(d.maxGrade)]] },
    logTable(d, false),
    logTable(d, true),
    {
      name: "truth",
      description: "every (user, position): the true relevance grade y = R − 1, the exact P(E = 1) and P(C = 1)",
      columns: [int("userid"), int("position"), int("movieid"), int("relevance"), dbl("p_exam"), dbl("p_click")],
      blocks: () => [[Int32Array.from(all, (i) => Math.floor(i / d.length)), Int32Array.from(all, (i) => (i % d.length) + 1), d.movie, d.grade, d.pExam, d.pClick]],
    },
  ];
}

export function rankingFromTables(read: (name: string) => ReadTable | undefined): RankingData {
  const need = (name: string) => {
    const t = read(name);
    if (t === undefined) throw new InputError(`task folder: no table '${name}' (expected the files ctar task ranking writes)`);
    return t;
  };
  const sizes = need("sizes");
  const [users, movies, length, maxGrade] = ["users", "movies", "length", "max_grade"].map((c) => sizes.column(c)[0]!) as [number, number, number, number];
  const truth = need("truth");
  if (truth.rows !== users * length) throw new InputError(`${truth.file}: ${truth.rows} rows (expected users × length = ${users * length})`);
  const tu = truth.column("userid");
  const tk = truth.column("position");
  for (let i = 0; i < truth.rows; i++) if (tu[i] !== Math.floor(i / length) || tk[i] !== (i % length) + 1) throw new InputError(`${truth.place(i)}: expected userid ${Math.floor(i / length)}, position ${(i % length) + 1} (rows by user, then position)`);
  const train = need("train");
  const test = need("test");
  const featureNames = FEATURE_NAMES;
  const p = featureNames.length;
  const d = { users, movies, length, maxGrade, featureNames, movie: Int32Array.from(truth.column("movieid")), click: new Uint8Array(users * length), swap: new Int32Array(users), features: new Float64Array(users * length * p), grade: Int32Array.from(truth.column("relevance")), pExam: Float64Array.from(truth.column("p_exam")), pClick: Float64Array.from(truth.column("p_click")) };
  for (const [t, isTest] of [[train, false], [test, true]] as const) {
    const u = t.column("userid");
    const k = t.column("position");
    const m = t.column("movieid");
    const cols = featureNames.map((f) => t.column(f));
    const click = isTest ? undefined : t.column("click");
    const swap = isTest ? undefined : t.column("swap");
    for (let r = 0; r < t.rows; r++) {
      const i = u[r]! * length + k[r]! - 1;
      if (!(u[r]! >= 0 && u[r]! < users && k[r]! >= 1 && k[r]! <= length) || isTestUser(u[r]!) !== isTest || d.movie[i] !== m[r]) throw new InputError(`${t.place(r)}: userid ${u[r]}, position ${k[r]}, movieid ${m[r]} is not a row of truth for a ${isTest ? "test" : "train"} user`);
      cols.forEach((c, f) => (d.features[i * p + f] = c[r]!));
      if (click !== undefined && swap !== undefined) {
        d.click[i] = click[r]!;
        d.swap[u[r]!] = swap[r]!;
      }
    }
  }
  return d;
}
