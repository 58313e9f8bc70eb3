import { plural } from "../core/format.js";
/**
 * Clinic CSV input for `batch clinic.csv`: a header row of the same keys as a JSON line, then one
 * patient per row. One row is one physical line (a quoted cell may hold commas and quotes, not a
 * line break), so line numbers stay the file's. A header without commas but with semicolons (a
 * spreadsheet in a decimal-comma locale) is read with `;`.
 */
export type CsvRow = { readonly cells: string[] } | { readonly error: string };

export function csvDelimiter(header: string): string {
  return !header.includes(",") && header.includes(";") ? ";" : ",";
}

/** One RFC 4180 row on one line. */
export function parseCsvRow(text: string, delimiter: string): CsvRow {
  const cells: string[] = [];
  let k = 0;
  for (;;) {
    if (text[k] === '"') {
      let cell = "";
      k++;
      for (;;) {
        const quote = text.indexOf('"', k);
        if (quote === -1) return { error: "a quoted cell is not closed on this line (a cell cannot span lines)" };
        cell += text.slice(k, quote);
        if (text[quote + 1] === '"') {
          cell += '"';
          k = quote + 2;
          continue;
        }
        k = quote + 1;
        break;
      }
      if (k < text.length && text[k] !== delimiter)
        return { error: `text after a closing quote in cell ${cells.length + 1}` };
      cells.push(cell);
    } else {
      const next = text.indexOf(delimiter, k);
      cells.push(text.slice(k, next === -1 ? text.length : next).trim());
      k = next === -1 ? text.length : next;
    }
    if (k >= text.length) return { cells };
    k++; // the delimiter
  }
}

const ON: Readonly<Record<string, boolean>> = { true: true, yes: true, 1: true, false: false, no: false, 0: false };

/**
 * A row → the same object a JSON line would be: an empty cell is a key not given; an on/off key
 * takes true/false (or yes/no, 1/0); every other cell stays text, checked as the flag's value.
 */
export function csvRecord(
  header: readonly string[],
  cells: readonly string[],
  flagKeys: ReadonlySet<string>,
): Record<string, unknown> | string {
  if (cells.length !== header.length)
    return `the row has ${plural(cells.length, "cell")}; the header has ${header.length}`;
  const record: Record<string, unknown> = {};
  for (const [k, key] of header.entries()) {
    const cell = cells[k]!;
    if (cell === "") continue;
    if (flagKeys.has(key)) {
      const on = ON[cell.toLowerCase()];
      if (on === undefined) return `'${key}' must be true or false; got '${cell}'`;
      record[key] = on;
    } else {
      record[key] = cell;
    }
  }
  return record;
}
