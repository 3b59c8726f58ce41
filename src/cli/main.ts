#!/usr/bin/env node
/**
 * Entry point of the `ctar` command: turns user errors (CtarError) into one message on stderr and
 * a non-zero exit, with no stack trace; anything else is a bug and is reported as such.
 */
import { CommanderError } from "commander";
import { CtarError } from "../errors/errors.js";
import { buildProgram } from "./program.js";

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof CtarError) {
      process.stderr.write(`ctar: ${e.message}\n`);
      return e.exitCode;
    }
    throw e;
  }
}

// A reader that stops early (`ctar stats DIR | head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`ctar: internal error (please report): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 70;
  },
);
