/**
 * User-defined mechanisms: turns the exports of a user's JavaScript module into `Mechanism`
 * values the engine runs (src/mechanisms/mechanism.ts is the interface). Pure: the module is
 * imported by src/io/inputs/load-graph-run.ts; this file only checks and adapts what it exported.
 *
 * A mechanism export is an object with
 *   kind: string            the name a graph file gives in `mechanism: { kind, params }`
 *   description: string     one line: what it computes
 *   plates: Plate[]         "movie" | "user" | "user-movie"
 *   params:                 optional; one of
 *       - a zod schema (any object with `safeParse`; zod 3 or 4, the user's copy or ctar's), or
 *       - a function `(raw) => parsed` that throws an Error whose message says what is wrong
 *     without `params` the graph file's params object is passed as it is (default {}).
 *   outputs?: [{ table, columns: [a, b, c] }]   tables it emits rows to (proxies)
 *   facts, all optional (mechanisms/mechanism.ts; a module that declares none keeps working):
 *     family?, alias?        for `--do` aliases (e.g. family "missingness", alias "uniform")
 *     mainParameter?         what a bare number sets in `--do NODE=kind:0.02`
 *     readsParents?          false: an intervention installing it drops the node's edges (default true)
 *     deterministic?         a deterministic function of its parents (default false)
 *     value?                 its value's shape (mechanisms/values.ts; default "any")
 *     role?                  its part in the CTAR layout (mechanisms/roles.ts)
 *   setup(ctx): NodeKernel  as for the built-in mechanisms
 * A module may export several (named exports, or a default export that is one or an array);
 * exports that are not objects with `kind` and `setup` (helpers, constants) are ignored.
 */
import { z } from "zod";
import { ConfigError } from "../errors/errors.js";
import { PLATES, type Plate } from "../graph/mgraph.js";
import type { Mechanism, NodeKernel, OutputTable, SetupContext } from "../mechanisms/mechanism.js";
import { NODE_ROLES, type NodeRole } from "../mechanisms/roles.js";
import { VALUE_SHAPES, type ValueShape } from "../mechanisms/values.js";

/** The optional declared facts of a user mechanism, checked; `fail` reports a bad one. */
function userFacts(v: Record<string, unknown>, fail: (what: string) => never): Partial<Mechanism<unknown>> {
  const out: { -readonly [K in keyof Mechanism<unknown>]?: Mechanism<unknown>[K] } = {};
  for (const key of ["family", "alias", "mainParameter"] as const) {
    const x = v[key];
    if (x === undefined) continue;
    if (typeof x !== "string" || x.trim() === "") fail(`'${key}' must be a non-empty string (got ${JSON.stringify(x)})`);
    out[key] = x as string;
  }
  if (out.alias !== undefined && out.family === undefined) fail(`'alias' needs a 'family' (the alias is resolved within it)`);
  for (const key of ["readsParents", "deterministic"] as const) {
    const x = v[key];
    if (x === undefined) continue;
    if (typeof x !== "boolean") fail(`'${key}' must be true or false (got ${JSON.stringify(x)})`);
    out[key] = x as boolean;
  }
  if (v["value"] !== undefined) {
    if (!(VALUE_SHAPES as readonly unknown[]).includes(v["value"])) fail(`'value' must be one of ${VALUE_SHAPES.join(", ")} (got ${JSON.stringify(v["value"])})`);
    out.value = v["value"] as ValueShape;
  }
  if (v["role"] !== undefined) {
    if (!(NODE_ROLES as readonly unknown[]).includes(v["role"])) fail(`'role' must be one of ${NODE_ROLES.join(", ")} (got ${JSON.stringify(v["role"])})`);
    out.role = v["role"] as NodeRole;
  }
  return out;
}

/** Looks like a mechanism (has `kind` and `setup`): checked in full by `toMechanism`. */
export function looksLikeMechanism(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && "kind" in v && "setup" in v;
}

interface ForeignIssue {
  readonly path?: readonly PropertyKey[];
  readonly message?: string;
}
interface ForeignSchema {
  safeParse(v: unknown): { success: boolean; data?: unknown; error?: { issues?: readonly ForeignIssue[]; message?: string } };
}

function isForeignSchema(v: unknown): v is ForeignSchema {
  return typeof v === "object" && v !== null && typeof (v as ForeignSchema).safeParse === "function";
}

