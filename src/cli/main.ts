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
      if (u.message !== "") process.stderr.write(`ctar: ${printable(u.message)}\n`);
      return u.code;
    }
    const err = isFsError(e) ? fsError(e) : e;
    if (err instanceof CtarError) {
      process.stderr.write(`ctar: ${printable(err.message)}\n`);
      return err.exitCode;
    }
    throw e;
  }
}

/** The longest line of a message shown whole; a longer one (a file's binary content quoted) is cut. */
const LINE_LIMIT = 400;

/**
 * A message as the terminal may show it: messages quote what the user gave (a field, a file's
 * first bytes), which may be binary. Control characters become \xHH escapes (a newline is kept:
 * problem lists are indented lines), and an over-long line is cut with a count of what was left out.
 */
function printable(message: string): string {
  return message
    .split("\n")
    .map((line) => {
      // eslint-disable-next-line no-control-regex
      const safe = line.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
      return safe.length <= LINE_LIMIT ? safe : `${safe.slice(0, LINE_LIMIT)}… (${safe.length - LINE_LIMIT} more characters)`;
    })
    .join("\n");
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
