/**
 * The wording of a refused parameter, one for every place a schema refuses one (a flag, a config
 * key, a graph file, a `--do`): zod's own message, except where it misleads a reader — for 2.5
 * given to a whole-number parameter zod says "expected int, received number".
 */
import type { z } from "zod";

export function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (issue === undefined) return "invalid";
  if (issue.code === "invalid_type" && issue.expected === "int") return "expected a whole number";
  return issue.message;
}
