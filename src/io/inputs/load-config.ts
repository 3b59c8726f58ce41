/** Reads a configuration file (JSON, or YAML by extension .yaml/.yml) into a plain object. */
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { ConfigError } from "../../errors/errors.js";
import { READ_CAPS, readBoundedText } from "../fs/bounded-read.js";

export function readConfigFile(file: string): unknown {
  const text = readBoundedText(file, READ_CAPS.config, "a configuration file (JSON or YAML)", ConfigError);
  const ext = extname(file).toLowerCase();
  const format = ext === ".yaml" || ext === ".yml" ? "YAML" : "JSON";
  let v: unknown;
  try {
    v = format === "YAML" ? parseYaml(text, { maxAliasCount: 100 }) : JSON.parse(text);
  } catch (e) {
    const reason = (e as Error).message.split("\n")[0]!.replace(/:$/, "");
    throw new ConfigError(`${file}: not valid ${format} (${reason})`);
  }
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    const got = v === null ? "null" : Array.isArray(v) ? "a list" : `a ${typeof v}`;
    throw new ConfigError(`${file}: a configuration must be an object of options at the top level (got ${got}; e.g. { "users": 1000 })`);
  }
  return v;
}
