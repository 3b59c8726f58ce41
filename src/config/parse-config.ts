/**
 * Validates a CTAR configuration before any work starts: the schema (types, ranges, unknown keys)
 * and the checks across fields. Every failure is one ConfigError naming the option both as a
 * config key and as a flag.
 */
import type { z } from "zod";
import { ConfigError } from "../errors/errors.js";
import { CTAR_OPTIONS, type CtarConfig, ctarConfigSchema } from "./ctar-config.js";

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
  return `option ${optionName(issue.path)}: ${issue.message}`;
}

/** Parses and checks a configuration; `source` names where it came from (a file, "flags"). */
export function parseCtarConfig(input: unknown, source = "configuration"): CtarConfig {
  const r = ctarConfigSchema.safeParse(input ?? {});
  if (!r.success) throw new ConfigError(`${source}: ${describeIssue(r.error.issues[0]!)}`);
  const c = r.data;
  const fail = (path: string[], msg: string) => {
    throw new ConfigError(`${source}: option ${optionName(path)}: ${msg}`);
  };
  if (c.likedTags.min > c.likedTags.max) fail(["likedTags", "min"], `${c.likedTags.min} exceeds likedTags.max = ${c.likedTags.max}`);
  if (c.rating.min > c.rating.max) fail(["rating", "min"], `${c.rating.min} exceeds rating.max = ${c.rating.max}`);
  if (c.rct.users > c.users) fail(["rct", "users"], `${c.rct.users} RCT users, but only ${c.users} users (expected at most ${c.users})`);
  if (c.rct.moviesPerUser > c.movies) fail(["rct", "moviesPerUser"], `${c.rct.moviesPerUser} movies per RCT user, but only ${c.movies} movies`);
  if (c.test2.positives > c.test2.draws) fail(["test2", "positives"], `${c.test2.positives} positives exceed the ${c.test2.draws} draws`);
  if (c.test3.positives > c.test3.draws) fail(["test3", "positives"], `${c.test3.positives} positives exceed the ${c.test3.draws} draws`);
  if (c.users > 50_000_000) fail(["users"], `${c.users} users is more than this version supports (50,000,000)`);
  if (c.movies > 1_000_000) fail(["movies"], `${c.movies} movies is more than this version supports (1,000,000)`);
  return c;
}
