/**
 * One run of one model: train with streams keyed (model name, run index, purpose) under the bench
 * seed, then evaluate. A run's result depends only on (seed, model, options, run, epochs, data),
 * never on which worker ran it or when.
 */
import type { Model, ModelOptions, TrainingData } from "../models/model.js";
import type { Precision } from "../models/adam-kernel.js";
import { SeedTree } from "../rng/stream.js";
import type { BenchDataset } from "./dataset.js";
import { evaluate, evaluateWithPredictions, type RunScores, type TestPredictions } from "./evaluate.js";
import type { Predictor } from "../models/model.js";

export interface RunSpec {
  readonly seed: number;
  readonly run: number;
  readonly epochs: number;
  /** Parameter precision (default f32, see TrainContext). */
  readonly precision?: Precision;
  readonly options?: ModelOptions;
}

export function trainingData(data: BenchDataset): TrainingData {
  return { users: data.users, tags: data.tags, obs: data.labels.obs, rct: data.labels.rct, all: data.labels.all };
}

function train(model: Model, data: BenchDataset, spec: RunSpec): Predictor {
  const tree = new SeedTree(spec.seed);
  const options = { ...model.defaults, ...(spec.options ?? {}) };
  return model.train(trainingData(data), options, {
    epochs: spec.epochs,
    precision: spec.precision ?? "f32",
    stream: (purpose) => tree.stream(model.name, spec.run, purpose),
  });
}

export function runOne(model: Model, data: BenchDataset, spec: RunSpec): RunScores {
  return evaluate(train(model, data, spec), data);
}

/** One run, keeping the test-set predictions its scores were computed from. */
export function runOneWithPredictions(model: Model, data: BenchDataset, spec: RunSpec): { scores: RunScores; predictions: TestPredictions } {
  return evaluateWithPredictions(train(model, data, spec), data);
}

/** One job's output: scores, and predictions when asked. */
export interface JobOutput {
  readonly scores: RunScores;
  readonly predictions?: TestPredictions;
}

export function runJob(model: Model, data: BenchDataset, spec: RunSpec, predictions: boolean): JobOutput {
  return predictions ? runOneWithPredictions(model, data, spec) : { scores: runOne(model, data, spec) };
}
