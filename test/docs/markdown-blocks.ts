/**
 * The fenced blocks of a Markdown file and what the docs test does with each (pure: text in,
 * blocks out). A block's role comes from its language and from at most one marker, an HTML
 * comment on the line before its fence (invisible when the Markdown is rendered):
 *
 *   ```sh / ```bash                       run, in order, in one shell per README
 *   ```text whose first line is `$ CMD`   output: CMD is run and must print the rest
 *   ```ts / ```js / ```mjs                a library snippet: compiled and run as a file
 *   <!-- docs-test: output of: CMD -->    the block is what CMD prints (any language)
 *   <!-- docs-test: output of the block above -->   what the previous code block prints
 *   <!-- docs-test: file: PATH -->        the block is written to PATH (for later commands)
 *   <!-- docs-test: excerpt of: PATH -->  every line of the block is a line of PATH (the package's file)
 *   <!-- docs-test: exit N -->            a shell or output block whose last command exits with N
 *   <!-- docs-test: not run: REASON -->   not run; the test counts and lists these
 *   <!-- docs-test: needs: COMMAND -->    run (or compared) only where COMMAND is installed; elsewhere
 *                                         listed as not run, with that reason
 *
 * Other HTML comments between a marker and its fence (e.g. the `layers:begin` markers another test
 * reads) are skipped.
 * Any other block (a language the test cannot run, no marker) is an error, so nothing is skipped
 * silently.
 */

export type BlockRole =
  | { readonly kind: "shell"; readonly exit: number }
  | { readonly kind: "output"; readonly command: string | "previous"; readonly expected: string; readonly exit: number }
  | { readonly kind: "snippet"; readonly language: "ts" | "js" }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "excerpt"; readonly path: string }
  | { readonly kind: "not-run"; readonly reason: string };

export interface DocBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly language: string;
  readonly text: string;
  readonly role: BlockRole;
  /** A command the block needs (`needs:` marker): without it the block is skipped with that reason. */
  readonly needs?: string;
}

export interface BlockProblem {
  readonly line: number;
  readonly message: string;
}

const MARKER = /^<!--\s*docs-test:\s*(.*?)\s*-->$/;
const COMMENT = /^<!--.*-->$/;
const NEEDS = /^needs:\s*([\w.+-]+)$/;
const SHELL = new Set(["sh", "bash", "shell"]);
const SNIPPET: Readonly<Record<string, "ts" | "js">> = { ts: "ts", typescript: "ts", js: "js", javascript: "js", mjs: "js" };

/** The marker text before the fence at `fence` (0-based), skipping blank lines; undefined if none. */
function markerBefore(lines: readonly string[], fence: number): string | undefined {
  for (let i = fence - 1; i >= 0; i--) {
    const l = lines[i]!.trim();
    if (l === "") continue;
    const m = MARKER.exec(l);
    if (m === null && COMMENT.test(l)) continue;
    return m?.[1];
  }
  return undefined;
}

function roleOf(language: string, text: string, marker: string | undefined): BlockRole | string {
  let exit = 0;
  if (marker !== undefined) {
    let m: RegExpExecArray | null;
    if ((m = /^not run:\s*(.+)$/.exec(marker))) return { kind: "not-run", reason: m[1]! };
    if ((m = /^file:\s*(\S+)$/.exec(marker))) return { kind: "file", path: m[1]! };
    if ((m = /^excerpt of:\s*(\S+)$/.exec(marker))) return { kind: "excerpt", path: m[1]! };
    if (/^output of the block above$/.test(marker)) return { kind: "output", command: "previous", expected: text, exit };
    if ((m = /^output of:\s*(.+)$/.exec(marker))) return { kind: "output", command: m[1]!, expected: text, exit };
    if ((m = /^exit (\d+)$/.exec(marker))) exit = Number(m[1]);
    else return `unknown docs-test marker '${marker}'`;
  }
  if (SHELL.has(language)) return { kind: "shell", exit };
  if (language === "text" || language === "console" || language === "") {
    const [first, ...rest] = text.split("\n");
    if (first?.startsWith("$ ")) return { kind: "output", command: first.slice(2), expected: rest.join("\n"), exit };
  }
  const snippet = SNIPPET[language];
  if (snippet !== undefined && exit === 0) return { kind: "snippet", language: snippet };
  return `a \`\`\`${language || "(no language)"} block the docs test cannot run: give it a docs-test marker (output of, file, excerpt of, not run)`;
}

/** Every fenced block of `markdown` with its role, and the blocks whose role is unclear. */
export function docBlocks(markdown: string): { blocks: DocBlock[]; problems: BlockProblem[] } {
  const lines = markdown.split("\n");
  const blocks: DocBlock[] = [];
  const problems: BlockProblem[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (open === null) continue;
    const fence = open[1]!;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith(fence)) end++;
    if (end === lines.length) {
      problems.push({ line: i + 1, message: "unclosed code fence" });
      break;
    }
    const text = lines.slice(i + 1, end).join("\n");
    const language = open[2]!.toLowerCase();
    const marker = markerBefore(lines, i);
    const needs = marker === undefined ? undefined : NEEDS.exec(marker)?.[1];
    const role = roleOf(language, text, needs === undefined ? marker : undefined);
    if (typeof role === "string") problems.push({ line: i + 1, message: role });
    else blocks.push({ line: i + 1, language, text, role, ...(needs === undefined ? {} : { needs }) });
    i = end;
  }
  return { blocks, problems };
}
