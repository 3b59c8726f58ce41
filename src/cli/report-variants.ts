/**
 * The report's figures of a variant's world: for a world with a treatment and an outcome
 * (ctar-uplift) the exact P(Rec = 1) against rank with the share treated, and the exact effect's
 * distribution; for a click world (ctar-clicks) the exact examination and click probabilities
 * against position with the logged click-through rate. Their truth is not in the dataset's files,
 * so the world is rebuilt from config.json (keyed streams), as the variants' tasks do; only when
 * the recorded graph has such nodes, so other reports cost nothing more.
 */
import type { ExtraChart } from "../report/report-html.js";
import { effectSharesSpec, rankCurveSpec } from "../report/chart-specs.js";
import { openDatasetPolicyRun } from "../io/recorded/dataset-policy-run.js";
import { upliftFigureRows } from "../tasks/uplift/uplift-figures.js";
import { buildRankingData } from "../tasks/ranking/ranking-data.js";
import { clickFigureRows } from "../tasks/ranking/ranking-figures.js";
import type { Progress } from "./progress.js";

const UPLIFT_KINDS = ["rank-treatment", "treatment-outcome"];
const CLICK_KINDS = ["logging-ranker", "position-examination", "graded-attractiveness", "click-proxy"];

/** The mechanism kinds of config.json's recorded graph (none when it has no graph). */
function kindsOf(card: Readonly<Record<string, unknown>> | undefined): Set<string> {
  const nodes = (card?.["graph"] as { nodes?: unknown } | undefined)?.nodes;
  const kinds = new Set<string>();
  if (Array.isArray(nodes)) for (const n of nodes) kinds.add(String((n as { mechanism?: { kind?: unknown } })?.mechanism?.kind));
  return kinds;
}

export async function variantCharts(dir: string, card: Readonly<Record<string, unknown>> | undefined, progress: Progress): Promise<ExtraChart[]> {
  const kinds = kindsOf(card);
  const uplift = UPLIFT_KINDS.every((k) => kinds.has(k));
  const clicks = CLICK_KINDS.every((k) => kinds.has(k));
  if (!uplift && !clicks) return [];
  progress.step(`report: rebuilding the world of ${dir} for its variant's figures`);
  const world = await openDatasetPolicyRun(dir);
  try {
    const out: ExtraChart[] = [];
    const u = uplift ? upliftFigureRows(world) : undefined;
    if (u !== undefined) {
      out.push(
        { id: "fig-uplift-propensity", title: "Treatment propensity against rank (ctar-uplift)", caption: "The exact P(Rec = 1) at each rank of a user's list, averaged over users, beside the share of users treated at that rank; ranks on a logarithmic axis.", values: u.byRank, spec: rankCurveSpec(u.byRank, "rank in the user's list (1 = first)", true) },
        { id: "fig-uplift-effects", title: "Distribution of the exact effect (ctar-uplift)", caption: "Share of all user × movie pairs at each exact effect of recommending, P(Y = 1 | do(Rec = 1)) − P(Y = 1 | do(Rec = 0)).", values: u.effects, spec: effectSharesSpec(u.effects) },
      );
    }
    if (clicks) {
      const rows = clickFigureRows(buildRankingData(world, `${dir}/config.json`));
      out.push({ id: "fig-click-position", title: "Examination and clicks against position (ctar-clicks)", caption: "The exact P(E = 1) and P(C = 1) at each position of the logged lists, averaged over users, beside the click-through rate of the training users' logged clicks.", values: rows, spec: rankCurveSpec(rows, "position in the logged list (1 = top)", false) });
    }
    return out;
  } finally {
    world.dispose();
  }
}
