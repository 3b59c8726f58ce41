/**
 * Readable units (issue #12): no source file over 300 lines and no function whose body spans more
 * than 80 lines, measured with the TypeScript compiler's own parser so that every kind of
 * function counts (declarations, methods, accessors, constructors, function expressions, arrows).
 */
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { REPO } from "../helpers/paths.js";

const MAX_FILE_LINES = 300;
const MAX_BODY_LINES = 80;

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out.sort();
}

/** Lines of a text, not counting the empty string after a final newline. */
function lineCount(text: string): number {
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

/** The body length, in lines strictly between the braces (or spanned by an arrow's expression), of every function of a source text. */
export function longFunctions(fileName: string, text: string, max: number): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const line = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
      const body = node.body as ts.Node;
      const start = line(body.getStart(sf));
      const end = line(body.getEnd());
      const lines = ts.isBlock(body) ? end - start - 1 : end - start + 1;
      if (lines > max) {
        const own = (node as { name?: ts.Node }).name ?? (ts.isVariableDeclaration(node.parent) ? node.parent.name : undefined);
        const name = own?.getText(sf) ?? "(anonymous)";
        out.push(`${fileName}:${line(node.getStart(sf)) + 1}: ${name} has a ${lines}-line body (at most ${max})`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

test("the measure flags the functions one line too long, and only those", () => {
  const body = (n: number) => Array.from({ length: n }, (_, i) => `  const x${i} = ${i};`).join("\n");
  const items = (n: number) => Array.from({ length: n }, (_, i) => `  ${i},`).join("\n");
  const text = `function ok() {\n${body(80)}\n}\nclass C {\n  m() {\n${body(81)}\n  }\n}\nconst f = () =>\n  [\n${items(78)}\n  ];\nconst g = () =>\n  [\n${items(79)}\n  ];\n`;
  // Lines: ok 1–82, class C 83–167 (m at 84), f 168–248 (its expression 80 lines), g from 249 (81).
  const found = longFunctions("sample.ts", text, MAX_BODY_LINES);
  assert.equal(found.length, 2, found.join("\n"));
  assert.match(found[0]!, /^sample\.ts:84: m has a 81-line body/);
  assert.match(found[1]!, /^sample\.ts:249: g has a 81-line body/);
});

test(`no file of src/ is over ${MAX_FILE_LINES} lines and no function of src/ or test/ over ${MAX_BODY_LINES}`, () => {
  const problems: string[] = [];
  for (const file of tsFiles(join(REPO, "src"))) {
    const name = relative(REPO, file);
    const text = readFileSync(file, "utf8");
    const n = lineCount(text);
    if (n > MAX_FILE_LINES) problems.push(`${name}: ${n} lines (at most ${MAX_FILE_LINES})`);
  }
  for (const root of ["src", "test"]) {
    for (const file of tsFiles(join(REPO, root))) problems.push(...longFunctions(relative(REPO, file), readFileSync(file, "utf8"), MAX_BODY_LINES));
  }
  assert.deepEqual(problems, []);
});
