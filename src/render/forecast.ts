import { formatNumber, plural } from "../core/format.js";
import type { ForecastPeriod, ForecastRow } from "../core/forecast.js";
import { csvRecords } from "./csv.js";
import { type FailedLine, listFailedLines } from "./failedLines.js";
import { wrapProse } from "./fitWidth.js";
import { formatVials } from "./quantities.js";

/** `batch --forecast`: the one document (JSON, two-space indented: src/cli/forecastRun.ts writes it), as the contract spells it. */
export interface ForecastDocument {
  readonly schemaVersion: 1;
  readonly forecast: { readonly period: ForecastPeriod; readonly rows: readonly ForecastRow[] };
  readonly failedLines: readonly FailedLine[];
}

/** What the table adds to the document: product names, per-product totals, and how many lines were read. */
export interface ForecastTableContext {
  readonly productNames: ReadonlyMap<string, string>;
  /** Product id → patients (good lines) with at least one infusion of it in the whole forecast. */
  readonly productPatients: ReadonlyMap<string, number>;
  readonly patients: number;
  readonly lines: number;
  readonly failed: number;
  /** A terminal's width: the lines under the table wrap to it (the grid does not). */
  readonly width?: number | undefined;
}

const FORECAST_CSV_COLUMNS = ["periodStart", "product", "grams", "volumeMl", "vials", "infusions", "patients"] as const;

/** CSV: a header, then one row per period and product (RFC 4180, as every CSV of the tool). */
export function renderForecastCsv(rows: readonly ForecastRow[]): string {
  return csvRecords([
    [...FORECAST_CSV_COLUMNS],
    ...rows.map((r) => [
      r.periodStart,
      r.product,
      r.grams,
      r.volumeMl,
      formatVials(r.vials, " x "),
      r.infusions,
      r.patients,
    ]),
  ]);
}

/** Left-aligned text columns, right-aligned numbers, two spaces between. */
function columns(rows: readonly (readonly string[])[], right: readonly boolean[]): string[] {
  // A loop, not Math.max(...): a spread of a few hundred thousand rows overflows the stack.
  const widths = rows[0]!.map(() => 0);
  for (const r of rows) {
    r.forEach((cell, i) => {
      widths[i] = Math.max(widths[i]!, cell.length);
    });
  }
  return rows.map((r) =>
    r
      .map((cell, i) => (right[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd(),
  );
}

/** Per product over all periods: the totals row of the table. */
function totals(rows: readonly ForecastRow[], ctx: ForecastTableContext): string[][] {
  const byProduct = new Map<string, ForecastRow[]>();
  for (const r of rows) {
    const own = byProduct.get(r.product);
    if (own) own.push(r);
    else byProduct.set(r.product, [r]);
  }
  return [...byProduct]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([product, own]) => {
      const vials = new Map<number, number>();
      for (const r of own) for (const v of r.vials) vials.set(v.sizeG, (vials.get(v.sizeG) ?? 0) + v.count);
      const sum = (f: (r: ForecastRow) => number) => own.reduce((n, r) => n + Math.round(f(r) * 1000), 0) / 1000;
      return [
        "Total",
        ctx.productNames.get(product) ?? product,
        formatNumber(sum((r) => r.grams)),
        formatNumber(sum((r) => r.volumeMl)),
        formatVials([...vials].sort(([a], [b]) => b - a).map(([sizeG, count]) => ({ sizeG, count }))),
        String(sum((r) => r.infusions)),
        String(ctx.productPatients.get(product) ?? 0),
      ];
    });
}

/** The table for a pharmacist: one row per period and product, then a total per product. */
export function renderForecastTable(doc: ForecastDocument, ctx: ForecastTableContext): string {
  const { period, rows } = doc.forecast;
  const kind = period === "week" ? "by ISO week (Monday to Sunday)" : "by calendar month";
  const out = [`mmn-dose · pharmacy forecast ${kind} · ${plural(ctx.patients, "patient")}`];
  const prose = (line: string) => {
    for (const l of ctx.width === undefined ? [line] : wrapProse([line], ctx.width)) out.push(l);
  };
  if (rows.length === 0) out.push("  No infusions to forecast.");
  else {
    const header = [period === "week" ? "Week of" : "Month", "Product", "Grams", "Volume mL", "Vials"];
    const body = rows.map((r) => [
      period === "week" ? r.periodStart : r.periodStart.slice(0, 7),
      ctx.productNames.get(r.product) ?? r.product,
      formatNumber(r.grams),
      formatNumber(r.volumeMl),
      formatVials(r.vials),
      String(r.infusions),
      String(r.patients),
    ]);
    const table = [[...header, "Infusions", "Patients"], ...body, ...totals(rows, ctx)];
    for (const l of columns(table, [false, false, true, true, false, true, true])) out.push(`  ${l}`);
    prose("  Grams are dispensed (what the vials hold, waste included); volume is the volume infused.");
  }
  if (ctx.failed > 0) {
    prose(
      `  This forecast covers only the good lines: ${ctx.failed} of ${plural(ctx.lines, "line")} failed: ` +
        `${listFailedLines(doc.failedLines, ctx.failed)}.`,
    );
  }
  return `${out.join("\n")}\n`;
}
