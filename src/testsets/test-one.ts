/**
 * Test I (docs/test-sets.md#test-i): every liked tag that the observational tags left unlabelled
 * (O*'s dropped tags), once per (user, tag), label 1; by default minus the user's known training
 * labels K_u (the released files leak them), kept under `compat: reference`. Computed per user
 * while the users are generated (user-labels.ts calls `inTestOne` as it walks the dropped tags).
 */
import { type LabelSet, labelSetOf } from "../labels/label-set.js";
import { DROPPED, KNOWN } from "./tag-flags.js";

/** Does a dropped tag with these flags (tag-flags.ts, before this drop) enter the user's Test I? */
export function inTestOne(flags: number, reference: boolean): boolean {
  return (flags & DROPPED) === 0 && (reference || (flags & KNOWN) === 0);
}

/** Test I as a LabelSet: the (user, tag) rows in generation order, every label 1. */
export function testOneSet(user: readonly number[], tag: readonly number[]): LabelSet {
  return labelSetOf(user, tag, user.map(() => 1));
}
