/**
 * Fits the pharmacist's table to a terminal's width: long notes, warnings, fields and sources wrap at
 * spaces with a hanging indent; the infusion table wraps its last column (the vials) in place, or
 * moves the columns that do not fit to a continuation line under the date. A word, a number or a
 * cell is never cut; a URL longer than the line breaks after a '/'. Pure: the width is a parameter.
 */

const SGR = /\u001b\[[0-9;]*m/g;
/** The columns a line takes on a terminal (colour codes take none). */
export const visible = (text: string) => text.replace(SGR, "").length;

/** The hanging indent of a wrapped line: field values, message text, or 2 more than the line's own. */
function hangingIndent(plain: string, inSummary: boolean): number {
  // A message, also as compare lists it with the regimens it concerns ("! CODE [1, 2]: …").
  if (/^ {2}[!i] [A-Z0-9_]+( \[[^\]]*\])?: /.test(plain)) return 4;
  if (inSummary && /^ {2}\S.{14}/.test(plain)) return 17;
  return (/^ */.exec(plain)?.[0].length ?? 0) + 2;
}

/** Pieces of a word too long for `room` (not a URL): after a '/', '-', '?', '&' or '=' that fits, else at `room`. */
function breakWord(word: string, room: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (visible(rest) > room) {
    const head = rest.slice(0, room);
    const cut = Math.max(...["/", "-", "?", "&", "="].map((c) => head.lastIndexOf(c))) + 1;
    const at = cut > room / 3 ? cut : room;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  return [...pieces, rest];
}

/** A number keeps its unit on the same line: "0.4 g/kg/week", "9 sites", "5 %" wrap as one word. */
function glueUnits(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const previous = out.at(-1);
    if (previous !== undefined && /\d$/.test(previous) && /^(%|[a-zA-Zµ][\w/µ]{0,11}[,;:.)]?$)/.test(word)) {
      out[out.length - 1] = `${previous} ${word}`;
    } else {
      out.push(word);
    }
  }
  return out;
}

/**
 * One line word-wrapped to `width`, continuation lines indented by `indent` (a field's value column,
 * a message's text): for the prose of other commands' tables (explain, compare, forecast).
 */
export function wrapLine(line: string, width: number, indent: number): string[] {
  if (visible(line) <= width) return [line];
  const lead = /^ */.exec(line)![0];
  const words = glueUnits(line.slice(lead.length).split(" "));
  const out: string[] = [];
  let current = lead;
  let fresh = true;
  const pad = " ".repeat(indent);
  for (const word of words) {
    const candidate = fresh ? current + word : `${current} ${word}`;
    if (visible(candidate) <= width || (fresh && visible(word) <= width - visible(current))) {
      current = candidate;
      fresh = false;
      continue;
    }
    if (!fresh) out.push(current);
    const room = width - indent;
    // A URL is never broken (it could not be clicked or copied): it gets a line of its own, which the
    // terminal may wrap softly.
    const isUrl = /^\w+:\/\//.test(word.replace(SGR, ""));
    const pieces = visible(word) > room && !isUrl ? breakWord(word, room) : [word];
    for (const piece of pieces.slice(0, -1)) out.push(pad + piece);
    current = pad + pieces.at(-1)!;
    fresh = false;
  }
  out.push(current);
  return out;
}

/** Starts of the table's columns: where every row has two or more spaces before the next text. */
function columnStarts(rows: readonly string[]): number[] {
  const length = Math.max(...rows.map((r) => r.length));
  const blank = (i: number) => rows.every((r) => i >= r.length || r[i] === " ");
  const starts = [0];
  for (let i = 1; i < length; i++) if (blank(i - 1) && blank(i - 2) && !blank(i)) starts.push(i);
  return starts;
}

