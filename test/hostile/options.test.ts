/**
 * Hostile numbers for every other numeric option: the generator's whole-number options given a
 * negative, a 20-digit and a fractional value (refused in the schema's words); the numeric
 * options of bench, ope, verify, generate (--workers, --replicates) and graph validate given
 * hexadecimal, "NaN", the empty string, a negative, 1e999 and 20 digits; --shard I/N that is not
 * two whole numbers with I < N; card --date that is not a calendar date; explore --port outside
 * 0..65535 or not decimal (0x50 was port 80, '' any free port). Each is refused before any work:
 * one line naming the option, exit 2, nothing written.
 */
import { join } from "node:path";
import { describe, it } from "node:test";
import { CTAR_OPTIONS } from "../../src/config/ctar-config.js";
import { expectFailure } from "./harness.js";
import { scratch } from "./fixtures.js";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const numeric = CTAR_OPTIONS.filter((o) => o.kind !== "string");

// [value, what the schema says]: the number is read, then refused in the schema's words, naming the option
const WHOLE: Array<[string, string]> = [
  ["-1", "Too small: expected number to be >="],
  ["99999999999999999999", "Too big: expected int to be <=9007199254740991"],
  ["2.5", "expected a whole number"],
];

describe("whole-number generator options: negative, 20 digits, a fraction (generate)", { concurrency: 8 }, () => {
  for (const o of numeric.filter((x) => x.kind === "int")) {
    for (const [v, says] of WHOLE) {
      it(`--${o.flag} ${v}`, async () => {
        const out = join(scratch(), "out");
        await expectFailure({ args: ["generate", "--out", out, `--${o.flag}=${v}`], code: 2, match: new RegExp(`^ctar: options: option \\S+ \\(--${esc(o.flag)}\\): ${esc(says)}`), absent: [out], clean: [join(out, "..")] });
      });
    }
  }
});

/** The numeric options of the other commands (the dataset named need not exist: options are checked first). */
const COMMAND_OPTIONS: Array<[string, (v: string) => string[], string]> = [
  ["bench --runs", (v) => ["bench", "x", `--runs=${v}`], "--runs"],
  ["bench --epochs", (v) => ["bench", "x", `--epochs=${v}`], "--epochs"],
  ["bench --seed", (v) => ["bench", "x", `--seed=${v}`], "--seed"],
  ["bench --workers", (v) => ["bench", "x", `--workers=${v}`], "--workers"],
  ["ope --k", (v) => ["ope", "x", "--policy", "random", `--k=${v}`], "--k"],
  ["ope --policy-seed", (v) => ["ope", "x", "--policy", "random", `--policy-seed=${v}`], "--policy-seed"],
  ["verify --alpha", (v) => ["verify", `--alpha=${v}`], "--alpha"],
  ["generate --workers", (v) => ["generate", "--out", "OUT", `--workers=${v}`], "--workers"],
  ["generate --replicates", (v) => ["generate", "--out", "OUT", `--replicates=${v}`], "--replicates"],
  ["graph validate --users", (v) => ["graph", "validate", `--users=${v}`], "--users"],
  ["graph validate --movies", (v) => ["graph", "validate", `--movies=${v}`], "--movies"],
];
const BAD = ["0x10", "NaN", "", "-1", "1e999", "99999999999999999999"];

describe("numeric options of the other commands", { concurrency: 8 }, () => {
  for (const [name, args, flag] of COMMAND_OPTIONS) {
    for (const v of BAD) {
      it(`${name} '${v}'`, async () => {
        const out = join(scratch(), "out");
        await expectFailure({ args: args(v).map((a) => (a === "OUT" ? out : a)), code: 2, match: new RegExp(`^ctar: ((options|flags): option \\S+ \\()?${esc(flag)}\\)?: `), absent: [out], clean: [join(out, "..")] });
      });
    }
  }
});

const SHARDS = ["0x1/2", "1/0", "-1/2", "2/2", "NaN/2", "1/2/3", "/2", "1.5/2", "auto/0x4"];

describe("generate --shard I/N that is not two whole numbers, I < N", { concurrency: 8 }, () => {
  for (const v of SHARDS) {
    it(`--shard ${v}`, async () => {
      const out = join(scratch(), "out");
      await expectFailure({ args: ["generate", "--out", out, `--shard=${v}`], code: 2, match: /^ctar: --shard( \S+)?: /, absent: [out], clean: [join(out, "..")] });
    });
  }
});

const DATES = ["2021-13-01", "2021-00-10", "2021-04-31", "2021-1-1", "", "20210101", "2021-02-29T00:00", "99999-01-01"];

describe("card --date that is not a calendar date YYYY-MM-DD", { concurrency: 8 }, () => {
  for (const v of DATES) {
    it(`--date '${v}'`, async () => {
      await expectFailure({ args: ["card", "x", `--date=${v}`], code: 2, match: new RegExp(`^ctar: --date: expected a date YYYY-MM-DD \\(got '${esc(v)}'\\)`) });
    });
  }
});

const PORTS = ["0x50", "NaN", "", "-1", "65536", "1e999", "80.5"];

describe("explore --port outside 0..65535", { concurrency: 8 }, () => {
  for (const v of PORTS) {
    it(`--port '${v}'`, async () => {
      await expectFailure({ args: ["explore", `--port=${v}`], code: 2, match: /^ctar: --port: /, options: { timeoutMs: 60_000 } });
    });
  }
});
