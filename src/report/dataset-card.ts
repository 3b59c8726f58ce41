/**
 * The dataset card: README.md of an output folder in the Hugging Face dataset-card form (a YAML
 * header with license, task_categories, size_categories, pretty_name, tags and `configs` with
 * data_files per split), then what the dataset is, the m-graph (Mermaid), every file with its
 * columns, the resolved parameters, the missingness classes, how to regenerate and cite it, and
 * the licence of the base data. Pure: the same facts give the same bytes (validate rebuilds it).
 */
import { stringify } from "yaml";
import { classifyMissingness } from "../graph/missingness-class.js";
import { toMermaid } from "./draw-graph.js";
import { type DatasetFacts, type DatasetFile, PAPER_BIBTEX, PAPER_URL, baseDataLicence, ctarBibtex, datasetName } from "./dataset-facts.js";

/** Hugging Face's size buckets, by the number of rows of train/ and test/. */
export function sizeCategory(rows: number): string {
  const buckets: Array<[number, string]> = [[1e3, "n<1K"], [1e4, "1K<n<10K"], [1e5, "10K<n<100K"], [1e6, "100K<n<1M"], [1e7, "1M<n<10M"], [1e8, "10M<n<100M"], [1e9, "100M<n<1B"]];
  for (const [limit, name] of buckets) if (rows < limit) return name;
  return "n>1B";
}

const SPLITS: Record<string, { config: string; split: string }> = {
  "train/movie": { config: "movie", split: "train" },
  "train/rating": { config: "rating", split: "train" },
  "train/obstag": { config: "obstag", split: "train" },
  "train/rcttag": { config: "rcttag", split: "train" },
  "test/test_1": { config: "test", split: "test_1" },
  "test/test_2": { config: "test", split: "test_2" },
  "test/test_3": { config: "test", split: "test_3" },
  "test/test": { config: "test", split: "all" },
  // the simulated truth: one config per table (a config's splits share one schema)
  "truth/liked_tags": { config: "truth_liked_tags", split: "truth" },
  "truth/movie": { config: "truth_movie", split: "truth" },
  "truth/tag": { config: "truth_tag", split: "truth" },
  "truth/obstag_dropped": { config: "truth_obstag_dropped", split: "truth" },
  "truth/user_tag": { config: "truth_user_tag", split: "truth" },
  "truth/full": { config: "truth_full", split: "truth" },
  // a variant world's tables
  "train/treatment": { config: "treatment", split: "train" },
  "train/propensity": { config: "propensity", split: "train" },
  "train/click": { config: "click", split: "train" },
  "truth/treatment_arms": { config: "truth_treatment_arms", split: "truth" },
  "truth/rank_propensity": { config: "truth_rank_propensity", split: "truth" },
  "truth/click": { config: "truth_click", split: "truth" },
  "truth/examination": { config: "truth_examination", split: "truth" },
  "truth/attraction": { config: "truth_attraction", split: "truth" },
};

/** The file of a table that loaders should read: Parquet when present (typed), else CSV. */
function preferred(files: readonly DatasetFile[]): DatasetFile | undefined {
  return files.find((f) => f.format === "parquet") ?? files[0];
}

function yamlHeader(f: DatasetFacts): string {
  const configs = new Map<string, { split: string; path: string }[]>();
  let rows = 0;
  for (const t of f.tables) {
    const s = SPLITS[t.table.name];
    const file = preferred(t.files);
    if (s === undefined || file === undefined) continue;
    if (!t.table.name.startsWith("truth/")) rows += file.rows ?? 0;
    if (!configs.has(s.config)) configs.set(s.config, []);
    configs.get(s.config)!.push({ split: s.split, path: file.path });
  }
  const header = {
    license: "mit",
    pretty_name: `CTAR semi-synthetic recommendation dataset (seed ${f.seed}, ${f.users} users × ${f.movies} movies)`,
    task_categories: ["tabular-classification"],
    size_categories: [sizeCategory(rows)],
    tags: ["recommender-systems", "causal-inference", "missing-not-at-random", "semi-synthetic", "ctar", "tabular"],
    configs: [...configs].map(([name, files]) => ({ config_name: name, data_files: files, ...(name === "test" ? { default: true } : {}) })),
  };
  return `---\n${stringify(header, { lineWidth: 0 })}---\n`;
}

