/**
 * The rule of a parameter range [min, max] (TU's number of liked tags, R's rating scale): min ≤ max.
 * Reported on `min` with both values, so a config file or flag names the option that set it.
 */
import type { z } from "zod";

export function minNotAboveMax(payload: z.core.ParsePayload<{ min: number; max: number }>): void {
  const { min, max } = payload.value;
  if (min > max) payload.issues.push({ code: "custom", path: ["min"], message: `${min} exceeds max = ${max}`, input: payload.value });
}
