import { describe, expect, it } from "vitest";
import type { ForecastRow } from "../../src/core/forecast.js";
import { renderForecastCsv, renderForecastTable } from "../../src/render/forecast.js";

/** `n` rows: weekly periods from 1900 on, two products, each row 10 g in one 10 g vial. */
function rows(n: number): ForecastRow[] {
  const start = Date.UTC(1900, 0, 1);
  return Array.from({ length: n }, (_, k) => ({
    periodStart: new Date(start + Math.floor(k / 2) * 7 * 86_400_000).toISOString().slice(0, 10),
    product: k % 2 === 0 ? "privigen" : "kiovig",
    grams: 10,
    volumeMl: 100,
    vials: [{ sizeG: 10, count: 1 }],
    infusions: 1,
    patients: 1,
  }));
}

const context = { productNames: new Map(), productPatients: new Map(), patients: 1, lines: 1, failed: 0 };
const table = (n: number) =>
  renderForecastTable({ schemaVersion: 1, forecast: { period: "week", rows: rows(n) }, failedLines: [] }, context);

describe("a forecast of many rows", () => {
  it("renders 200,000 rows as a table (no spread of every row onto the stack)", () => {
    const text = table(200_000);
    // 100,000 rows per product, 10 g each: 1,000,000 g (100 mL each: 10,000,000 mL); one heading, a column header, the rows, two totals, the prose.
    expect(text).toMatch(/\n {2}Total +kiovig +1000000 +10000000 +100000 × 10 g +100000 +0\n/);
    expect(text.split("\n")).toHaveLength(1 + 1 + 200_000 + 2 + 1 + 1);
  });

  it("takes time linear in the rows: 8 times the rows, well under 30 times the time", () => {
    table(20_000); // warm-up
    const time = (n: number) => {
      const t = performance.now();
      table(n);
      return performance.now() - t;
    };
    const small = Math.min(time(20_000), time(20_000));
    const large = time(160_000);
    expect(large / small).toBeLessThan(30);
  });

  it("writes the CSV of 200,000 rows", () => {
    expect(renderForecastCsv(rows(200_000)).split("\r\n")).toHaveLength(200_002);
  });
});
