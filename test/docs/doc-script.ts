/**
 * One bash script for one page: its blocks in order, in one shell, as a reader would type them
 * into one terminal (a `cd` or an `export` in one block holds for the next). Each block records
 * that it started and ended in the state folder; output blocks and snippets save what they printed
 * and their exit status there for the test to compare. The TypeScript snippets of every page are
 * compiled beforehand by one script (`snippetBuild`): two tsc runs in all, not two per page.
 */
import type { DocBlock } from "./markdown-blocks.js";

/** A here-document delimiter no README block contains. */
const EOF = "__CTAR_DOCS_EOF__";

function heredoc(path: string, text: string): string {
  if (text.includes(EOF)) throw new Error(`a block contains the delimiter ${EOF}`);
  return `mkdir -p "$(dirname ${path})"\ncat > ${path} <<'${EOF}'\n${text}\n${EOF}`;
}

const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** Runs `body` in a subshell with errexit, saving its output and status for block `i`. */
function captured(i: number, body: string): string {
  return [`set +e`, `(\nset -e\n${body}\n) > "$__S/out-${i}" 2>&1`, `echo $? > "$__S/rc-${i}"`, `set -e`].join("\n");
}

const FLAVOURS = [
  ["esm", "module"],
  ["cjs", "commonjs"],
] as const;

/** The file name (without extension) of block `i` of `page` among the compiled snippets. */
export function snippetName(page: string, i: number): string {
  return `${page.replace(/\W/g, "_")}-snippet-${i}`;
}

/** The TypeScript snippets of `blocks` (of `page`), by their compiled name. */
export function tsSnippets(page: string, blocks: readonly DocBlock[]): Array<readonly [string, string]> {
  return blocks.flatMap((b, i) => (b.role.kind === "snippet" && b.role.language === "ts" ? [[snippetName(page, i), b.text] as const] : []));
}

/**
 * The script that compiles every TypeScript snippet of every page up front, once as an ES module
 * consumer and once as a CommonJS one (a package.json "type" each), strict, NodeNext: two tsc runs
 * in all. Run it as `bash SCRIPT DIR` with $__TSC set; the page scripts find the builds in $__TS.
 */
export function snippetBuild(snippets: ReadonlyArray<readonly [string, string]>): string {
  if (snippets.length === 0) return ":\n";
  const steps: string[] = ["set -eo pipefail", '__S="$1"'];
  for (const [flavour, type] of FLAVOURS) {
    const d = `"$__S/ts-${flavour}"`;
    for (const [name, text] of snippets) steps.push(heredoc(`${d}/${name}.ts`, text));
    const files = snippets.map(([name]) => `"${name}.ts"`).join(", ");
    steps.push(`printf '%s\\n' '{ "private": true, "type": "${type}" }' > ${d}/package.json`);
    // Library declarations are checked in one of the two builds (they are the same files).
    const skipLib = flavour === "cjs";
    steps.push(
      `printf '%s\\n' '{ "compilerOptions": { "strict": true, "module": "NodeNext", "moduleResolution": "NodeNext", "target": "ES2022", "types": ["node"], "skipLibCheck": ${skipLib} }, "files": [${files}] }' > ${d}/tsconfig.json`,
    );
    steps.push(`"$__TSC" -p ${d} > "$__S/tsc-${flavour}" 2>&1 || { echo "tsc (${flavour} consumer) failed:"; cat "$__S/tsc-${flavour}"; exit 97; }`);
  }
  return `${steps.join("\n")}\n`;
}

/** Runs a compiled TypeScript snippet in both builds; the ESM output is the block's output. */
function tsSnippet(page: string, i: number): string {
  const name = snippetName(page, i);
  return [
    captured(i, `node "$__TS/ts-esm/${name}.js"`),
    `[ "$(cat "$__S/rc-${i}")" = 0 ] || { cat "$__S/out-${i}"; exit 95; }`,
    `node "$__TS/ts-cjs/${name}.js" > "$__S/out-${i}-cjs" 2>&1 || { echo "the CommonJS build failed:"; cat "$__S/out-${i}-cjs"; exit 96; }`,
  ].join("\n");
}

function blockText(page: string, i: number, b: DocBlock): string {
  const r = b.role;
  switch (r.kind) {
    case "shell":
      if (r.exit === 0) return b.text;
      return `${captured(i, b.text)}\n[ "$(cat "$__S/rc-${i}")" = ${r.exit} ] || { cat "$__S/out-${i}"; echo "exit $(cat "$__S/rc-${i}"), expected ${r.exit}"; exit 94; }`;
    case "output":
      return r.command === "previous" ? ":" : captured(i, r.command);
    case "snippet":
      if (r.language === "ts") return tsSnippet(page, i);
      return `${heredoc(`"$__S/snippet-${i}/snippet.mjs"`, b.text)}\n${captured(i, `node "$__S/snippet-${i}/snippet.mjs"`)}\n[ "$(cat "$__S/rc-${i}")" = 0 ] || { cat "$__S/out-${i}"; exit 95; }`;
    case "file":
      return heredoc(q(r.path), b.text);
    case "excerpt":
    case "not-run":
      return ":";
  }
}

/**
 * A block that needs a command runs only where that command is installed; elsewhere its index is
 * appended to the state folder's `skipped` file, for the test to list with the reason.
 */
function guarded(i: number, b: DocBlock, text: string): string {
  if (b.needs === undefined) return text;
  return `if command -v ${q(b.needs)} > /dev/null 2>&1; then\n${text}\nelse\necho ${i} >> "$__S/skipped"\nfi`;
}

/** The script of `page`; run it as `bash SCRIPT STATE_DIR` in the page's working folder, with $__TS set. */
export function docScript(page: string, blocks: readonly DocBlock[]): string {
  const out = ["set -eo pipefail", '__S="$1"', 'echo "start $(date +%s%N)" > "$__S/done"'];
  blocks.forEach((b, i) => {
    out.push(`echo ${i} > "$__S/current"`, guarded(i, b, blockText(page, i, b)), `echo "${i} $(date +%s%N)" >> "$__S/done"`);
  });
  return `${out.join("\n")}\n`;
}
