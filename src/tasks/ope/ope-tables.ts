/**
 * The `ope` task's files (`ctar task ope DIR --out T`): the logged feedback an outside estimator
 * needs, each policy's lists and each policy's exact value; `ctar score T --task ope` reads the
 * last back and scores estimates `policy,run,estimate` against it. Policy ids are POLICY_IDS's
 * indices (0 popularity, 1 random, 2 mf, 3 file).
 */
import { InputError } from "../../errors/errors.js";
import type { ReadTable, TaskTable } from "../task.js";
import { type OpeTaskData, POLICY_IDS, type PolicyTruth } from "./ope-data.js";

const policyId = (name: string) => (POLICY_IDS as readonly string[]).indexOf(name);

export function opeTables(d: OpeTaskData): TaskTable[] {
  const out: TaskTable[] = [];
  const f = d.full;
  if (f !== undefined) {
    out.push({
      name: "logged",
      description: "every observed rating: userid,movieid,rating, pscore = the exact P(R_R = 1) (NaN: not recorded), pscore_estimated = n_m / |U|",
      columns: [{ name: "userid", type: "int32" }, { name: "movieid", type: "int32" }, { name: "rating", type: "double" }, { name: "pscore", type: "double" }, { name: "pscore_estimated", type: "double" }],
      *blocks() {
        const n = f.observed.movie.length;
        const user = new Int32Array(n);
        for (let u = 0; u < f.users; u++) user.fill(u, f.observed.start[u]!, f.observed.start[u + 1]!);
        yield [user, f.observed.movie, f.observed.rating, f.observedOracle, Float64Array.from(f.observed.movie, (m) => f.estimated[m]!)];
      },
    });
    out.push({
      name: "lists",
      description: "each policy's top-k lists: policy (id), userid, movieid, rank (1 = first)",
      columns: [{ name: "policy", type: "int32" }, { name: "userid", type: "int32" }, { name: "movieid", type: "int32" }, { name: "rank", type: "int32" }],
      *blocks() {
        for (const p of f.policies) {
          const n = p.rec.movie.length;
          const user = new Int32Array(n);
          const rank = new Int32Array(n);
          for (let u = 0; u < p.rec.users; u++) for (let i = p.rec.start[u]!; i < p.rec.start[u + 1]!; i++) {
            user[i] = u;
            rank[i] = i - p.rec.start[u]! + 1;
          }
          yield [new Int32Array(n).fill(policyId(p.name)), user, p.rec.movie, rank];
        }
      },
    });
  }
  out.push({
    name: "policies",
    description: "each policy's exact value V = Σ w R (w = 1/(users · k_u)): policy (id), users, pairs, observed_pairs, true_value",
    columns: [{ name: "policy", type: "int32" }, { name: "users", type: "int32" }, { name: "pairs", type: "int32" }, { name: "observed_pairs", type: "int32" }, { name: "true_value", type: "double" }],
    *blocks() {
      const t = d.truth;
      yield [Int32Array.from(t, (p) => policyId(p.name)), Int32Array.from(t, (p) => p.users), Int32Array.from(t, (p) => p.pairs), Int32Array.from(t, (p) => p.observedPairs), Float64Array.from(t, (p) => p.trueValue)];
    },
  });
  return out;
}

export function opeFromTables(read: (name: string) => ReadTable | undefined): OpeTaskData {
  const t = read("policies");
  if (t === undefined) throw new InputError("policies.csv: file not found in the task folder (written by ctar task ope)");
  const id = t.column("policy");
  const truth: PolicyTruth[] = [];
  for (let i = 0; i < t.rows; i++) {
    const name = POLICY_IDS[id[i]!];
    if (name === undefined) throw new InputError(`${t.place(i)}: policy ${id[i]} unknown (expected 0..${POLICY_IDS.length - 1}: ${POLICY_IDS.join(", ")})`);
    truth.push({ name, users: t.column("users")[i]!, pairs: t.column("pairs")[i]!, observedPairs: t.column("observed_pairs")[i]!, trueValue: t.column("true_value")[i]! });
  }
  return { truth };
}
