/** Loader hooks for module-log.ts: appends each loaded module's URL to CTAR_MODULE_LOG. */
import { appendFileSync } from "node:fs";

type Next = (url: string, context: unknown) => Promise<unknown>;

export async function load(url: string, context: unknown, next: Next): Promise<unknown> {
  const log = process.env["CTAR_MODULE_LOG"];
  if (log !== undefined) appendFileSync(log, `${url}\n`);
  return next(url, context);
}
