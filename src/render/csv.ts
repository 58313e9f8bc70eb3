import { formatNumber } from "../core/format.js";
import type { ScheduleResult } from "../core/resultSchema.js";
import { phaseOf, warningsOfPhase } from "./phases.js";
import { formatVials } from "./quantities.js";

/** A cell: text is checked for formula injection, numbers are written plainly, null is empty. */
export type Cell = string | number | null;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads "×" and "é" as UTF-8, not as ANSI. */
  readonly bom?: boolean | undefined;
}

const BOM = "\uFEFF";

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula; a leading
 * apostrophe makes it text (OWASP CSV injection). Applied to text cells only, never to numbers
 * (a guarded "-5" would stop being a number).
 *
 * @example
 * neutraliseFormula("=HYPERLINK(…)") //=> "'=HYPERLINK(…)"
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * One RFC 4180 field: quoted when it holds a quote, comma, CR or LF; quotes doubled. Also quoted: a
 * `;` (a spreadsheet in a decimal-comma locale splits fields there, and `a;=1+1` would run as a
 * formula: OWASP CSV injection) and space at either end (which `batch clinic.csv` would trim), so the
 * tool's own reader reads back every field as written.
 */
function quote(text: string): string {
  return /[",;\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `.` decimals, at most 3 places, no trailing zeros (ISMP: "1.0" is misread as "10"). */
const number = (n: number) => formatNumber(n, 3);

/**
 * One record with its CRLF. A record of one empty field is written `""`: a bare empty line would
 * read back as no record at all.
 */
function record(fields: readonly string[]): string {
  return `${fields.length === 1 && fields[0] === "" ? '""' : fields.map(quote).join(",")}\r\n`;
}

/**
 * Raw RFC 4180 writer, no formula guard (for rows already made safe): CRLF after every record,
 * numbers as `formatNumber(n, 3)`. `parse(toCsv(rows))` gives the rows back (numbers as text).
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((row) => record(row.map((c) => (typeof c === "number" ? number(c) : c)))).join("");
}

/** Formats rows of cells as CSV records, with the formula guard on text cells; null is empty. */
export function csvRecords(rows: readonly (readonly Cell[])[]): string {
  return rows
    .map((row) => record(row.map((c) => (c === null ? "" : typeof c === "number" ? number(c) : neutraliseFormula(c)))))
    .join("");
}

/** Header names: the JSON field names, so a script can read either output with the same keys. */
export const CSV_COLUMNS = [
  "course",
  "date",
  "weekday",
  "day",
  "daysInCourse",
  "doseG",
  "doseGPerKg",
  "volumeMl",
  "durationMinutes",
  "sites",
  "volumePerSiteMl",
  "vials",
  "dispensedG",
  "wasteG",
  "route",
  "product",
  "infusionKind",
  "plannedDate",
  "movedBecause",
  "dosingWeightKg",
  "warnings",
  "phase",
] as const;

/** The cells of every infusion of a result, in `CSV_COLUMNS` order. */
export function csvRows(r: ScheduleResult): Cell[][] {
  // A plan's row lists its own phase's codes (and those of every phase).
  const codes = (phase: number | undefined) =>
    warningsOfPhase(r, phase)
      .map((w) => w.code)
      .join(" ");
  return r.infusions.map((i) => csvRow(r, i, codes(i.phase)));
}

/** One infusion's cells; a treatment plan's infusion takes its route and product from its phase. */
function csvRow(r: ScheduleResult, i: ScheduleResult["infusions"][number], warnings: string): Cell[] {
  const phase = phaseOf(r, i);
  return [
    i.course,
    i.date,
    i.weekday,
    i.day,
    i.daysInCourse,
    i.doseG,
    i.doseGPerKg,
    i.volumeMl,
    i.durationMinutes,
    i.sites ?? null,
    i.volumePerSiteMl ?? null,
    formatVials(i.vials, " x "), // ASCII "x": Excel without the BOM misreads "×"
    i.dispensedG,
    i.wasteG,
    phase?.route ?? r.regimen.route,
    phase?.product ?? r.regimen.product,
    i.infusionKind,
    i.plannedDate ?? null,
    i.movedBecause ?? null,
    r.patient.dosingWeightKg,
    warnings,
    i.phase ?? null,
  ];
}

/**
 * `--format csv`: a header, then one row per infusion; RFC 4180 (CRLF, quoting), numbers with `.`
 * decimals and no trailing zeros, ISO dates, formula guard on text cells. Deterministic.
 */
export function renderCsv(r: ScheduleResult, options: CsvOptions = {}): string {
  return (options.bom ? BOM : "") + csvRecords([[...CSV_COLUMNS], ...csvRows(r)]);
}
