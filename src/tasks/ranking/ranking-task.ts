/**
 * The `ranking` task: unbiased learning to rank from clicks (docs/tasks-ranking.md). A model sees
 * the train users' click log on their logged lists (with the swaps of result randomisation) and
 * the observer features; it re-ranks each test user's list and is scored by nDCG@5, nDCG@10 and
 * ERR against the true relevance y = R − 1. Needs a click world (the variant ctar-clicks).
 */
import { PairIndex } from "../pair-index.js";
import { type Task, type TaskTable, fromWorld } from "../task.js";
import { RANKING_BASELINES } from "./ranking-baselines.js";
import { type RankingData, buildRankingData, isTestUser } from "./ranking-data.js";
import { RANKING_METRICS, type RankingScores, scoreRanking } from "./ranking-metrics.js";
import { rankingFromTables, rankingTables } from "./ranking-tables.js";
import { swapPropensities } from "./swap-propensity.js";

const KEYS = ["ndcg5", "ndcg10", "err"] as const;
const f4 = (x: number | null) => (x === null ? "–" : x.toFixed(4));

function describe(d: RankingData): string {
  let test = 0;
  let clicks = 0;
  let swapped = 0;
  for (let u = 0; u < d.users; u++) {
    if (isTestUser(u)) test++;
    else if (d.swap[u] !== 0) swapped++;
  }
  for (let i = 0; i < d.click.length; i++) clicks += d.click[i]!;
  return `users ${d.users} (train ${d.users - test}, test ${test}), lists of ${d.length} from ${d.movies} movies; ${clicks} clicks, ${swapped} swapped train lists`;
}

function markdown(d: RankingData, results: readonly { name: string; s: RankingScores; propensity?: Float64Array }[], dataset: string): string {
  const lines = [`## Ranking task on ${dataset}`, "", `${describe(d)}. Scored on ${results[0]?.s.users ?? 0} test users with a relevant movie in their list.`, ""];
  lines.push(`| model | ${RANKING_METRICS.map((m) => m.header).join(" | ")} |`, `|---|${RANKING_METRICS.map(() => "---").join("|")}|`);
  for (const r of results) lines.push(`| ${r.name} | ${KEYS.map((k) => f4(r.s[k])).join(" | ")} |`);
  const { p, lists } = swapPropensities(d);
  const learnt = results.filter((r) => r.propensity !== undefined && r.name !== "ipw-swap");
  lines.push("", `Examination propensities: exact k^−η, estimated from the swapped lists (k = 1: the unswapped lists)${learnt.map((r) => `, learnt by ${r.name}`).join("")}.`, "");
  lines.push(`| k | ${Array.from({ length: d.length }, (_, j) => j + 1).join(" | ")} |`, `|---|${Array.from({ length: d.length }, () => "---").join("|")}|`);
  lines.push(`| exact | ${Array.from({ length: d.length }, (_, j) => f4(d.pExam[j]!)).join(" | ")} |`);
  lines.push(`| estimated | ${Array.from({ length: d.length }, (_, j) => f4(p[j + 1]!)).join(" | ")} |`);
  for (const r of learnt) lines.push(`| ${r.name} | ${Array.from({ length: d.length }, (_, j) => f4(r.propensity![j]!)).join(" | ")} |`);
  lines.push(`| lists | ${Array.from({ length: d.length }, (_, j) => String(lists[j + 1]!)).join(" | ")} |`, "");
  return lines.join("\n");
}

function predictionTable(d: RankingData, name: string, score: Float64Array): TaskTable {
  const rows = Int32Array.from({ length: d.movie.length }, (_, i) => i).filter((i) => isTestUser(Math.floor(i / d.length)));
  return {
    name: `predictions/${name}`,
    description: `${name}'s score of every test (user, movie)`,
    columns: [
      { name: "userid", type: "int32" },
      { name: "movieid", type: "int32" },
      { name: "score", type: "double" },
    ],
    blocks: () => [[Int32Array.from(rows, (i) => Math.floor(i / d.length)), Int32Array.from(rows, (i) => d.movie[i]!), Float64Array.from(rows, (i) => score[i]!)]],
  };
}

export const rankingTask: Task<RankingData> = {
  name: "ranking",
  description: "unbiased learning to rank from position-biased clicks: re-rank each test user's list, scored against the true relevance",
  sees: "the train users' click log (userid, position, movieid, click, swap) and observer features of every listed (user, movie)",
  truth: "the true relevance grade y = R − 1 of every listed movie, and the exact P(E = 1) = k^−η and P(C = 1) of every (user, position)",
  baselines: RANKING_BASELINES.map((b) => b.name),
  models: RANKING_BASELINES.map((b) => b.name),
  metrics: RANKING_METRICS,
  predictionColumns: ["userid", "movieid", "score"],
  options: [],
  load: (source) => fromWorld(source, (world) => buildRankingData(world, source.dir)),
  tables: rankingTables,
  fromTables: rankingFromTables,
  describe,
  async bench(d, config, dataset) {
    const names = config.models.length > 0 ? config.models : this.baselines;
    const results = names.map((name) => {
      const b = RANKING_BASELINES.find((x) => x.name === name)!;
      const { score, propensity } = b.fit(d);
      config.onProgress?.(names.indexOf(name) + 1, names.length, name, 0);
      return { name, description: b.description, score, ...(propensity === undefined ? {} : { propensity }), s: scoreRanking(d, score) };
    });
    const json = { task: "ranking", dataset, users: d.users, movies: d.movies, length: d.length, seed: config.seed, models: results.map((r) => ({ name: r.name, description: r.description, metrics: Object.fromEntries(KEYS.map((k) => [k, r.s[k]])), users: r.s.users })), propensities: { exact: Array.from({ length: d.length }, (_, j) => d.pExam[j]!), estimated: Array.from(swapPropensities(d).p.subarray(1)), ...Object.fromEntries(results.filter((r) => r.propensity !== undefined && r.name !== "ipw-swap").map((r) => [r.name, Array.from(r.propensity!)])) } };
    return {
      markdown: markdown(d, results, dataset),
      json: JSON.stringify(json, null, 2) + "\n",
      csv: ["model,run," + KEYS.join(","), ...results.map((r) => `${r.name},0,${KEYS.map((k) => (r.s[k] === null ? "" : String(r.s[k]))).join(",")}`)].join("\n") + "\n",
      predictions: config.predictions ? results.map((r) => predictionTable(d, r.name, r.score)) : [],
    };
  },
  pairCount: (d) => d.movie.length,
  score(d, table) {
    const index = new PairIndex(table, ["userid", "movieid", "score"], d.users, d.movies);
    const rows = Int32Array.from({ length: d.movie.length }, (_, i) => i).filter((i) => isTestUser(Math.floor(i / d.length)));
    const got = new Float64Array(rows.length);
    index.gather(Int32Array.from(rows, (i) => Math.floor(i / d.length)), Int32Array.from(rows, (i) => d.movie[i]!), rows.length, got, "the test users' lists");
    const score = new Float64Array(d.movie.length);
    rows.forEach((i, j) => (score[i] = got[j]!));
    const s = scoreRanking(d, score);
    return { row: { ndcg5: s.ndcg5, ndcg10: s.ndcg10, err: s.err }, notes: [`scored ${table.file}: ${rows.length} test (user, movie) pairs; ${s.users} test users with a relevant movie`] };
  },
};
