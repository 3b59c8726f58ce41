/**
 * The library's entry points: `generate(config)` validates a configuration (same keys as the
 * CLI's config file), loads the catalog it names and generates in memory (for modest sizes);
 * `saveDataset(dir, dataset)` writes that dataset in the CTAR layout, atomically, by streaming the
 * same world to the files (the bytes `ctar generate` writes for the same configuration and graph).
 */
import type { CtarConfigInput } from "../../config/ctar-config.js";
import { parseCtarConfig } from "../../config/parse-config.js";
import { type Dataset, type GenerateOptions, generateDataset } from "../../generate/generate.js";
import { writeDirAtomically } from "../fs/atomic-dir.js";
import type { DatasetFiles } from "./finish-dataset.js";
import { generateInto } from "./generate-run.js";
import { resolveCatalog } from "../inputs/resolve-catalog.js";

/**
 * Generates a CTAR dataset in memory.
 * @example
 * const d = generate({ users: 2000, seed: 1 });
 * console.log(d.tables.rating.length, d.tests.test2.user.length);
 */
export function generate(config: CtarConfigInput = {}, options: GenerateOptions = {}): Dataset {
  const c = parseCtarConfig(config);
  return generateDataset(c, resolveCatalog(c), options);
}

/**
 * Writes a dataset to `dir` in the CTAR layout, as one transaction (src/io/fs/atomic-dir.ts): a
 * non-empty `dir` is replaced only with `force` and only when it is a ctar dataset; the target is
 * locked against a second writer; while it writes, SIGHUP/SIGINT/SIGTERM remove the temporary
 * folder and end the process (129/130/143). Failures are FilesystemErrors (exit code 5) naming the path.
 */
export async function saveDataset(dir: string, dataset: Dataset, options: { force?: boolean; workers?: number } = {}): Promise<DatasetFiles> {
  let files: DatasetFiles = {};
  const inputs = { config: dataset.config, graph: dataset.graph, registry: dataset.registry, modules: [], source: "the library", truth: "basic" as const, record: {} };
  await writeDirAtomically(dir, options.force === true, async (tmp) => {
    files = (await generateInto(tmp, inputs, { workers: options.workers ?? 1, catalog: dataset.catalog })).files;
  });
  return files;
}
