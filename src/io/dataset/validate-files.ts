/**
 * `ctar validate`, the files: every file croissant.json lists exists with its size and SHA-256,
 * every file of the folder is listed, and README.md and croissant.json are byte for byte the
 * card and metadata ctar writes for this folder (so an edit of either, or of the date in one of
 * them, is caught too: the card is checksummed in croissant.json and states the date).
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { ProblemList } from "../../validate/problem-list.js";
import { VERSION } from "../../version.js";
import { CARD_FILE, CROISSANT_FILE, expectedArtifacts } from "./dataset-artifact.js";
import { READ_CAPS, readInputJson, readInputText } from "../fs/input.js";
import { sha256File } from "../fs/sha256-file.js";

/**
 * Every entry of the folder. A dataset holds only regular files and folders: a symbolic link (or
 * any other entry) is a problem even when it points to a file with the right bytes, because the
 * folder would then change when what it points to changes.
 */
function listFiles(dir: string, problems: ProblemList): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        if (e.isSymbolicLink()) problems.add("files", p, "is a symbolic link (a dataset holds only regular files and folders)");
        else if (!e.isFile()) problems.add("files", p, "not a regular file (a dataset holds only regular files and folders)");
        out.push(relative(dir, p).split(sep).join("/"));
      }
    }
  };
  walk(dir);
  return out.sort();
}

interface FileObjectLike {
  contentUrl?: unknown;
  contentSize?: unknown;
  sha256?: unknown;
}

/** Checks the checksums and the two documents; returns the files whose bytes are intact. */
export function validateFiles(dir: string, problems: ProblemList): { notes: string[]; checked: number } {
  const notes: string[] = [];
  const croissantFile = join(dir, CROISSANT_FILE);
  if (!existsSync(croissantFile)) {
    problems.add("files", croissantFile, "file not found (it lists every file's SHA-256; without it the checksums cannot be checked)");
    return { notes, checked: 0 };
  }
  let doc: { datePublished?: unknown; distribution?: unknown; name?: unknown };
  try {
    doc = readInputJson(croissantFile, READ_CAPS.manifest, "croissant.json") as typeof doc;
  } catch (e) {
    problems.add("files", croissantFile, e instanceof Error ? e.message.replace(`${croissantFile}: `, "") : String(e));
    return { notes, checked: 0 };
  }
  const before = problems.total;
  const listed = new Set<string>([CROISSANT_FILE]);
  let checked = 0;
  const dist = Array.isArray(doc.distribution) ? (doc.distribution as FileObjectLike[]) : [];
  if (dist.length === 0) problems.add("files", croissantFile, "no distribution (expected one FileObject per file)");
  for (const fo of dist) {
    const path = typeof fo.contentUrl === "string" ? fo.contentUrl : undefined;
    if (path === undefined || path.startsWith("/") || path.split("/").includes("..")) {
      problems.add("files", croissantFile, `a FileObject has no relative contentUrl (got ${JSON.stringify(fo.contentUrl)})`);
      continue;
    }
    listed.add(path);
    const file = join(dir, path);
    if (!existsSync(file)) {
      problems.add("files", file, "file not found (listed in croissant.json)");
      continue;
    }
    const st = statSync(file);
    if (!st.isFile()) continue; // a FIFO or device: reported by listFiles, never read
    const size = st.size;
    if (fo.contentSize !== `${size} B`) problems.add("files", file, `size ${size} B, croissant.json says ${String(fo.contentSize)}`);
    const sha = sha256File(file);
    if (sha !== fo.sha256) problems.add("files", file, `SHA-256 ${sha} differs from croissant.json's ${String(fo.sha256)}`);
    else checked++;
  }
  for (const f of listFiles(dir, problems)) if (!listed.has(f)) problems.add("files", join(dir, f), "not listed in croissant.json");
  const date = typeof doc.datePublished === "string" && /^\d{4}-\d{2}-\d{2}$/.test(doc.datePublished) ? doc.datePublished : undefined;
  if (date === undefined) {
    problems.add("files", croissantFile, `datePublished is not a YYYY-MM-DD date (got ${JSON.stringify(doc.datePublished)})`);
    return { notes, checked };
  }
  const version = readVersion(dir);
  if (version !== VERSION) {
    notes.push(`README.md and croissant.json not compared with what ctar ${VERSION} writes: the folder was written by ctar ${version}`);
    return { notes, checked };
  }
  let expected: { card: string; croissant: string };
  try {
    expected = expectedArtifacts(dir, date);
  } catch (e) {
    // a message that names its own file (a table that cannot be read) keeps it; others are config.json's
    const text = e instanceof Error ? e.message : String(e);
    const own = /^(\S+): (.*)$/s.exec(text);
    if (own !== null && own[1]!.startsWith(dir)) problems.add("files", own[1]!, own[2]!);
    else problems.add("files", join(dir, "config.json"), text);
    return { notes, checked };
  }
  compareText(problems, join(dir, CARD_FILE), expected.card, "the dataset card ctar writes for this folder");
  // a file whose checksum failed changes the expected croissant.json too: say it once
  if (problems.total === before) compareText(problems, croissantFile, expected.croissant, "the croissant.json ctar writes for this folder");
  return { notes, checked };
}

function readVersion(dir: string): string {
  try {
    return String((readInputJson(join(dir, "config.json"), READ_CAPS.datasetConfig, "the dataset's config.json") as { version?: unknown }).version);
  } catch {
    return "unknown";
  }
}

/** Compares a file with its expected text, naming the first line that differs. */
function compareText(problems: ProblemList, file: string, expected: string, what: string): void {
  if (!existsSync(file)) return; // reported as missing already
  let got: string;
  try {
    got = readInputText(file, READ_CAPS.datasetConfig, what);
  } catch (e) {
    problems.add("files", file, e instanceof Error ? e.message.replace(`${file}: `, "") : String(e));
    return;
  }
  if (got === expected) return;
  const a = got.split("\n");
  const b = expected.split("\n");
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  problems.add("files", `${file}:${i + 1}`, `differs from ${what} (got ${JSON.stringify((a[i] ?? "<end of file>").slice(0, 60))}, expected ${JSON.stringify((b[i] ?? "<end of file>").slice(0, 60))})`);
}