function filesSection(f: DatasetFacts): string[] {
  const out = ["## Files", "", "| file | rows | content |", "|---|---|---|"];
  for (const t of f.tables) for (const file of t.files) out.push(`| \`${file.path}\` | ${file.rows ?? ""} | ${t.table.description} |`);
  out.push("| `config.json` | | the resolved configuration, seed, tool version, catalog, graph, row counts and warnings |");
  out.push("| `croissant.json` | | Croissant 1.1 metadata with the Responsible-AI fields: every file with its SHA-256, every table with typed fields |");
  out.push("", "Columns (CSV: integers and decimals as text, `taglist` a quoted comma list; Parquet: INT32/INT64, DOUBLE, `taglist` a list of INT32):", "");
  for (const t of f.tables) {
    out.push(`- **${t.table.name}** (key: ${t.table.key.join(", ")}): ${t.table.columns.map((c) => `\`${c.name}\` (${c.kind}) ${c.description}`).join("; ")}`);
  }
  return out;
}

function loadSection(f: DatasetFacts): string[] {
  const path = (name: string) => preferred(f.tables.find((t) => t.table.name === name)?.files ?? [])?.path ?? `${name}.csv`;
  const read = (p: string) => (p.endsWith(".parquet") ? `pd.read_parquet("${p}")` : `pd.read_csv("${p}")`);
  return [
    "## Load",
    "",
    "```python",
    "import pandas as pd",
    `ratings = ${read(path("train/rating"))}`,
    `test_2 = ${read(path("test/test_2"))}`,
    "from datasets import load_dataset                  # the configs of the header above",
    'tests = load_dataset("path/to/this/folder", "test")  # splits test_1, test_2, test_3, all',
    "```",
    "",
    "```sql",
    `SELECT avg(islike) FROM '${path("test/test_3")}';   -- DuckDB`,
    "```",
  ];
}

function missingnessSection(f: DatasetFacts): string[] {
  const c = classifyMissingness(f.graph);
  const out = ["## Missingness", "", `The m-graph is **${c.class}** (the worst class over its indicators). Per indicator (Mohan & Pearl; by d-separation):`, ""];
  out.push("| indicator | masks | class | why |", "|---|---|---|---|");
  for (const i of c.indicators) out.push(`| ${i.indicator} | ${i.variables.join(", ")} | ${i.class} | ${i.witness.replace(/\|/g, "\\|")} |`);
  for (const a of c.assumptions) out.push("", `Assumption: ${a}`);
  return out;
}

export function buildCard(f: DatasetFacts): string {
  const name = datasetName(f);
  const lines = [
    `# ${name}`,
    "",
    `A semi-synthetic recommender-system dataset whose causes are known, generated by ctar ${f.version} with the CTAR framework`,
    `(Lyu, Dai et al., [arXiv 2202.11351](${PAPER_URL})): ${f.users} simulated users and ${f.movies} movies with their tags, ratings from`,
    "structural equations, and observations filtered by explicit missingness mechanisms (popularity bias on ratings, user selection",
    "bias on tags, a small randomized survey). The task: predict whether a user likes a tag (`islike`, i.e. τ′ = 1) on three test",
    "sets, from biased observational tags, a small unbiased survey and observed ratings. `truth/` holds what was simulated but not",
    `observed. Card written on ${f.date}.`,
    "",
    "## The m-graph that produced it",
    "",
    "```mermaid",
    toMermaid(f.graph).trimEnd(),
    "```",
    "",
    ...(f.interventions.length > 0 ? [`Interventions: ${f.interventions.map((x) => `\`--do ${x}\``).join(", ")}.`, ""] : []),
    ...filesSection(f),
    "",
    ...loadSection(f),
    "",
    "## Parameters",
    "",
    `Seed ${f.seed}; catalog ${f.catalog}; construction \`${f.compat}\`. The resolved configuration (config.json's \`config\`):`,
    "",
    "```yaml",
    stringify(f.config, { lineWidth: 0 }).trimEnd(),
    "```",
    "",
    ...(f.warnings.length > 0 ? ["Warnings of the run:", "", ...f.warnings.map((w) => `- ${w}`), ""] : []),
    ...missingnessSection(f),
    "",
    "## Regenerate",
    "",
    f.catalog.startsWith("builtin")
      ? `Save the configuration above as \`ctar-config.yaml\` and run ctar ${f.version}:`
      : `Save the configuration above as \`ctar-config.yaml\` and run ctar ${f.version}, with CATALOG the folder of the authors' base data (\`movie_rating.csv\`, \`movie_tag_ct.csv\`; recorded as \`${f.catalog}\`, relative to this dataset folder, with the SHA-256 of both files in config.json):`,
    "",
    "```sh",
    `npx ctar generate --config ctar-config.yaml${f.catalog.startsWith("builtin") ? "" : " --catalog CATALOG"}${f.interventions.map((x) => ` --do '${x}'`).join("")} --out ${name}`,
    `npx ctar validate ${name}`,
    "```",
    "",
    "The same configuration and seed give byte-identical files. `ctar validate DIR` checks this folder: checksums, columns, id ranges and the dataset's invariants.",
    "",
    "## Licence",
    "",
    `The dataset: MIT. Base data: ${baseDataLicence(f)}.`,
    "",
    "## Citation",
    "",
    "```bibtex",
    PAPER_BIBTEX,
    "",
    ctarBibtex(f.version),
    "```",
  ];
  return `${yamlHeader(f)}\n${lines.join("\n")}\n`;
}
