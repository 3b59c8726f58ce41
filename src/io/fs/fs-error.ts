/**
 * Turns the errors Node's fs functions throw (ErrnoException: code, syscall, path) into one
 * FilesystemError line, `PATH: what failed (OS reason, CODE)`, so that a refused write or read is
 * reported like every other user-facing failure rather than as an internal error.
 */
import { type Stats, lstatSync } from "node:fs";
import { FilesystemError } from "../../errors/errors.js";

/** Plain-words reasons for the codes a user can cause; others fall back to Node's text. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EROFS: "read-only file system",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EEXIST: "already exists",
  ENOTDIR: "a path component is not a folder",
  EISDIR: "is a folder",
  EBUSY: "resource busy or in use",
  ENOENT: "no such file or folder",
  ENOTEMPTY: "folder not empty",
  EMFILE: "too many open files",
  ENAMETOOLONG: "name too long",
  ELOOP: "too many symbolic links",
  EXDEV: "not on the same file system",
  EIO: "input/output error",
  EFBIG: "file too large",
};

/** True for an error thrown by a Node fs (or other system) call. */
export function isFsError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === "string" && typeof (e as NodeJS.ErrnoException).syscall === "string";
}

/** The OS reason of an fs error, e.g. "permission denied, EACCES". */
export function fsReason(e: NodeJS.ErrnoException): string {
  const code = e.code ?? "error";
  const words = REASONS[code] ?? e.message.replace(/^[A-Z]+: /, "").split(",")[0] ?? code;
  return `${words}, ${code}`;
}

/**
 * A FilesystemError for `e`. `what` says what failed ("cannot write the file"); `path` defaults to
 * the path the OS call named. Anything that is not an fs error is returned as it is.
 */
export function fsError(e: unknown, what?: string, path?: string): unknown {
  if (!isFsError(e)) return e;
  const where = path ?? e.path ?? (e as { dest?: string }).dest ?? "(unknown path)";
  const verb = what ?? describeSyscall(e.syscall ?? "");
  return new FilesystemError(`${where}: ${verb} (${fsReason(e)})`, { cause: e });
}

function describeSyscall(syscall: string): string {
  switch (syscall) {
    case "open":
    case "write":
    case "close":
      return "cannot write the file";
    case "read":
    case "stat":
    case "lstat":
    case "fstat":
      return "cannot read it";
    case "mkdir":
      return "cannot create the folder";
    case "rename":
      return "cannot rename it";
    case "rmdir":
    case "unlink":
    case "rm":
      return "cannot remove it";
    case "scandir":
      return "cannot list the folder";
    default:
      return `${syscall || "file operation"} failed`;
  }
}

/** lstat of `abs`, or undefined when nothing is there; any other failure is `fsError(e, what, shownAs)`. */
export function lstatIfThere(abs: string, what: string, shownAs: string): Stats | undefined {
  try {
    return lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw fsError(e, what, shownAs);
  }
}
