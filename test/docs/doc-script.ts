/**
 * One bash script for one README: its blocks in order, in one shell, as a reader would type them
 * into one terminal (a `cd` or an `export` in one block holds for the next). Each block records
 * that it started and ended in the state folder; output blocks and snippets save what they printed
 * and their exit status there for the test to compare.
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

/**
 * Compiles every TypeScript snippet up front, once as an ES module consumer and once as a CommonJS
 * one (a package.json "type" each), strict, NodeNext: two tsc runs for the whole README.
 */
function compileSnippets(snippets: ReadonlyArray<readonly [number, string]>): string {
  if (snippets.length === 0) return ":";
  const steps: string[] = [];
  for (const [flavour, type] of FLAVOURS) {
    const d = `"$__S/ts-${flavour}"`;
    for (const [i, text] of snippets) steps.push(heredoc(`${d}/snippet-${i}.ts`, text));
    const files = snippets.map(([i]) => `"snippet-${i}.ts"`).join(", ");
    steps.push(`printf '%s\\n' '{ "private": true, "type": "${type}" }' > ${d}/package.json`);
    // Library declarations are checked in one of the two builds (they are the same files).
    const skipLib = flavour === "cjs";
    steps.push(
      `printf '%s\\n' '{ "compilerOptions": { "strict": true, "module": "NodeNext", "moduleResolution": "NodeNext", "target": "ES2022", "types": ["node"], "skipLibCheck": ${skipLib} }, "files": [${files}] }' > ${d}/tsconfig.json`,
    );
    steps.push(`"$__TSC" -p ${d} > "$__S/tsc-${flavour}" 2>&1 || { echo "tsc (${flavour} consumer) failed:"; cat "$__S/tsc-${flavour}"; exit 97; }`);
  }
  return steps.join("\n");
}

/** Runs a compiled TypeScript snippet in both builds; the ESM output is the block's output. */
function tsSnippet(i: number): string {
  return [
    captured(i, `node "$__S/ts-esm/snippet-${i}.js"`),
    `[ "$(cat "$__S/rc-${i}")" = 0 ] || { cat "$__S/out-${i}"; exit 95; }`,
    `node "$__S/ts-cjs/snippet-${i}.js" > "$__S/out-${i}-cjs" 2>&1 || { echo "the CommonJS build failed:"; cat "$__S/out-${i}-cjs"; exit 96; }`,
  ].join("\n");
}

function blockText(i: number, b: DocBlock): string {
  const r = b.role;
  switch (r.kind) {
    case "shell":
      if (r.exit === 0) return b.text;
      return `${captured(i, b.text)}\n[ "$(cat "$__S/rc-${i}")" = ${r.exit} ] || { cat "$__S/out-${i}"; echo "exit $(cat "$__S/rc-${i}"), expected ${r.exit}"; exit 94; }`;
    case "output":
      return r.command === "previous" ? ":" : captured(i, r.command);
    case "snippet":
      if (r.language === "ts") return tsSnippet(i);
      return `${heredoc(`"$__S/snippet-${i}/snippet.mjs"`, b.text)}\n${captured(i, `node "$__S/snippet-${i}/snippet.mjs"`)}\n[ "$(cat "$__S/rc-${i}")" = 0 ] || { cat "$__S/out-${i}"; exit 95; }`;
    case "file":
      return heredoc(q(r.path), b.text);
    case "excerpt":
    case "not-run":
      return ":";
  }
}

/** The script; run it as `bash SCRIPT STATE_DIR` in the README's working folder, with $__TSC set. */
export function docScript(blocks: readonly DocBlock[]): string {
  const snippets = blocks.flatMap((b, i) => (b.role.kind === "snippet" && b.role.language === "ts" ? [[i, b.text] as const] : []));
  const out = ["set -eo pipefail", '__S="$1"', 'echo "start $(date +%s%N)" > "$__S/done"', compileSnippets(snippets)];
  blocks.forEach((b, i) => {
    out.push(`echo ${i} > "$__S/current"`, blockText(i, b), `echo "${i} $(date +%s%N)" >> "$__S/done"`);
  });
  return `${out.join("\n")}\n`;
}
