// Results as a plain-text table on the console, columns as wide as their widest cell.

/**
 * Prints a header and rows, two spaces between columns. The first column is aligned left, the
 * figures right; with `alignLeft`, every column left.
 */
export function printTable(header: string[], rows: string[][], alignLeft = false): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || alignLeft ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