/**
 * The parameter schema as a zod schema of ctar's own copy: a schema from any zod (or anything
 * with `safeParse`) is re-wrapped so the engine's error path works the same; a function is
 * called and what it throws becomes the message.
 */
function paramSchema(params: unknown, where: string): z.ZodType<unknown> {
  if (params === undefined) return z.unknown().transform((raw) => raw ?? {});
  if (isForeignSchema(params)) {
    return z.unknown().transform((raw, ctx) => {
      const r = params.safeParse(raw);
      if (r.success) return r.data;
      const issues = r.error?.issues ?? [];
      if (issues.length === 0) ctx.addIssue({ code: "custom", message: r.error?.message ?? "invalid parameters" });
      for (const i of issues) ctx.addIssue({ code: "custom", message: i.message ?? "invalid", path: (i.path ?? []).map((p) => (typeof p === "symbol" ? String(p) : p)) });
      return z.NEVER;
    });
  }
  if (typeof params === "function") {
    const parse = params as (raw: unknown) => unknown;
    return z.unknown().transform((raw, ctx) => {
      try {
        return parse(raw ?? {});
      } catch (e) {
        ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : String(e) });
        return z.NEVER;
      }
    });
  }
  throw new ConfigError(`${where}: 'params' must be a zod schema or a function (raw) => parsed (got ${typeof params})`);
}

/** Checks a mechanism export and adapts it; `where` names it in messages (module and export). */
export function toMechanism(v: Record<string, unknown>, where: string): Mechanism<unknown> {
  const fail = (what: string): never => {
    throw new ConfigError(`${where}: ${what}`);
  };
  const { kind, description, plates, params, outputs, setup } = v;
  if (typeof kind !== "string" || kind.trim() === "") fail(`'kind' must be a non-empty string (got ${JSON.stringify(kind)})`);
  const k = kind as string;
  const at = `${where} (kind '${k}')`;
  if (typeof setup !== "function") fail(`kind '${k}': 'setup' must be a function (ctx) => kernel (got ${typeof setup})`);
  if (typeof description !== "string") fail(`kind '${k}': 'description' must be a string (one line: what it computes)`);
  if (!Array.isArray(plates) || plates.length === 0 || !plates.every((p) => (PLATES as readonly unknown[]).includes(p))) {
    fail(`kind '${k}': 'plates' must be a non-empty list of ${PLATES.join(", ")} (got ${JSON.stringify(plates)})`);
  }
  if (outputs !== undefined) {
    const ok =
      Array.isArray(outputs) &&
      outputs.every((o: unknown) => typeof o === "object" && o !== null && typeof (o as OutputTable).table === "string" && Array.isArray((o as OutputTable).columns) && (o as OutputTable).columns.length === 3);
    if (!ok) fail(`kind '${k}': 'outputs' must be a list of { table, columns: [a, b, c] }`);
  }
  const facts = userFacts(v, (what) => fail(`kind '${k}': ${what}`));
  const userSetup = setup as (ctx: SetupContext<unknown>) => NodeKernel;
  return {
    ...facts,
    kind: k,
    description: description as string,
    plates: [...(plates as Plate[])],
    params: paramSchema(params, at),
    ...(outputs === undefined ? {} : { outputs: outputs as OutputTable[] }),
    setup: (ctx) => {
      const kernel = userSetup(ctx);
      if (typeof kernel !== "object" || kernel === null) {
        throw new ConfigError(`${at}: setup must return a kernel object ({ value } or { forUser }) (got ${kernel === null ? "null" : typeof kernel})`);
      }
      return kernel;
    },
  };
}

/**
 * The mechanisms a module exported: named exports and a default export (one or an array), in
 * export order; a value exported under two names counts once. `where` names the module.
 */
export function mechanismsFromExports(exports: Readonly<Record<string, unknown>>, where: string): Mechanism<unknown>[] {
  const out: Mechanism<unknown>[] = [];
  const seen = new Set<unknown>();
  const take = (v: unknown, name: string) => {
    if (!looksLikeMechanism(v) || seen.has(v)) return;
    seen.add(v);
    out.push(toMechanism(v, `${where}: export '${name}'`));
  };
  for (const [name, v] of Object.entries(exports)) {
    if (Array.isArray(v)) v.forEach((x, i) => take(x, `${name}[${i}]`));
    else take(v, name);
  }
  return out;
}
