import { plural } from "../core/format.js";
import { isIsoDate } from "../core/calendarDate.js";
import {
  byDate,
  type History,
  type InfusionEvent,
  type MeasureEvent,
  type WeightEvent,
} from "../core/reviewHistory.js";
import { LIMITS } from "../core/input.js";
import { MEASURE_IDS, type MeasureId, OUTCOME_MEASURES } from "../data/outcomeMeasures.js";
import { findProduct, findScigProduct } from "../data/products.js";
import { csvDelimiter, parseCsvRow } from "./csvInput.js";
import { IoError, UsageError } from "./cliError.js";
import { escapeControl } from "./escape.js";
import type { InputLine } from "./lines.js";

/**
 * A review history: CSV with a header row (a clinic's spreadsheet) or JSON Lines, one event per row;
 * the first non-blank character decides (`{` is JSON Lines). Every cell is checked; nothing is guessed.
 */

const HISTORY_COLUMNS = [
  "date",
  "kind",
  "route",
  "product",
  "grams",
  "lot",
  "kg",
  "measure",
  "value",
  "unit",
  "patient",
] as const;
type Column = (typeof HISTORY_COLUMNS)[number];

/** A history of one clinic over years is tens of MB; anything larger is refused as it streams in. */
const MAX_HISTORY_BYTES = 200_000_000;
/** One row is a few dozen bytes; a longer line is refused unread. */
export const MAX_HISTORY_LINE_BYTES = 10_000;

const FOR_KIND: Readonly<Record<string, readonly Column[]>> = {
  infusion: ["route", "product", "grams", "lot"],
  weight: ["kg"],
  measure: ["measure", "value", "unit"],
};

export interface HistoryRow {
  readonly patient: string | undefined;
  readonly event:
    | ({ readonly kind: "infusion" } & InfusionEvent)
    | ({ readonly kind: "weight" } & WeightEvent)
    | ({ readonly kind: "measure" } & MeasureEvent);
}

type Cells = Partial<Record<Column, string>>;

/** A cell as a message shows it: control characters escaped, at most 40 characters. */
function q(text: string): string {
  const shown = escapeControl(text);
  return shown.length > 40 ? `${shown.slice(0, 40)}…` : shown;
}

/** The input reader names its errors for batch; a review's say "history". */
export async function* historyBytes(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  try {
    yield* chunks;
  } catch (e) {
    if (e instanceof IoError && e.message.startsWith("batch "))
      throw new IoError("HISTORY_INPUT", `review: history ${e.message.slice("batch ".length)}`);
    throw e;
  }
}

