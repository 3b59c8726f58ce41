/**
 * `--workers N` and `--shard I/N`. `--shard auto/N` takes I from the array index the schedulers
 * researchers use set for each task: Kubernetes Indexed Jobs (JOB_COMPLETION_INDEX), Slurm job
 * arrays (SLURM_ARRAY_TASK_ID) and AWS Batch array jobs (AWS_BATCH_JOB_ARRAY_INDEX), all 0-based
 * as ctar's shards (a Slurm array must therefore be declared --array=0-(N-1)).
 */
import { decimalNumber } from "../config/number-text.js";
import { ConfigError } from "../errors/errors.js";

/** `--workers N`, or undefined (automatic: the machine's cores, at most 8, none for small runs). */
export function parseWorkers(raw: unknown): number | undefined {
  if (raw === undefined) return undefined;
  const s = String(raw);
  const n = decimalNumber(s);
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 256) throw new ConfigError(`--workers: expected a whole number from 1 to 256 (got '${s}')`);
  return n;
}

export const SHARD_INDEX_VARIABLES = ["JOB_COMPLETION_INDEX", "SLURM_ARRAY_TASK_ID", "AWS_BATCH_JOB_ARRAY_INDEX"] as const;

export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** Digits only, up to 2^53 − 1 (a larger number would be rounded: `0/9999999999999999999` is no shard). */
function wholeNumber(s: string): number | undefined {
  const n = /^\d+$/.test(s.trim()) ? Number(s.trim()) : undefined;
  return n !== undefined && Number.isSafeInteger(n) ? n : undefined;
}

export function parseShard(raw: string, env: Readonly<Record<string, string | undefined>>): Shard {
  const m = /^([^/]+)\/([^/]+)$/.exec(raw.trim());
  if (m === null) throw new ConfigError(`--shard: expected I/N, e.g. 0/4 or auto/4 (got '${raw}')`);
  const count = wholeNumber(m[2]!);
  if (count === undefined || count < 1) throw new ConfigError(`--shard: the number of shards N must be a whole number ≥ 1 (got '${m[2]}')`);
  let index: number | undefined;
  if (m[1] === "auto") {
    const name = SHARD_INDEX_VARIABLES.find((v) => env[v] !== undefined && env[v] !== "");
    if (name === undefined) throw new ConfigError(`--shard auto/${count}: none of ${SHARD_INDEX_VARIABLES.join(", ")} is set (run it as a Kubernetes Indexed Job, a Slurm array or an AWS Batch array job, or give the index)`);
    index = wholeNumber(env[name]!);
    if (index === undefined) throw new ConfigError(`--shard auto/${count}: ${name}='${env[name]}' is not a whole number`);
  } else {
    index = wholeNumber(m[1]!);
    if (index === undefined) throw new ConfigError(`--shard: the shard index I must be a whole number or 'auto' (got '${m[1]}')`);
  }
  if (index >= count) throw new ConfigError(`--shard ${raw}: shard index ${index} is out of range (shards are numbered 0..${count - 1})`);
  return { index, count };
}
