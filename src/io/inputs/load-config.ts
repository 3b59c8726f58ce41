/** Reads a configuration file (JSON, or YAML by extension .yaml/.yml) into a plain object. */
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { ConfigError } from "../../errors/errors.js";
import { READ_CAPS, readBoundedText } from "../fs/bounded-read.js";

export function readConfigFile(file: string): unknown {
  const text = readBoundedText(file, READ_CAPS.config, "a configuration file (JSON or YAML)", ConfigError);
  const ext = extname(file).toLowerCase();
  try {
    const v: unknown = ext === ".yaml" || ext === ".yml" ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
    if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error("expected an object of options at the top level");
    return v;
  } catch (e) {
    const reason = (e as Error).message.split("\n")[0]!.replace(/:$/, "");
    throw new ConfigError(`${file}: not valid ${ext === ".yaml" || ext === ".yml" ? "YAML" : "JSON"} (${reason})`);
  }
}
