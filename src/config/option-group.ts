/**
 * A group of configuration options: the schema of each config key and its flag and help text. A
 * mechanism group takes its fields from a mechanism's parameter schema (config key = parameter
 * name) and names the CTAR graph node they parameterise; a run group has its own fields.
 */
import type { z } from "zod";

/** What an option adds to its schema: the flag (without "--") and one line of help. */
export interface OptionText {
  readonly flag: string;
  readonly help: string;
}

export interface OptionGroup<F extends z.ZodRawShape = z.ZodRawShape> {
  readonly fields: F;
  readonly text: { readonly [K in keyof F]: OptionText };
  /** The CTAR graph node whose mechanism parameters these are (mechanism groups only). */
  readonly node?: string;
  /** The mechanism's whole parameter schema, with its rules across fields (mechanism groups only). */
  readonly params?: z.ZodType;
}

export function runGroup<F extends z.ZodRawShape>(fields: F, text: { readonly [K in keyof F]: OptionText }): OptionGroup<F> {
  return { fields, text };
}

/** The options of `node`'s parameters named in `text`, each field picked from the mechanism's schema. */
export function mechanismGroup<S extends z.ZodRawShape, K extends keyof S & string>(
  node: string,
  params: z.ZodObject<S>,
  text: { readonly [P in K]: OptionText },
): OptionGroup<Pick<S, K>> & { readonly node: string; readonly params: z.ZodType } {
  const fields = {} as Pick<S, K>;
  for (const key of Object.keys(text) as K[]) {
    const field = params.shape[key];
    if (field === undefined) throw new Error(`option table: node ${node} has no parameter '${key}'`);
    fields[key] = field;
  }
  return { fields, text, node, params };
}