function fail(where: string, column: string, text: string): never {
  throw new UsageError("HISTORY", `${where}, column ${column}: ${text}`);
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

function number(cells: Cells, column: Column, where: string): number {
  const text = cells[column];
  if (text === undefined) fail(where, column, `missing (an ${cells.kind} row needs ${column})`);
  if (!NUMBER.test(text)) fail(where, column, `'${q(text)}' is not a number (digits and a dot only)`);
  return Number(text);
}

function infusion(cells: Cells, where: string, row: number, date: string): HistoryRow["event"] {
  const route = cells.route;
  if (route !== "ivig" && route !== "scig")
    fail(where, "route", route === undefined ? "missing (ivig or scig)" : `'${q(route)}' is not ivig or scig`);
  const product = cells.product;
  if (product === undefined) fail(where, "product", "missing (a catalog id: mmn-dose products)");
  const found = route === "ivig" ? findProduct(product) : findScigProduct(product);
  if (!found) {
    const other = route === "ivig" ? findScigProduct(product) : findProduct(product);
    fail(
      where,
      "product",
      other
        ? `'${q(product)}' is not an ${route.toUpperCase()} product (route is ${route})`
        : `'${q(product)}' is not in the catalog (mmn-dose products lists the ids)`,
    );
  }
  const grams = number(cells, "grams", where);
  if (!(grams > 0)) fail(where, "grams", `${cells.grams} is not above 0`);
  if (grams > 1000) fail(where, "grams", `${cells.grams} g is above 1000 g for one infusion day`);
  return { kind: "infusion", row, date, route, product, grams, lot: cells.lot };
}

function weight(cells: Cells, where: string, row: number, date: string): HistoryRow["event"] {
  const kg = number(cells, "kg", where);
  const { min, max } = LIMITS.weightKg;
  if (kg < min || kg > max) fail(where, "kg", `${cells.kg} is outside ${min}–${max} kg`);
  return { kind: "weight", row, date, kg };
}

function measure(cells: Cells, where: string, row: number, date: string): HistoryRow["event"] {
  const id = cells.measure;
  if (id === undefined || !MEASURE_IDS.includes(id as MeasureId))
    fail(where, "measure", `${id === undefined ? "missing" : `'${q(id)}' is not known`} (${MEASURE_IDS.join(", ")})`);
  const value = number(cells, "value", where);
  const units = Object.keys(OUTCOME_MEASURES[id as MeasureId].units);
  const unit = cells.unit;
  if (unit === undefined) fail(where, "unit", `missing (${id}: ${units.join(" or ")})`);
  if (!units.includes(unit)) fail(where, "unit", `'${q(unit)}' is not a unit of ${id} (${units.join(" or ")})`);
  // Grip, MRC sum, ONLS and RODS centiles cannot be below 0; only a logit scale can. A centile is at most 100.
  if (value < 0 && unit !== "logit") fail(where, "value", `${cells.value} is below 0 (a ${id} reading in ${unit})`);
  if (unit === "centile" && value > 100) fail(where, "value", `${cells.value} is above 100 (a centile)`);
  return { kind: "measure", row, date, measure: id as MeasureId, value, unit };
}

/** One row's cells → its event, or a usage error naming the row and the column. */
function historyEvent(cells: Cells, row: number, line: number): HistoryRow {
  const where = `history row ${row} (line ${line})`;
  const date = cells.date;
  if (date === undefined) fail(where, "date", "missing (YYYY-MM-DD)");
  if (!isIsoDate(date)) fail(where, "date", `'${q(date)}' is not a date (YYYY-MM-DD)`);
  const kind = cells.kind;
  if (kind === undefined || !(kind in FOR_KIND))
    fail(
      where,
      "kind",
      `${kind === undefined ? "missing" : `'${q(kind)}' is not known`} (infusion, measure or weight)`,
    );
  for (const [other, columns] of Object.entries(FOR_KIND)) {
    if (other === kind) continue;
    const stray = columns.find((c) => cells[c] !== undefined && !FOR_KIND[kind]!.includes(c));
    if (stray) fail(where, stray, `'${q(cells[stray]!)}' belongs to ${other} rows, not a ${kind} row`);
  }
  const event =
    kind === "infusion"
      ? infusion(cells, where, row, date)
      : kind === "weight"
        ? weight(cells, where, row, date)
        : measure(cells, where, row, date);
  return { patient: cells.patient, event };
}

function jsonCells(text: string, where: string): Cells {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError("HISTORY", `${where}: not a JSON object (JSON Lines: one object per line)`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    throw new UsageError("HISTORY", `${where}: not a JSON object (JSON Lines: one object per line)`);
  const cells: Cells = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(HISTORY_COLUMNS as readonly string[]).includes(key))
      fail(where, q(key), `not a history column (${HISTORY_COLUMNS.join(", ")})`);
    if (value === null || value === "") continue;
    if (typeof value !== "string" && typeof value !== "number") fail(where, q(key), "expected text or a number");
    cells[key as Column] = String(value);
  }
  return cells;
}

