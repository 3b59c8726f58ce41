/**
 * DAGitty syntax (Textor et al. 2016, "Robust causal inference using directed acyclic graphs:
 * the R package 'dagitty'", and the package's documentation of `dagitty()`), read and written
 * so users can bring their DAGs. Written from the documented grammar, not from dagitty's code:
 *
 *   dag { x [exposure, pos="1,0"]  y [outcome]  z [latent]  x -> y ; x <- z -> y ; a -> {b c} ; u <-> v }
 *
 * `[graph type] '{' statements '}'`, statements separated by whitespace or `;`; a variable
 * statement `id [props]`; an edge chain `id (op id)+` with `->`, `<-` or `<->`; `{a b}` groups.
 * Ids are bare words or "quoted". Reading into an m-graph:
 *  - `latent` / `unobserved` → set N; a bidirected `u <-> v` becomes a latent node `L_u_v` → u, v;
 *  - ctar's own properties `set="V_m"`, `plate="user"`, `mechanism="rating"`, `deterministic`;
 *  - otherwise by name: `R_X` (X a node) is X's indicator, X then partially observed (V_m),
 *    `X*` its proxy; a V_m variable without a proxy gets `X*` with parents X and R_X;
 *  - everything else is fully observed (V_o), plate user-movie, mechanism `unspecified`.
 * `exposure`, `outcome`, `adjusted`, `selected` and `pos` have no m-graph meaning and are dropped.
 * Writing keeps set, plate, mechanism kind and `deterministic` as properties (mechanism
 * parameters are not written: use YAML or JSON for a graph that runs).
 */
import { GraphError } from "../errors/errors.js";
import { MGRAPH_SETS, type MGraph, type MGraphSet, type NodeSpec, PLATES, type Plate } from "./mgraph.js";

interface Token {
  readonly kind: "id" | "op" | "punct";
  readonly text: string;
  readonly line: number;
  readonly col: number;
}

const OPS = ["<->", "->", "<-", "--"];

function tokenize(text: string, source: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let lineStart = 0;
  let i = 0;
  const fail = (what: string, at: number): never => {
    throw new GraphError(`${source}:${line}:${at - lineStart + 1}: ${what}`);
  };
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      lineStart = ++i;
      continue;
    }
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const col = i - lineStart + 1;
    const op = OPS.find((o) => text.startsWith(o, i));
    if (op !== undefined) {
      out.push({ kind: "op", text: op, line, col });
      i += op.length;
    } else if ("{}[];,=".includes(c)) {
      out.push({ kind: "punct", text: c, line, col });
      i++;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0 || text.slice(i, end).includes("\n")) fail("unterminated quoted name (expected a closing \")", i);
      out.push({ kind: "id", text: text.slice(i + 1, end), line, col });
      i = end + 1;
    } else {
      const m = /^[^\s{}[\];,="<>-]+/.exec(text.slice(i));
      if (m === null) fail(`unexpected character '${c}'`, i);
      out.push({ kind: "id", text: m![0], line, col });
      i += m![0].length;
    }
  }
  return out;
}

interface Parsed {
  readonly order: string[];
  readonly props: Map<string, Map<string, string | true>>;
  readonly edges: [string, string][];
  readonly bidirected: [string, string][];
}

class Parser {
  private k = 0;
  readonly parsed: Parsed = { order: [], props: new Map(), edges: [], bidirected: [] };
  constructor(
    private readonly toks: readonly Token[],
    private readonly source: string,
  ) {}

  private fail(what: string, t: Token | undefined = this.toks[this.k]): never {
    const where = t === undefined ? "end of text" : `${t.line}:${t.col}`;
    throw new GraphError(`${this.source}:${where}: ${what}${t === undefined ? "" : ` (got '${t.text}')`}`);
  }
  private peek(): Token | undefined {
    return this.toks[this.k];
  }
  private expect(text: string): void {
    const t = this.peek();
    if (t?.text !== text || t.kind === "id") this.fail(`expected '${text}'`);
    this.k++;
  }
  private node(name: string): void {
    if (!this.parsed.props.has(name)) {
      this.parsed.props.set(name, new Map());
      this.parsed.order.push(name);
    }
  }

  graph(): void {
    const type = this.peek();
    if (type?.kind !== "id" || !["dag", "pdag", "mag", "pag", "graph"].includes(type.text)) this.fail("expected a graph type ('dag')");
    if (type.text !== "dag") this.fail(`only 'dag' graphs are m-graphs`, type);
    this.k++;
    this.expect("{");
    while (this.peek() !== undefined && this.peek()!.text !== "}") this.statement();
    this.expect("}");
    if (this.peek() !== undefined) this.fail("text after the closing '}'");
  }

