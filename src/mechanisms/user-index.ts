/** U: the user, identified by its index 0..users-1 (fully observed). */
import { z } from "zod";
import { defineMechanism } from "./mechanism.js";

export const userIndex = defineMechanism({
  kind: "user-index",
  value: "user-index",
  deterministic: true,
  description: "the user's index",
  plates: ["user"],
  params: z.object({}).strict(),
  setup: () => ({ forUser: (ctx) => ctx.user }),
});
