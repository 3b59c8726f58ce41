/**
 * One run of one model: train with streams keyed (model name, run index, purpose) under the bench
 * seed, then evaluate. A run's result depends only on (seed, model, options, run, epochs, data),
 * never on which worker ran it or when.
 */
import type { Model, ModelOptions, TrainingData } from "../models/model.js";
import type { Precision } from "../models/adam-kernel.js";
import { SeedTree } from "../rng/stream.js";
import type { BenchDataset } from "./dataset.js";
import { evaluate, type RunScores } from "./evaluate.js";

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

export function runOne(model: Model, data: BenchDataset, spec: RunSpec): RunScores {
  const tree = new SeedTree(spec.seed);
  const options = { ...model.defaults, ...(spec.options ?? {}) };
  const predictor = model.train(trainingData(data), options, {
    epochs: spec.epochs,
    precision: spec.precision ?? "f32",
    stream: (purpose) => tree.stream(model.name, spec.run, purpose),
  });
  return evaluate(predictor, data);
}
