/**
 * Help that tells the truth: every command's `--help` options (flag, default, required) are those
 * of its option table (on the command's page of docs/, or in the README), marked
 * `<!-- docs-test: options of: ctar CMD[, ctar CMD2 …] -->`. A table
 * for several commands has a `commands` column naming, for each row, the subcommands that have
 * the option ("all" for every one). The meaning column is prose and not compared; a default is
 * compared when the help gives one, a switch has none, a required option says "(required)".
 * The generate table's rows (one per option, owned by the option definitions) are checked the same way.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Command, Option } from "commander";
import { CTAR_OPTIONS } from "../../src/config/ctar-config.js";
import { buildProgram } from "../../src/cli/program.js";
import { DOC_PAGES, pageText } from "./doc-pages.js";

interface HelpOption {
  readonly flag: string;
  /** "(required)", the default as the help shows it, or "" for none. */
  readonly shown: string;
}

/** Every leaf command by its full name ("ctar graph dsep"). */
async function leafCommands(): Promise<Map<string, Command>> {
  const out = new Map<string, Command>();
  const walk = (c: Command, name: string) => {
    for (const s of c.commands) s.commands.length > 0 ? walk(s, `${name} ${s.name()}`) : out.set(`${name} ${s.name()}`, s);
  };
  walk(await buildProgram(), "ctar");
  return out;
}

function helpOptions(c: Command): HelpOption[] {
  const help = c.createHelp();
  return c.options.map((o: Option) => {
    const m = /\((required)?(?:; )?(?:default: ([^)]*))?\)$/.exec(help.optionDescription(o));
    return { flag: o.long!, shown: m?.[1] !== undefined ? "(required)" : (m?.[2] ?? "") };
  });
}

interface Table {
  readonly file: string;
  readonly commands: readonly string[];
  readonly line: number;
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<readonly string[]>;
}

const cells = (row: string) => row.trim().replace(/^\||\|$/g, "").split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|"));

/** The tables of `file` under an `options of:` marker. */
function optionTables(file: string, markdown: string): Table[] {
  const lines = markdown.split("\n");
  const out: Table[] = [];
  lines.forEach((l, i) => {
    const m = /^<!--\s*docs-test:\s*options of:\s*(.+?)\s*-->$/.exec(l.trim());
    if (m === null) return;
    let k = i + 1;
    const rows: string[][] = [];
    while (k < lines.length && lines[k]!.startsWith("|")) rows.push(cells(lines[k++]!));
    out.push({ file, commands: m[1]!.split(",").map((s) => s.trim()), line: i + 1, header: rows[0] ?? [], rows: rows.slice(2) });
  });
  return out;
}

const tables = DOC_PAGES.flatMap((f) => optionTables(f, pageText(f)));
const commands = await leafCommands();
/** A row standing for every configuration flag (`--config` and the generate table's options). */
const CONFIG_ROW = "every configuration flag";
const configFlags = new Set(["--config", ...CTAR_OPTIONS.map((o) => `--${o.flag}`)]);

test("every command has an option table", () => {
  const documented = new Set(tables.flatMap((t) => t.commands));
  assert.deepEqual([...commands.keys()].filter((c) => !documented.has(c)), []);
});

for (const [name, cmd] of commands) {
  test(`${name} --help: the options of its table`, () => {
    const table = tables.find((t) => t.commands.includes(name));
    if (table === undefined) return; // reported by the test above
    const col = (what: string) => table.header.findIndex((h) => h === what);
    const [flagCol, defaultCol, forCol] = [Math.max(col("option"), col("flag")), col("default"), col("commands")];
    const sub = name.split(" ").at(-1)!;
    const rows = table.rows.filter((r) => forCol < 0 || r[forCol] === "all" || r[forCol]!.split(/,\s*/).includes(sub));
    const readmeDefault = new Map<string, string>();
    let allConfig = false;
    for (const r of rows) {
      if (r[flagCol] === CONFIG_ROW) allConfig = true;
      const flag = /`(--[\w-]+)/.exec(r[flagCol]!)?.[1];
      if (flag !== undefined) readmeDefault.set(flag, r[defaultCol]!.replace(/`/g, ""));
    }
    const help = helpOptions(cmd).filter((o) => o.flag !== "--help" && !(allConfig && configFlags.has(o.flag)));
    const where = `${table.file}:${table.line} (${name})`;
    assert.deepEqual(help.map((o) => o.flag).sort(), [...readmeDefault.keys()].sort(), `${where}: the options differ from --help`);
    for (const o of help) {
      const d = readmeDefault.get(o.flag)!;
      if (o.shown === "(required)") assert.equal(d, "(required)", `${where}: ${o.flag} is required`);
      // No default in --help: the table says none, "off", or describes what happens (prose).
      else if (o.shown === "") assert.ok(d === "" || d === "off" || /\s|[^\w.,-]/.test(d), `${where}: ${o.flag} has no default in --help, the table says ${d}`);
      else if (/^\S+$/.test(o.shown)) assert.equal(d, o.shown, `${where}: the default of ${o.flag}`);
      else assert.ok(d.length > 0, `${where}: ${o.flag} has a default (${o.shown}), the table says none`);
    }
  });
}
