/**
 * The `ope` task: off-policy estimators judged over worlds, as Open Bandit Pipeline judges them on
 * synthetic data (Saito et al., NeurIPS 2021 Datasets and Benchmarks): each policy's exact value V
 * on the world, and each estimator's relative and squared error, with exact (oracle) and estimated
 * propensities. On a folder of replicate worlds, `ctar bench --task ope` reports them as mean ± sd
 * over the worlds (src/bench/over-worlds.ts). docs/tasks-ope.md has the protocol and the formulas.
 */
import { InputError } from "../../errors/errors.js";
import { OPE_ESTIMATOR_KEYS, type OpeEstimatorKey } from "../../truth/ope-estimators.js";
import { type Task, fromWorld } from "../task.js";
import { buildOpeData } from "./build-ope.js";
import { OPE_METRICS, runOpeBench, scoreEstimate } from "./ope-bench.js";
import { OPE_OPTIONS, type OpeTaskData, POLICY_IDS, parseOpeOptions } from "./ope-data.js";
import { clampNote, describeOpe, opeCsv, opeJson, opeMarkdown } from "./ope-format.js";
import { opeFromTables, opeTables } from "./ope-tables.js";

export const opeTask: Task<OpeTaskData> = {
  name: "ope",
  description: "off-policy evaluation: naive, IPS, SNIPS, DM, DR, SNDR and Switch-DR estimates of policies' values, judged against the exact value",
  sees: "the observed ratings (the logged feedback) and, for the -oracle estimators, their exact P(R_R = 1); the policies' top-k lists",
  truth: "each policy's exact value V = Σ w R over its recommended pairs, from the world's potential outcomes",
  baselines: [...OPE_ESTIMATOR_KEYS],
  models: [...OPE_ESTIMATOR_KEYS],
  metrics: OPE_METRICS.map((m) => ({ ...m })),
  predictionColumns: ["policy", "run", "estimate"],
  options: OPE_OPTIONS,
  async load(source, options) {
    const parsed = parseOpeOptions(options);
    return fromWorld(source, (world) => {
      const { users, movies } = world.config;
      const file = parsed.policyFile === undefined ? undefined : { path: parsed.policyFile, pairs: source.policyFile(parsed.policyFile, users, movies) };
      const full = buildOpeData(world, parsed, file);
      return { full, truth: full.policies.map((p) => ({ name: p.name, users: p.activeUsers, pairs: p.rec.movie.length, observedPairs: p.obsAt.length, trueValue: p.trueValue })) };
    });
  },
  tables: opeTables,
  fromTables: opeFromTables,
  describe: (d) => (d.full === undefined ? `policies ${d.truth.map((p) => p.name).join(", ")}` : describeOpe(d.full)),
  async bench(d, config, dataset) {
    const data = d.full!;
    const note = clampNote(data);
    if (note !== undefined) config.warn(`${dataset}: ${note}`);
    if (!data.exactPropensities) config.warn(`${dataset}: the world records no exact P(R_R = 1): the -oracle estimators are left out`);
    const rows = runOpeBench(data, config.models as OpeEstimatorKey[], config);
    return { markdown: opeMarkdown(rows, data, config, dataset), json: opeJson(rows, data, config, dataset), csv: opeCsv(rows), predictions: [] };
  },
  score(d, table) {
    const policy = table.column("policy");
    const estimate = table.column("estimate");
    const sums: Record<string, number> = Object.fromEntries(OPE_METRICS.map((m) => [m.key, 0]));
    for (let i = 0; i < table.rows; i++) {
      const name = POLICY_IDS[policy[i]!];
      const t = d.truth.find((p) => p.name === name);
      if (t === undefined) throw new InputError(`${table.place(i)}: policy ${policy[i]} is not one of this task's (${d.truth.map((p) => `${POLICY_IDS.indexOf(p.name as never)} ${p.name}`).join(", ")})`);
      if (!Number.isFinite(estimate[i]!)) throw new InputError(`${table.place(i)}: estimate ${estimate[i]} is not a finite number`);
      const row = scoreEstimate(estimate[i]!, t.trueValue);
      for (const m of OPE_METRICS) sums[m.key]! += row[m.key] ?? NaN;
    }
    if (table.rows === 0) throw new InputError(`${table.file}: no rows (expected policy,run,estimate rows)`);
    const row = Object.fromEntries(OPE_METRICS.map((m) => [m.key, Number.isNaN(sums[m.key]!) ? null : sums[m.key]! / table.rows]));
    return { row, notes: [`${table.rows} estimates, each scored against its policy's exact value; figures are means over the rows`] };
  },
};