function csvHeader(text: string): { columns: Column[]; delimiter: string } {
  const delimiter = csvDelimiter(text);
  const parsed = parseCsvRow(text, delimiter);
  if ("error" in parsed) throw new UsageError("HISTORY", `history line 1 (header): ${parsed.error}`);
  const columns: Column[] = [];
  for (const name of parsed.cells) {
    if (!(HISTORY_COLUMNS as readonly string[]).includes(name))
      fail("history line 1 (header)", `'${q(name)}'`, `not a history column (${HISTORY_COLUMNS.join(", ")})`);
    if (columns.includes(name as Column)) fail("history line 1 (header)", name, "appears twice");
    columns.push(name as Column);
  }
  for (const needed of ["date", "kind"] as const)
    if (!columns.includes(needed)) fail("history line 1 (header)", needed, "missing: the header needs date and kind");
  return { columns, delimiter };
}

/** Streams the rows of a history, checking each; the byte cap and the line cap are plain-word errors. */
export async function* historyRows(lines: AsyncIterable<InputLine>, label: string): AsyncGenerator<HistoryRow> {
  let header: { columns: Column[]; delimiter: string } | undefined;
  let json: boolean | undefined;
  let lineNo = 0;
  let row = 0;
  let bytes = 0;
  for await (const line of lines) {
    lineNo++;
    if ("tooLongBytes" in line)
      throw new UsageError(
        "HISTORY",
        `${label} line ${lineNo}: longer than ${MAX_HISTORY_LINE_BYTES} bytes; one row is one event`,
      );
    bytes += Buffer.byteLength(line.text) + 1;
    if (bytes > MAX_HISTORY_BYTES)
      throw new UsageError(
        "HISTORY",
        `${label}: larger than 200 MB; a clinic's history for years is tens of MB: split it`,
      );
    const text = lineNo === 1 ? line.text.replace(/^\uFEFF/, "") : line.text;
    if (text.trim() === "") continue;
    json ??= text.trimStart().startsWith("{");
    if (!json && header === undefined) {
      header = csvHeader(text);
      continue;
    }
    row++;
    const where = `history row ${row} (line ${lineNo})`;
    yield historyEvent(json ? jsonCells(text, where) : csvCells(text, header!, where), row, lineNo);
  }
  if (row === 0) throw new UsageError("HISTORY", `${label}: no rows (CSV with a header row, or JSON Lines)`);
}

function csvCells(text: string, header: { columns: Column[]; delimiter: string }, where: string): Cells {
  const parsed = parseCsvRow(text, header.delimiter);
  if ("error" in parsed) throw new UsageError("HISTORY", `${where}: ${parsed.error}`);
  if (parsed.cells.length !== header.columns.length)
    throw new UsageError(
      "HISTORY",
      `${where}: ${plural(parsed.cells.length, "cell")}; the header has ${header.columns.length}`,
    );
  const cells: Cells = {};
  header.columns.forEach((c, i) => {
    const cell = parsed.cells[i]!;
    if (cell !== "") cells[c] = cell;
  });
  return cells;
}

/** Collects one patient's rows into a history: one unit per measure, each list in date order. */
export class HistoryBuilder {
  private readonly infusions: InfusionEvent[] = [];
  private readonly weights: WeightEvent[] = [];
  private readonly measures: MeasureEvent[] = [];
  private readonly units = new Map<string, { unit: string; row: number }>();

  add({ event }: HistoryRow): void {
    if (event.kind === "infusion") this.infusions.push(event);
    else if (event.kind === "weight") this.weights.push(event);
    else {
      const first = this.units.get(event.measure);
      if (first && first.unit !== event.unit)
        fail(
          `history row ${event.row}`,
          "unit",
          `${event.measure} is in ${first.unit} in row ${first.row}: one unit per measure (a Vigorimeter and a Jamar are ` +
            "not comparable)",
        );
      if (!first) this.units.set(event.measure, { unit: event.unit, row: event.row });
      this.measures.push(event);
    }
  }

  build(): History {
    return { infusions: byDate(this.infusions), weights: byDate(this.weights), measures: byDate(this.measures) };
  }
}
