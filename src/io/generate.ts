/**
 * The library's entry point for one dataset: validates a configuration (same keys as the CLI's
 * config file), loads the catalog it names (built-in or a folder) and generates. `saveDataset`
 * writes the result atomically in the CTAR layout.
 */
import type { CtarConfigInput } from "../config/ctar-config.js";
import { parseCtarConfig } from "../config/parse-config.js";
import { type Dataset, type GenerateOptions, generateDataset } from "../generate/generate.js";
import { writeDirAtomically } from "./atomic-dir.js";
import { resolveCatalog } from "./resolve-catalog.js";
import { type DatasetFiles, writeDataset } from "./write-dataset.js";

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
 * Writes a dataset to `dir` in the CTAR layout, as one transaction (src/io/atomic-dir.ts): a
 * non-empty `dir` is replaced only with `force` and only when it is a ctar dataset; the target is
 * locked against a second writer; while it writes, SIGINT/SIGTERM remove the temporary folder and
 * end the process (130/143). Failures are FilesystemErrors (exit code 5) naming the path.
 */
export async function saveDataset(dir: string, dataset: Dataset, options: { force?: boolean } = {}): Promise<DatasetFiles> {
  let files: DatasetFiles = {};
  await writeDirAtomically(dir, options.force === true, (tmp) => {
    files = writeDataset(tmp, dataset);
  });
  return files;
}