/** A whole-line style (the header's bold, a total row's dim): its codes, and the plain text. */
function unstyle(line: string): { open: string; text: string; close: string } {
  const m = /^(\u001b\[\d+m)([^\u001b]*)(\u001b\[\d+m)$/.exec(line);
  return m ? { open: m[1]!, text: m[2]!, close: m[3]! } : { open: "", text: line.replace(SGR, ""), close: "" };
}

/** The vials cell wrapped to `room`: breaks before a '+' or '(' so no count or size is cut. */
function wrapCell(cell: string, room: number): string[] {
  const out: string[] = [];
  for (const token of cell.split(/ (?=[+(])/)) {
    const last = out.at(-1);
    if (last !== undefined && last.length + 1 + token.length <= room) out[out.length - 1] = `${last} ${token}`;
    else out.push(token);
  }
  return out;
}

/**
 * Column segments for one table: [first, end) column ranges, each on its own line (the first at
 * column 0, the others under the date), the last segment's last column wrapped in place if needed.
 */
function segments(starts: readonly number[], rows: readonly string[], width: number): [number, number][] {
  const n = starts.length;
  const end = (a: number, b: number) =>
    Math.max(...rows.map((r) => r.slice(starts[a], b < n ? starts[b] : undefined).trimEnd().length));
  const indent = starts[1] ?? 0;
  const out: [number, number][] = [];
  let a = 0;
  while (a < n) {
    const base = a === 0 ? 0 : indent;
    let b = a + 1;
    while (b < n && base + end(a, b + 1) <= width) b++;
    // The last column may wrap in place when a vial term or two fit beside the others.
    if (b === n - 1 && base + starts[n - 1]! - starts[a]! + 16 <= width) b = n;
    out.push([a, b]);
    a = b;
  }
  return out;
}

/** The infusion table fitted to `width`; unchanged when it already fits. */
function fitTable(lines: readonly string[], width: number): string[] {
  const parts = lines.map(unstyle);
  const rows = parts.map((p) => p.text).filter((t) => t !== "");
  if (Math.max(...rows.map((r) => r.length)) <= width) return [...lines];
  const starts = columnStarts(rows);
  const plan = segments(starts, rows, width);
  const indent = starts[1] ?? 0;
  const out: string[] = [];
  for (const { open, text, close } of parts) {
    if (text === "") {
      out.push("");
      continue;
    }
    for (const [a, b] of plan) {
      const base = a === 0 ? 0 : indent;
      const lastStart = starts[b - 1]! - starts[a]! + base;
      const head = " ".repeat(base) + text.slice(starts[a], starts[b - 1]);
      const cell =
        b === starts.length ? text.slice(starts[b - 1]).trimEnd() : text.slice(starts[b - 1], starts[b]).trimEnd();
      const pieces = b === starts.length ? wrapCell(cell, width - lastStart) : [cell];
      const first = `${head}${pieces[0]}`.trimEnd();
      if (first.trim() === "") continue;
      out.push(open + first + close);
      for (const piece of pieces.slice(1)) out.push(open + " ".repeat(lastStart) + piece + close);
    }
  }
  return out;
}

const TABLE_HEADER = /^(Course|No\.) {2,}Date /;

/**
 * The rendered table's lines fitted to `width` columns. Lines up to the first blank line are the
 * labelled fields; the infusion table runs from its header to the first line not indented.
 */
export function fitToWidth(lines: readonly string[], width: number): string[] {
  const out: string[] = [];
  let summary = true;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (TABLE_HEADER.test(unstyle(line).text)) {
      let end = k + 1;
      while (end < lines.length && (lines[end] === "" || /^( |\u001b\[2m )/.test(lines[end]!))) end++;
      while (end > k + 1 && lines[end - 1] === "") end--;
      out.push(...fitTable(lines.slice(k, end), width));
      k = end - 1;
      continue;
    }
    if (line === "") summary = false;
    out.push(...wrapLine(line, width, hangingIndent(line.replace(SGR, ""), summary)));
  }
  return out;
}

/**
 * Lines of prose (messages, sources, one-line descriptions) fitted to `width`, each with its hanging
 * indent; for the parts of compare and forecast tables that are not figure grids.
 */
export function wrapProse(lines: readonly string[], width: number): string[] {
  return lines.flatMap((line) => wrapLine(line, width, hangingIndent(line.replace(SGR, ""), false)));
}
