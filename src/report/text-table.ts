/** A plain-text table: columns padded to their widest cell, the last column left ragged. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = (s: string): number => [...s].length;
  const widths = header.map((h, c) => Math.max(width(h), ...rows.map((r) => width(r[c] ?? ""))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (c === cells.length - 1 ? cell : cell + " ".repeat(widths[c]! - width(cell))))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w, c) => "─".repeat(c === widths.length - 1 ? Math.min(w, 40) : w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}
