/**
 * The one check of a node's mechanism, wherever a node meets a registry (a graph file being
 * loaded, an intervention being applied, the engine setting a node up): the kind is registered, it
 * runs on the node's plate, and its schema accepts the node's parameters. Only the place named in
 * messages and the class of a structural fault differ between callers: a graph's fault is a
 * GraphError (exit 4), a `--do` option's a ConfigError (exit 2); a bad parameter is a ConfigError.
 */
import { ConfigError, type CtarError, GraphError } from "../errors/errors.js";
import type { MechanismSpec, Plate } from "../graph/mgraph.js";
import type { Mechanism } from "./mechanism.js";
import type { MechanismRegistry } from "./registry.js";
import { issueText } from "./issue-text.js";

export interface CheckedMechanism {
  readonly mechanism: Mechanism<unknown>;
  /** The parameters parsed and defaulted by the mechanism's schema. */
  readonly params: unknown;
}

type ErrorClass = new (message: string, options?: { cause?: unknown }) => CtarError;

/** "unknown mechanism 'k' (known: …; alias: …)". */
export function unknownMechanism(registry: MechanismRegistry, kind: string): string {
  const aliases = registry.aliases();
  return `unknown mechanism '${kind}' (known: ${registry.kinds().join(", ")}${aliases.length > 0 ? `; alias: ${aliases.join(", ")}` : ""})`;
}

/** What is checked: a node, or the node a `--do` is about to give a mechanism. */
export interface MechanismSite {
  readonly name: string;
  readonly plate: Plate;
  readonly mechanism: MechanismSpec;
}

/**
 * The site's mechanism with its parameters parsed, or an error prefixed with `where` (e.g.
 * `node 'Q'`, `g.yaml: node 'Q'`, `--do Q=uniform`). `structural` is the class of an unknown kind
 * or a wrong plate.
 */
export function checkMechanism(site: MechanismSite, registry: MechanismRegistry, where: string, structural: ErrorClass = GraphError): CheckedMechanism {
  const kind = site.mechanism.kind;
  const mechanism = registry.get(kind);
  if (mechanism === undefined) throw new structural(`${where}: ${unknownMechanism(registry, kind)}`);
  if (!mechanism.plates.includes(site.plate)) {
    throw new structural(`${where}: mechanism '${kind}' runs on plate ${mechanism.plates.join(" or ")}, but node '${site.name}' is on plate ${site.plate}`);
  }
  let parsed: ReturnType<Mechanism<unknown>["params"]["safeParse"]>;
  try {
    parsed = mechanism.params.safeParse(site.mechanism.params ?? {});
  } catch (e) {
    // A user schema that throws instead of reporting: its own bug, named with its module.
    const origin = registry.originOf(kind);
    throw new GraphError(`${where}: mechanism '${kind}'${origin === undefined ? "" : ` from ${origin}`}: its parameter check threw (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  }
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue !== undefined && issue.path.length > 0 ? ` '${issue.path.join(".")}'` : "";
    throw new ConfigError(`${where}: parameter${key} of '${kind}': ${issueText(issue)}`);
  }
  return { mechanism, params: parsed.data };
}
