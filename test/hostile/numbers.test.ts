/**
 * Hostile numbers for the generator's options: every numeric option of CTAR_OPTIONS given text
 * that JavaScript's Number() would turn into a number it was never meant to be — hexadecimal (0x10
 * is 16), "NaN", the empty string (Number("") is 0), "Infinity" and an exponent past the double
 * range (−1e999). Each is refused before any work: one line naming the option, exit 2, nothing
 * written. The other commands' numbers are in options.test.ts.
 */
import { join } from "node:path";
import { describe, it } from "node:test";
import { CTAR_OPTIONS } from "../../src/config/ctar-config.js";
import { expectFailure } from "./harness.js";
import { scratch } from "./fixtures.js";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const numeric = CTAR_OPTIONS.filter((o) => o.kind !== "string");
const NOT_NUMBERS = ["0x10", "NaN", "", "Infinity", "-1e999"];

describe("generator options: text that is not a decimal number (generate)", { concurrency: 8 }, () => {
  for (const o of numeric) {
    for (const v of NOT_NUMBERS) {
      it(`--${o.flag} '${v}'`, async () => {
        const out = join(scratch(), "out");
        await expectFailure({ args: ["generate", "--out", out, `--${o.flag}`, v], code: 2, match: new RegExp(`^ctar: --${esc(o.flag)}: expected a number \\(got '${esc(v)}'\\)`), absent: [out], clean: [join(out, "..")] });
      });
    }
  }
});
