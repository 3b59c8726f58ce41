/**
 * Hostile numbers for the generator's options: every numeric option of CTAR_OPTIONS given text
 * that JavaScript's Number() would turn into a number it was never meant to be — hexadecimal (0x10
 * is 16), "NaN", the empty string (Number("") is 0), "Infinity" and an exponent past the double
 * range (−1e999). Each is refused before any work, naming the option. Every option shares one
 * parser (cli/config-options.ts), so the whole option × text matrix is checked in process against
 * the message the command prints, and each text once through the command itself (a different
 * option each time), where the rules of harness.ts apply: one line, exit 2, nothing written. The
 * other commands' numbers are in options.test.ts.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { configFromOptions } from "../../src/cli/config-options.js";
import { CTAR_OPTIONS } from "../../src/config/ctar-config.js";
import { ConfigError } from "../../src/errors/errors.js";
import { expectFailure } from "./harness.js";
import { scratch } from "./fixtures.js";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const numeric = CTAR_OPTIONS.filter((o) => o.kind !== "string");
const NOT_NUMBERS = ["0x10", "NaN", "", "Infinity", "-1e999"];
const message = (flag: string, v: string) => new RegExp(`^--${esc(flag)}: expected a number \\(got '${esc(v)}'\\)`);
/** commander's key for a flag (--rating-rate → ratingRate). */
const key = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

describe("generator options: text that is not a decimal number (every option, in process)", () => {
  for (const o of numeric) {
    it(`--${o.flag}: ${NOT_NUMBERS.map((v) => `'${v}'`).join(", ")}`, () => {
      for (const v of NOT_NUMBERS) {
        assert.throws(
          () => configFromOptions({ [key(o.flag)]: v }),
          (e: unknown) => e instanceof ConfigError && message(o.flag, v).test(e.message),
          `--${o.flag} '${v}'`,
        );
      }
    });
  }
});

describe("generator options: text that is not a decimal number (generate)", { concurrency: 5 }, () => {
  NOT_NUMBERS.forEach((v, i) => {
    const o = numeric[(i * 7) % numeric.length]!;
    it(`--${o.flag} '${v}'`, async () => {
      const out = join(scratch(), "out");
      await expectFailure({ args: ["generate", "--out", out, `--${o.flag}`, v], code: 2, match: new RegExp(`^ctar: ${message(o.flag, v).source.slice(1)}`), absent: [out], clean: [join(out, "..")] });
    });
  });
});