  /** An edge chain or a lone variable; returns every name it mentions. */
  private statement(): string[] {
    const t = this.peek()!;
    if (t.text === ";" || t.text === ",") {
      this.k++;
      return [];
    }
    let left = this.group();
    const all = [...left];
    while (this.peek()?.kind === "op") {
      const op = this.toks[this.k++]!;
      if (op.text === "--") this.fail("undirected edges ('--') have no place in a DAG", op);
      const right = this.group();
      for (const a of left)
        for (const b of right) {
          if (op.text === "->") this.parsed.edges.push([a, b]);
          else if (op.text === "<-") this.parsed.edges.push([b, a]);
          else this.parsed.bidirected.push([a, b]);
        }
      all.push(...right);
      left = right;
    }
    return all;
  }

  /** A name (with optional [props]) or a `{ … }` group of statements, standing for every name inside. */
  private group(): string[] {
    const t = this.peek();
    if (t === undefined) return this.fail("expected a variable name");
    if (t.text === "{" && t.kind === "punct") {
      this.k++;
      const names: string[] = [];
      while (this.peek() !== undefined && this.peek()!.text !== "}") names.push(...this.statement());
      this.expect("}");
      return [...new Set(names)];
    }
    if (t.kind !== "id") this.fail("expected a variable name");
    this.k++;
    this.node(t.text);
    if (this.peek()?.text === "[" && this.peek()!.kind === "punct") this.properties(t.text);
    return [t.text];
  }

  private properties(name: string): void {
    this.expect("[");
    const props = this.parsed.props.get(name)!;
    while (this.peek() !== undefined && this.peek()!.text !== "]") {
      const key = this.peek()!;
      if (key.text === ",") {
        this.k++;
        continue;
      }
      if (key.kind !== "id") this.fail("expected a property name");
      this.k++;
      if (this.peek()?.text === "=") {
        this.k++;
        const v = this.peek();
        if (v?.kind !== "id") this.fail("expected a property value");
        props.set(key.text, v.text);
        this.k++;
      } else props.set(key.text, true);
    }
    this.expect("]");
  }
}

function setOf(name: string, props: Map<string, string | true>, names: ReadonlySet<string>, where: string): MGraphSet {
  const s = props.get("set");
  if (typeof s === "string") {
    if (!(MGRAPH_SETS as readonly string[]).includes(s)) throw new GraphError(`${where}: node '${name}': set (got '${s}', expected one of ${MGRAPH_SETS.join(", ")})`);
    return s as MGraphSet;
  }
  if (props.has("latent") || props.has("unobserved")) return "N";
  if (name.startsWith("R_") && names.has(name.slice(2))) return "R";
  if (name.endsWith("*") && names.has(name.slice(0, -1))) return "V*";
  if (names.has(`R_${name}`)) return "V_m";
  return "V_o";
}

/** Parses DAGitty text into an m-graph named `name`; errors name `source:line:column`. */
export function parseDagitty(text: string, source: string, name = "dagitty"): MGraph {
  const p = new Parser(tokenize(text, source), source);
  p.graph();
  const { order, props, edges, bidirected } = p.parsed;
  for (const [a, b] of bidirected) {
    const l = `L_${a}_${b}`;
    if (!props.has(l)) {
      props.set(l, new Map([["latent", true]]));
      order.push(l);
    }
    edges.push([l, a], [l, b]);
  }
  const names = new Set(order);
  const sets = new Map(order.map((v) => [v, setOf(v, props.get(v)!, names, source)]));
  for (const v of order) {
    if (sets.get(v) !== "V_m" || names.has(`${v}*`) || !names.has(`R_${v}`)) continue;
    order.push(`${v}*`);
    names.add(`${v}*`);
    props.set(`${v}*`, new Map([["deterministic", true]]));
    sets.set(`${v}*`, "V*");
    edges.push([v, `${v}*`], [`R_${v}`, `${v}*`]);
  }
  const nodes = order.map((v): NodeSpec => {
    const pr = props.get(v)!;
    const plate = pr.get("plate");
    if (plate !== undefined && !(PLATES as readonly unknown[]).includes(plate)) {
      throw new GraphError(`${source}: node '${v}': plate (got '${String(plate)}', expected one of ${PLATES.join(", ")})`);
    }
    const mech = pr.get("mechanism");
    const parents = [...new Set(edges.filter(([, to]) => to === v).map(([from]) => from))];
    return {
      name: v,
      set: sets.get(v)!,
      plate: (plate as Plate | undefined) ?? "user-movie",
      ...(pr.has("deterministic") ? { deterministic: true } : {}),
      parents,
      mechanism: { kind: typeof mech === "string" ? mech : "unspecified" },
    };
  });
  return { name, nodes };
}

function id(s: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(s) ? s : `"${s}"`;
}

/** DAGitty text for g: every node with its m-graph properties, then every edge. */
export function toDagitty(g: MGraph): string {
  const lines = ["dag {"];
  for (const n of g.nodes) {
    const props = [
      ...(n.set === "N" ? ["latent"] : []),
      `set="${n.set}"`,
      `plate="${n.plate}"`,
      `mechanism="${n.mechanism.kind}"`,
      ...(n.deterministic === true ? ["deterministic"] : []),
    ];
    lines.push(`  ${id(n.name)} [${props.join(",")}]`);
  }
  for (const n of g.nodes) for (const p of n.parents) lines.push(`  ${id(p)} -> ${id(n.name)}`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
