#!/usr/bin/env node
/**
 * Entry point of the `ctar` command: turns user errors (CtarError, commander's usage errors, and
 * fs errors that escape a command) into one line on stderr and the exit code of their class (see
 * src/errors/errors.ts, docs/failures.md, "Exit codes"), with no stack trace; anything else is a bug and is
 * reported as such (exit 70).
 */
import { CommanderError } from "commander";
import { CtarError, EXIT } from "../errors/errors.js";
import { fsError, isFsError } from "../io/fs/fs-error.js";
import { helpJson } from "./help-json.js";
import { buildProgram } from "./program.js";
import { interceptUsageErrors, usageMessage } from "./usage-errors.js";

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  interceptUsageErrors(program);
  const listing = helpJson(program, argv);
  if (listing !== undefined) {
    process.stdout.write(`${JSON.stringify(listing, null, 2)}\n`);
    return EXIT.ok;
  }
  try {
    await program.parseAsync(argv, { from: "user" });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      const u = usageMessage(e);
      if (u === undefined) return e.exitCode;
      if (u.message !== "") process.stderr.write(`ctar: ${u.message}\n`);
      return u.code;
    }
    const err = isFsError(e) ? fsError(e) : e;
    if (err instanceof CtarError) {
      process.stderr.write(`ctar: ${err.message}\n`);
      return err.exitCode;
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
    process.exitCode = EXIT.internal;
  },
);
