/**
 * ctar's library API (re-exports only). Generate: `generate(config)`, `saveDataset`; catalogs:
 * `loadBaseCatalog`, `syntheticCatalog`; the m-graph: `ctarGraph`, `analyzeGraph`, `isDSeparated`;
 * mechanisms for new biases: `defineMechanism`, `builtinRegistry`; baselines: `BUILTIN_MODELS`.
 */
export { generate, saveDataset } from "./io/generate.js";
export { generateDataset, type Dataset, type GenerateOptions } from "./generate/generate.js";
export { runGraph, type EngineInput, type EngineRun } from "./generate/engine.js";
export { parseCtarConfig } from "./config/parse-config.js";
export { ctarConfigSchema, CTAR_OPTIONS, type CtarConfig, type CtarConfigInput } from "./config/ctar-config.js";
export type { BaseCatalog } from "./catalog/base-catalog.js";
export { loadBaseCatalog } from "./catalog/load-base.js";
export { syntheticCatalog } from "./catalog/synthetic.js";
export { catalogStats } from "./catalog/catalog-stats.js";
export { selectMovies, type SelectedCatalog } from "./catalog/select-movies.js";
export { generateInto, type RunInputs } from "./io/generate-run.js";
export { readCtarFolder } from "./io/read-dataset.js";
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
export { renderSvg } from "./report/render-svg.js";
export { readGraphFile, formatGraph } from "./io/graph-file.js";
export { defineMechanism, type Mechanism, type NodeKernel, type SetupContext, type UserContext, type ParentValues } from "./mechanisms/mechanism.js";
export { MechanismRegistry, builtinRegistry, BUILTIN_MECHANISMS } from "./mechanisms/registry.js";
export { SeedTree, Stream } from "./rng/stream.js";
export { meanSquaredError, rocAuc } from "./metrics/index.js";
export { BUILTIN_MODELS, modelByName } from "./models/registry.js";
export { ConfigError, CtarError, GenerationError, GraphError, InputError } from "./errors/errors.js";
export { parseIntervention, applyInterventions, type Intervention } from "./scm/intervention.js";
export { loadGraphRun } from "./io/load-graph-run.js";
export { verifyWorld, type VerifyReport } from "./verify/verify-world.js";
export { TagEffects } from "./truth/tag-effect.js";
export { RatingExpectation } from "./truth/rating-expectation.js";
export { datasetTagEffects } from "./truth/user-tag-truth.js";
export { popularityPolicy, randomPolicy, topKByScore } from "./truth/recommendations.js";
export { runBench, workerPool, formatMarkdown, type BenchConfig, type BenchResult } from "./bench/index.js";
export { loadBenchDataset } from "./io/read-bench-dataset.js";
export { trainingLabels } from "./labels/index.js";
export { mf, mfIps, causeCtar, cause, drJl, kdLabel, type Model, type Predictor, type TrainingData, type TrainContext } from "./models/index.js";
export type { Precision } from "./models/adam-kernel.js";
