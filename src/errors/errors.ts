/**
 * The project's error classes. Every user-facing failure is one of these, with a message of the
 * form `where: what was wrong (got X, expected Y)`. The CLI prints `ctar: message` alone (no stack)
 * and exits with the class's code; anything else that escapes is a bug (exit 70, with its stack).
 *
 * Exit codes (docs/failures.md, "Exit codes", `ctar --help`):
 *   0 ok · 1 verify rejected · 2 usage or configuration · 3 input data · 4 graph · 5 filesystem · 70 internal
 */
export const EXIT = {
  ok: 0,
  verifyRejected: 1,
  usage: 2,
  input: 3,
  graph: 4,
  filesystem: 5,
  internal: 70,
  /** 128 + the signal number, as shells report a process ended by a signal. */
  sighup: 129,
  sigint: 130,
  sigterm: 143,
} as const;

export class CtarError extends Error {
  /** Process exit code the CLI uses for this class of error. */
  readonly exitCode: number = EXIT.verifyRejected;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** `ctar verify` rejected an implied independence (exit 1): the one failure that is a finding. */
export class VerifyRejectedError extends CtarError {
  override readonly exitCode = EXIT.verifyRejected;
}

/** An impossible or malformed configuration or command line (an option, a config file, a flag). */
export class ConfigError extends CtarError {
  override readonly exitCode = EXIT.usage;
}

/** Malformed input data: a catalog CSV, a dataset folder, a policy file. */
export class InputError extends CtarError {
  override readonly exitCode = EXIT.input;
}

/** An invalid m-graph, or a mechanism that breaks the graph's contract. */
export class GraphError extends CtarError {
  override readonly exitCode = EXIT.graph;
}

/**
 * A generation stage that cannot finish as asked (e.g. a test-set quota that cannot be met). It is
 * the configuration that asks for the impossible, so it exits as a configuration error (2).
 */
export class GenerationError extends CtarError {
  override readonly exitCode = EXIT.usage;
}

/**
 * The operating system refused a file operation ctar needed (no permission, read-only or full
 * disk, a file where a folder was expected, a path another ctar process is writing), exit 5.
 * The message names the path and the OS reason.
 */
export class FilesystemError extends CtarError {
  override readonly exitCode = EXIT.filesystem;
}
