/**
 * The two things the graph's text forms need of a file name — its extension (which form to parse)
 * and its base name (a DAGitty graph's name) — without `node:path`, so that the core runs in a
 * browser too. Both separators count, as a name typed on Windows or read from a URL may use either.
 */

/** The last path segment of `name` ("a/b/g.yaml" → "g.yaml"; trailing separators ignored). */
function lastSegment(name: string): string {
  const trimmed = name.replace(/[/\\]+$/, "");
  const cut = Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\"));
  return trimmed.slice(cut + 1);
}

/** The extension with its dot (".yaml"), or "" — as path.extname: a leading dot is no extension. */
export function fileExtension(name: string): string {
  const base = lastSegment(name);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot);
}

/** The last segment without its extension ("dir/my-graph.dag" → "my-graph"). */
export function fileStem(name: string): string {
  const base = lastSegment(name);
  const ext = fileExtension(base);
  return ext === "" ? base : base.slice(0, base.length - ext.length);
}

/** `dir` and names joined by "/" (a trailing separator of `dir` not doubled), for messages naming a file. */
export function joinFileName(dir: string, ...names: string[]): string {
  const head = dir.replace(/[/\\]+$/, "");
  if (dir !== "" && head === "") return `/${names.join("/")}`; // the root
  return [...(head === "" ? [] : [head]), ...names].join("/");
}
