/**
 * What the report draws of a click world (the ctar-clicks variant, docs/tasks-ranking.md): per
 * position of the logged lists, the exact P(E = 1) and P(C = 1) averaged over users beside the
 * click-through rate the training users' logged clicks show.
 */
import type { RankingData } from "./ranking-data.js";
import { isTestUser } from "./ranking-data.js";

export type FigureRow = Readonly<Record<string, string | number>>;

export function clickFigureRows(d: RankingData): FigureRow[] {
  const L = d.length;
  const exam = new Float64Array(L);
  const click = new Float64Array(L);
  const seen = new Float64Array(L);
  let train = 0;
  for (let u = 0; u < d.users; u++) {
    const logged = !isTestUser(u);
    if (logged) train++;
    for (let k = 0; k < L; k++) {
      const r = u * L + k;
      exam[k]! += d.pExam[r]!;
      click[k]! += d.pClick[r]!;
      if (logged) seen[k]! += d.click[r]!;
    }
  }
  const rows: FigureRow[] = [];
  for (let k = 0; k < L; k++) {
    rows.push({ rank: k + 1, p: exam[k]! / d.users, series: "exact P(E = 1)" });
    rows.push({ rank: k + 1, p: click[k]! / d.users, series: "exact P(C = 1)" });
    if (train > 0) rows.push({ rank: k + 1, p: seen[k]! / train, series: "click-through rate (logged)" });
  }
  return rows;
}
