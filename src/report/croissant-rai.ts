/**
 * The Responsible-AI fields of croissant.json (Croissant RAI 1.0, the `rai:` vocabulary), filled
 * from what ctar knows of the dataset: it was simulated, not collected, from the m-graph that ran
 * (each node's mechanism named); its biases are the missingness mechanisms, with the class of each
 * indicator found by d-separation (src/graph/missingness-class.ts, as the card's "Missingness"
 * section); no person is described. Pure, like the rest of croissant.json.
 */
import { classifyMissingness } from "../graph/missingness-class.js";
import type { MGraph } from "../graph/mgraph.js";
import { type DatasetFacts, baseDataLicence } from "./dataset-facts.js";

/** `NODE (kind)` for each node, in the graph's order: the mechanism that produced it. */
function mechanisms(g: MGraph, set?: string): string {
  return g.nodes
    .filter((n) => set === undefined || n.set === set)
    .map((n) => `${n.name} (${n.mechanism.kind})`)
    .join(", ");
}

/** One sentence per missingness indicator: what it masks, its mechanism, its class and why. */
function biases(f: DatasetFacts): string[] {
  const c = classifyMissingness(f.graph);
  const kind = (name: string) => f.graph.nodes.find((n) => n.name === name)?.mechanism.kind ?? "?";
  return [
    `Selection bias by design: which values are observed is decided by the missingness indicators of the m-graph, whose class as a whole is ${c.class} (the worst over its indicators, by d-separation).`,
    ...c.indicators.map((i) => `${i.indicator} (mechanism ${kind(i.indicator)}) masks ${i.variables.join(", ")}: ${i.class}, because ${i.witness}.`),
    ...c.assumptions.map((a) => `Assumption of these classes: ${a}.`),
  ];
}

export function raiFields(f: DatasetFacts): Record<string, unknown> {
  const dos = f.interventions.length > 0 ? ` under the interventions ${f.interventions.map((x) => `do(${x})`).join(", ")}` : "";
  return {
    "rai:dataCollection": `Simulated, not collected: ctar ${f.version} drew every value from the structural equations of the m-graph '${f.graph.name}'${dos}, seed ${f.seed}, for ${f.users} simulated users and ${f.movies} movies. Each node and the mechanism that produced it: ${mechanisms(f.graph)}.`,
    "rai:dataCollectionType": ["Others: simulation from a structural causal model (software)"],
    "rai:dataCollectionRawData": `The movie catalog the simulation starts from: ${baseDataLicence(f)}. No user data is used.`,
    "rai:dataCollectionMissingData": `Missingness is part of the simulation: the indicators ${mechanisms(f.graph, "R")} decide which ratings and tags are observed (train/). The values they hide are kept in truth/ (every liked tag, τ and τ′; with --truth full every rating before missingness).`,
    "rai:dataBiases": biases(f),
    "rai:dataAnnotationProtocol": "No human annotation: each test label islike is τ′(u, t) = I{τ(u, t) > 0}, computed exactly from the structural model (truth/user_tag holds τ).",
    "rai:machineAnnotationTools": [`ctar ${f.version}`],
    "rai:dataLimitations": [
      "Semi-synthetic: the users and their behaviour follow the m-graph's equations; what holds on this dataset holds for that model, not necessarily for real users.",
      `Size and parameters as configured (${f.users} users × ${f.movies} movies; config.json): figures from a small run have a sampling error of their own, and the defaults are the paper's, not estimates from a real platform.`,
      "Not for training production recommenders or for drawing conclusions about real people's preferences.",
    ],
    "rai:dataUseCases": [
      "Benchmarking: predicting whether a user likes a tag from biased observational tags, a small randomized survey and observed ratings, scored on Tests I–III (test/).",
      "Evaluating debiasing, causal-effect and off-policy estimators against the known ground truth (truth/: τ, τ′, propensities).",
      "Testing identification and recoverability claims of m-graphs (ctar graph analyze) on data whose missingness mechanism is known.",
    ],
    "rai:personalSensitiveInformation": ["None: every user is simulated; the dataset describes no person and holds no demographic attribute."],
    "rai:dataSocialImpact": "No person is described, so the dataset itself carries no privacy risk. Its use is methodological: a method that does well here may still fail on real data whose missingness differs from the m-graph's, so results should be reported as results on this model.",
    "rai:dataReleaseMaintenancePlan": [`Regenerated rather than maintained: config.json records the configuration, seed and graph, and ctar ${f.version} rewrites byte-identical files from it (ctar regenerate); ctar validate checks a copy.`],
  };
}
