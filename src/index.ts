/**
 * ctar's library API (re-exports only). Generate: `generate(config)`, `saveDataset`; catalogs:
 * `loadBaseCatalog`, `syntheticCatalog`; the m-graph: `ctarGraph`, `analyzeGraph`, `isDSeparated`;
 * mechanisms for new biases: `defineMechanism`, `z` (ctar's zod, for parameter schemas), `builtinRegistry`;
 * baselines: `BUILTIN_MODELS`.
 */
export { generate, saveDataset } from "./io/run/generate.js";
export { generateDataset, type Dataset, type GenerateOptions } from "./generate/generate.js";
export { runGraph, type EngineInput, type EngineRun } from "./generate/engine.js";
export { parseCtarConfig } from "./config/parse-config.js";
export { ctarConfigSchema, CTAR_OPTIONS, type CtarConfig, type CtarConfigInput } from "./config/ctar-config.js";
export type { BaseCatalog } from "./catalog/base-catalog.js";
export { loadBaseCatalog } from "./io/inputs/read-base-catalog.js";
export { syntheticCatalog } from "./catalog/synthetic.js";
export { catalogStats } from "./catalog/catalog-stats.js";
export { selectMovies, type SelectedCatalog } from "./catalog/select-movies.js";
export { generateInto, type RunInputs } from "./io/run/generate-run.js";
export { readCtarFolder } from "./io/dataset/read-dataset.js";
export { datasetStats } from "./stats/dataset-stats.js";
export type { MGraph, NodeSpec, MGraphSet, Plate, MechanismSpec } from "./graph/mgraph.js";
export { ctarGraph } from "./presets/ctar.js";
export { buildCtarGraph, CTAR_STRUCTURE } from "./presets/ctar-graph.js";
export { topologicalOrder } from "./graph/topological-order.js";
export { validateGraph, graphProblems } from "./graph/validate-graph.js";
export { dSeparation, isDSeparated } from "./graph/d-separation.js";
export { classifyMissingness } from "./graph/missingness-class.js";
export { analyzeRecoverability } from "./graph/recoverability.js";
export { analyzeGraph } from "./graph/analyze-graph.js";
export { toDot, toMermaid } from "./report/draw-graph.js";
export { parseDagitty, toDagitty } from "./graph/dagitty.js";
export { buildReport } from "./report/report-html.js";
export { readReportDataset } from "./io/dataset/read-report-dataset.js";
export { startExploreServer } from "./io/serve/explore-server.js";
export { renderSvg } from "./report/render-svg.js";
export { readGraphFile, formatGraph } from "./io/inputs/graph-file.js";
export {
  defineMechanism,
  type Dims,
  type Emit,
  type Mechanism,
  type MechanismFacts,
  type NodeKernel,
  type OutputTable,
  type ParentValues,
  type SetupContext,
  type TagUniverse,
  type UserContext,
} from "./mechanisms/mechanism.js";
export type { MovieTags } from "./catalog/movie-tags.js";
export type { NodeValue, ShapeValues, TagSetRow, TmValue, ValueShape } from "./mechanisms/values.js";
export { ctarRoles, roleNode, type CtarRoles, type Role } from "./mechanisms/roles.js";
export { CTAR_VARIANTS, ctarVariant } from "./scm/ctar-variants.js";
export type { LabelSet } from "./labels/label-set.js";
// ctar's own zod, so that a mechanism module's parameter schema needs nothing else installed.
export { z } from "zod";
export { MechanismRegistry, builtinRegistry, BUILTIN_MECHANISMS } from "./mechanisms/registry.js";
export { SeedTree, Stream } from "./rng/stream.js";
export { meanSquaredError, rocAuc } from "./metrics/index.js";
export { BUILTIN_MODELS, modelByName } from "./models/registry.js";
export { ConfigError, CtarError, EXIT, FilesystemError, GenerationError, GraphError, InputError, VerifyRejectedError } from "./errors/errors.js";
export { writeDirAtomically, DATASET_KIND, type DirKind } from "./io/fs/atomic-dir.js";
export { fsError, isFsError } from "./io/fs/fs-error.js";
export { parseIntervention, applyInterventions, type Intervention } from "./scm/intervention.js";
export { loadGraphRun } from "./io/inputs/load-graph-run.js";
export { verifyWorld, type VerifyReport } from "./verify/verify-world.js";
export { TagEffects } from "./truth/tag-effect.js";
export { RatingExpectation } from "./mechanisms/rating-expectation.js";
export { datasetTagEffects } from "./truth/user-tag-truth.js";
export { popularityPolicy, randomPolicy, topKByScore, type Recommendations } from "./truth/recommendations.js";
export { evaluatePolicy, type PolicyEvaluation, type PolicyEvaluationInput, type UserOutcomeSource } from "./truth/evaluate-policy.js";
export { observedByUser, type ObservedRatings } from "./truth/policy-value.js";
export { datasetEngine, observedRatingsOf } from "./generate/dataset-engine.js";
export { openDatasetPolicyRun, type DatasetPolicyRun } from "./io/recorded/dataset-policy-run.js";
export { runBench, benchDataset, formatMarkdown, type BenchConfig, type BenchDataset, type BenchResult } from "./bench/index.js";
export { workerPool } from "./io/bench/bench-pool.js";
export { loadBenchDataset } from "./io/dataset/read-bench-dataset.js";
export { trainingLabels } from "./labels/index.js";
export { mf, mfIps, causeCtar, cause, drJl, kdLabel, type Model, type Predictor, type TrainingData, type TrainContext } from "./models/index.js";
export type { Precision } from "./models/adam-kernel.js";
export { writeCard, writeCroissant } from "./io/dataset/dataset-artifact.js";
export { validateDataset, type ValidationReport } from "./io/dataset/validate-dataset.js";
export { openParquetTable, type ParquetTableWriter } from "./io/tables/parquet/table-writer.js";
export { openParquetTableReader, readParquetColumns, type ParquetTable } from "./io/tables/parquet/table-reader.js";
export type { ColumnSpec, ColumnType, ColumnValues, TableSchema } from "./io/tables/parquet/table-schema.js";
export { tableParquetSchema } from "./io/tables/parquet/layout-schema.js";
export { DATASET_TABLES, type LayoutTable, type LayoutColumn } from "./generate/dataset-layout.js";
export { findTable, locateTable, readTable, tableBlocks, type TableLocation, type TableData, type TableBlock } from "./io/tables/dataset-table.js";
