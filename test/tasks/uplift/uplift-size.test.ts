/** The uplift task refuses a world past the pairs it holds, before reading any table of pairs. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { InputError } from "../../../src/errors/errors.js";
import { UPLIFT_MAX_PAIRS, checkUpliftSize } from "../../../src/tasks/uplift/uplift-data.js";

test("checkUpliftSize: up to UPLIFT_MAX_PAIRS pairs pass; one user more is an InputError naming the size and a smaller one", () => {
  const movies = 1000;
  const users = Math.floor(UPLIFT_MAX_PAIRS / movies);
  assert.doesNotThrow(() => checkUpliftSize("T/sizes.csv:2", users, movies));
  assert.throws(
    () => checkUpliftSize("T/sizes.csv:2", users + 1, movies),
    (e: unknown) => e instanceof InputError && e.message === `T/sizes.csv:2: ${users + 1} users × 1000 movies is more than the ${UPLIFT_MAX_PAIRS} pairs the uplift task holds (one byte of truth per pair); use a smaller world (e.g. --users ${users})`,
  );
});
