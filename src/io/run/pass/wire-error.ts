/**
 * Errors across a worker-thread boundary: a ctar error keeps its class (and so its exit code and
 * one-line message); anything else stays an internal error with its stack.
 */
import { ConfigError, CtarError, GenerationError, GraphError, InputError } from "../../../errors/errors.js";

export interface WireError {
  readonly name: string;
  readonly message: string;
  readonly exitCode: number;
  readonly stack?: string;
}

export function errorToWire(e: unknown): WireError {
  if (e instanceof CtarError) return { name: e.name, message: e.message, exitCode: e.exitCode };
  const err = e instanceof Error ? e : new Error(String(e));
  return { name: "Error", message: err.message, exitCode: 70, ...(err.stack === undefined ? {} : { stack: err.stack }) };
}

const CLASSES: Record<string, new (m: string) => CtarError> = { ConfigError, InputError, GraphError, GenerationError };

export function errorFromWire(w: WireError): Error {
  const C = CLASSES[w.name];
  if (C !== undefined) return new C(w.message);
  const e = new Error(w.message);
  if (w.stack !== undefined) e.stack = w.stack;
  return e;
}
