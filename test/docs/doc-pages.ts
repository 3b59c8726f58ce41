/**
 * The documentation the tests read: the README (the front door), every page of docs/ (the
 * reference) and each example folder's README, as paths relative to the repository.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { REPO } from "../helpers/paths.js";

/** README.md, then docs/*.md in name order. */
export const DOC_PAGES: readonly string[] = [
  "README.md",
  ...readdirSync(join(REPO, "docs"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/${f}`),
];

/** examples/<name>/README.md of every example folder that has one. */
export const EXAMPLE_READMES: readonly string[] = readdirSync(join(REPO, "examples"))
  .filter((d) => existsSync(join(REPO, "examples", d, "README.md")))
  .sort()
  .map((d) => `examples/${d}/README.md`);

/** The page that holds the option table of `ctar generate` (one row per generator option). */
export const GENERATE_PAGE = "docs/generate.md";

export function pageText(path: string): string {
  return readFileSync(join(REPO, path), "utf8");
}
