/**
 * Validates a CTAR configuration before any work starts: the schema (types, ranges, unknown keys),
 * each mechanism's own rules across its parameters (as the mechanism will check them), and the
 * checks across options. Every failure is one ConfigError naming the option both as a config key
 * and as a flag, with the wording of the schema that refused it.
 */
import type { z } from "zod";
import { ConfigError } from "../errors/errors.js";
import { issueText } from "../mechanisms/issue-text.js";
import { surveyOversize } from "../mechanisms/randomized-survey.js";
import { nonIntegerRatings } from "../mechanisms/rating-scale.js";
import { CTAR_OPTIONS, type CtarConfig, OPTION_NODE_SCHEMAS, ctarConfigSchema } from "./ctar-config.js";
import { nodeParamsOf } from "./node-params.js";

function optionName(path: readonly PropertyKey[]): string {
  const key = path.map(String).join(".");
  const spec = CTAR_OPTIONS.find((o) => o.path.join(".") === key);
  return spec ? `${key} (--${spec.flag})` : key || "(root)";
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((k) => [...issue.path, k].map(String).join("."));
    return `unknown option${keys.length > 1 ? "s" : ""} ${keys.join(", ")} (known: ${CTAR_OPTIONS.map((o) => o.path.join(".")).join(", ")})`;
  }
  return `option ${optionName(issue.path)}: ${issueText(issue)}`;
}

/** The config path of a node's parameter (the path of the mechanism's issue), or the node. */
function pathOfParam(node: string, issuePath: readonly PropertyKey[]): readonly PropertyKey[] {
  const o = CTAR_OPTIONS.find((x) => x.node === node && x.param === String(issuePath[0]));
  return o?.path ?? [`node ${node}`];
}

/** Parses and checks a configuration; `source` names where it came from (a file, "flags"). */
export function parseCtarConfig(input: unknown, source = "configuration"): CtarConfig {
  const r = ctarConfigSchema.safeParse(input ?? {});
  if (!r.success) throw new ConfigError(`${source}: ${describeIssue(r.error.issues[0]!)}`);
  const c = r.data;
  const fail = (path: readonly PropertyKey[], msg: string) => {
    throw new ConfigError(`${source}: option ${optionName(path)}: ${msg}`);
  };
  for (const [node, params] of Object.entries(nodeParamsOf(c))) {
    const m = OPTION_NODE_SCHEMAS[node]!.safeParse(params);
    if (!m.success) fail(pathOfParam(node, m.error.issues[0]!.path), issueText(m.error.issues[0]));
  }
  const fractional = nonIntegerRatings({ ...c.rating, round: true });
  if (fractional !== undefined) fail(["rating", fractional.param], fractional.message);
  const oversize = surveyOversize(c.rct, c);
  if (oversize !== undefined) fail(["rct", oversize.param], oversize.message);
  if (c.test2.positives > c.test2.draws) fail(["test2", "positives"], `${c.test2.positives} positives exceed the ${c.test2.draws} draws`);
  if (c.test3.positives > c.test3.draws) fail(["test3", "positives"], `${c.test3.positives} positives exceed the ${c.test3.draws} draws`);
  return c;
}
