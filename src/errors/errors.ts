/**
 * The project's error classes. Every user-facing failure is one of these, with a message of the
 * form `where: what was wrong (got X, expected Y)`. The CLI prints `message` alone (no stack) and
 * exits non-zero; anything else that escapes is a bug and keeps its stack.
 */
export class CtarError extends Error {
  /** Process exit code the CLI uses for this class of error. */
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** An impossible or malformed configuration (an option, a config file, a flag). */
export class ConfigError extends CtarError {
  override readonly exitCode = 2;
}

/** Malformed input data: a catalog CSV, a dataset folder, a policy file. */
export class InputError extends CtarError {
  override readonly exitCode = 3;
}

/** An invalid m-graph, or a mechanism that breaks the graph's contract. */
export class GraphError extends CtarError {
  override readonly exitCode = 4;
}

/** A generation stage that cannot finish as asked (e.g. a test-set quota that cannot be met). */
export class GenerationError extends CtarError {
  override readonly exitCode = 5;
}
