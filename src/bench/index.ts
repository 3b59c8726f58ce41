export { TEST_SETS, type BenchDataset, type TestSetName } from "./dataset.js";
export { benchDataset } from "./from-dataset.js";
export { evaluate, scoreSet, type RunScores, type SetScore } from "./evaluate.js";
export { runOne, trainingData, type RunSpec } from "./run-one.js";
export { runBench, type BenchConfig, type BenchJob, type BenchResult, type JobRunner, type ModelResult } from "./run-bench.js";
export { meanSd, summarise, type MeanSd, type Summary } from "./summary.js";
export { describeData, formatCsv, formatJson, formatMarkdown } from "./format.js";
