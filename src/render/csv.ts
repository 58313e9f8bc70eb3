import { formatNumber } from "../core/format.js";
import type { ScheduleResult } from "../core/resultSchema.js";
import { formatVials } from "./table.js";

/** A cell: text is checked for formula injection, numbers are written plainly, null is empty. */
export type Cell = string | number | null;

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR) as a formula; a leading
 * apostrophe makes it text (OWASP CSV injection). Applied to text cells only, never to numbers.
 *
 * @example
 * neutraliseFormula("=HYPERLINK(…)") //=> "'=HYPERLINK(…)"
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One RFC 4180 field: quoted when it holds a quote, comma, CR or LF; quotes doubled. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function field(cell: Cell): string {
  if (cell === null) return "";
  return quote(typeof cell === "number" ? formatNumber(cell, 3) : neutraliseFormula(cell));
}

/** Raw RFC 4180 writer (no formula guard), for rows already made safe; CRLF after every record. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(quote).join(",")}\r\n`).join("");
}

export const CSV_COLUMNS = [
  "course",
  "date",
  "weekday",
  "day",
  "daysInCourse",
  "route",
  "product",
  "doseG",
  "doseGPerKg",
  "volumeMl",
  "durationMinutes",
  "sites",
  "volumePerSiteMl",
  "vials",
  "dispensedG",
  "wasteG",
  "infusionKind",
  "plannedDate",
  "movedBecause",
  "dosingWeightKg",
  "warnings",
] as const;

/** The cells of every infusion of a result, in `CSV_COLUMNS` order. */
export function csvRows(r: ScheduleResult): Cell[][] {
  const warnings = r.warnings.map((w) => w.code).join(" ");
  return r.infusions.map((i) => [
    i.course,
    i.date,
    i.weekday,
    i.day,
    i.daysInCourse,
    r.regimen.route,
    r.regimen.product,
    i.doseG,
    i.doseGPerKg,
    i.volumeMl,
    i.durationMinutes,
    i.sites ?? null,
    i.volumePerSiteMl ?? null,
    formatVials(i.vials, " x "),
    i.dispensedG,
    i.wasteG,
    i.infusionKind,
    i.plannedDate ?? null,
    i.movedBecause ?? null,
    r.patient.dosingWeightKg,
    warnings,
  ]);
}

/** Formats rows of cells as CSV records (formula guard on text cells). */
export function csvRecords(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => `${row.map(field).join(",")}\r\n`).join("");
}

/**
 * `--format csv`: a header, then one row per infusion; RFC 4180 (CRLF, quoting), numbers with `.`
 * decimals and no trailing zeros, ISO dates. Deterministic.
 */
export function renderCsv(r: ScheduleResult): string {
  return csvRecords([[...CSV_COLUMNS], ...csvRows(r)]);
}
