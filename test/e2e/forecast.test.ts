import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-forecast-"));

/**
 * Two 70 kg patients on Gammagard Liquid 10 %, 2 g/kg over 2 days, one course: 70 g a day
 * = 2 × 30 g + 1 × 10 g, 700 mL. A: 29–30 December 2026; B: 31 December – 1 January 2027 (the
 * ISO week of Monday 28 December holds all four days). Line 2 fails (a weight out of range).
 */
const file = join(dir, "clinic.jsonl");
writeFileSync(
  file,
  [
    { id: "A", weight: 70, start: "2026-12-29", courses: 1 },
    { id: "bad", weight: 1 },
    { id: "B", weight: 70, start: "2026-12-31", courses: 1 },
  ]
    .map((l) => JSON.stringify(l))
    .join("\n"),
);
const good = join(dir, "good.jsonl");
writeFileSync(good, `${JSON.stringify({ id: "A", weight: 70, start: "2026-12-29", courses: 1 })}\n`);

/** The forecast document, as docs/contract.md spells it. */
const schema = {
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "forecast", "failedLines"],
  properties: {
    schemaVersion: { const: 1 },
    forecast: {
      type: "object",
      additionalProperties: false,
      required: ["period", "rows"],
      properties: {
        period: { enum: ["week", "month"] },
        rows: {
          type: "array",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["periodStart", "product", "grams", "volumeMl", "vials", "infusions", "patients"],
            properties: {
              periodStart: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
              product: { type: "string" },
              grams: { type: "number" },
              volumeMl: { type: "number" },
              vials: {
                type: "array",
                items: {
                  type: "object",
                  additionalProperties: false,
                  required: ["sizeG", "count"],
                  properties: { sizeG: { type: "number" }, count: { type: "integer" } },
                },
              },
              infusions: { type: "integer" },
              patients: { type: "integer" },
            },
          },
        },
      },
    },
    failedLines: {
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["line", "id", "error"],
        properties: {
          line: { type: "integer" },
          id: { type: ["string", "number", "null"] },
          error: {
            type: "object",
            additionalProperties: false,
            required: ["code", "message"],
            properties: { code: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
  },
};

describe("batch --forecast", () => {
  it("table (the default): one row for the week, a total, and the failed line said; exit 3", () => {
    const run = runCli(["batch", file, "--forecast", "week"]);
    expect(run.status).toBe(3);
    expect(run.stdout).toBe(
      [
        "mmn-dose · pharmacy forecast by ISO week (Monday to Sunday) · 2 patients",
        "  Week of     Product                Grams  Volume mL  Vials                Infusions  Patients",
        "  2026-12-28  Gammagard Liquid 10 %    280       2800  8 × 30 g + 4 × 10 g          4         2",
        "  Total       Gammagard Liquid 10 %    280       2800  8 × 30 g + 4 × 10 g          4         2",
        "  Grams are dispensed (what the vials hold, waste included); volume is the volume infused.",
        "  This forecast covers only the good lines: 1 of 3 lines failed: line 2 (id bad) INVALID_OPTION.",
        "",
      ].join("\n"),
    );
    expect(run.stderr).toBe("mmn-dose: batch: 1 of 3 lines failed: line 2 (id bad) INVALID_OPTION\n");
  });

  it("json: the contract's document, failed lines listed, exit 3", () => {
    const run = runCli(["batch", file, "--forecast", "month", "--format", "JSON"]);
    expect(run.status).toBe(3);
    const doc = JSON.parse(run.stdout);
    const validate = new Ajv2020({ strict: true, allowUnionTypes: true }).compile(schema);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.forecast.rows).toEqual([
      {
        periodStart: "2026-12-01", // A's two days and B's first
        product: "gammagard-liquid",
        grams: 210,
        volumeMl: 2100,
        vials: [
          { sizeG: 30, count: 6 },
          { sizeG: 10, count: 3 },
        ],
        infusions: 3,
        patients: 2,
      },
      {
        periodStart: "2027-01-01", // B's second day
        product: "gammagard-liquid",
        grams: 70,
        volumeMl: 700,
        vials: [
          { sizeG: 30, count: 2 },
          { sizeG: 10, count: 1 },
        ],
        infusions: 1,
        patients: 1,
      },
    ]);
    expect(doc.failedLines).toHaveLength(1);
    expect(doc.failedLines[0]).toMatchObject({ line: 2, id: "bad", error: { code: "INVALID_OPTION" } });
  });

  it("csv: a header and one row per period and product, read back with csv-parse; exit 0 when all lines are good", () => {
    const run = runCli(["batch", good, "--forecast", "week", "--format", "csv"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(parse(run.stdout, { columns: true })).toEqual([
      {
        periodStart: "2026-12-28",
        product: "gammagard-liquid",
        grams: "140",
        volumeMl: "1400",
        vials: "4 x 30 g + 2 x 10 g",
        infusions: "2",
        patients: "1",
      },
    ]);
  });

  it("a period other than week or month is exit 2 naming the accepted values", () => {
    const run = runCli(["batch", good, "--forecast", "year"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("batch --forecast must be one of week, month; got 'year'");
    expect(run.stdout).toBe("");
  });

  it("--forecast outside batch is exit 2 saying it belongs to batch", () => {
    const run = runCli(["--weight", "70", "--forecast", "week"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--forecast is an option of batch only");
  });

  it("--format table without --forecast is exit 2", () => {
    const run = runCli(["batch", good, "--format", "table"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("batch --format table is for --forecast");
  });

  it("no good line: an empty forecast, said so", () => {
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"weight":1}\n');
    const run = runCli(["batch", bad, "--forecast", "week"]);
    expect(run.status).toBe(3);
    expect(run.stdout).toContain("No infusions to forecast.");
    const json = JSON.parse(runCli(["batch", bad, "--forecast", "week", "--format", "json"]).stdout);
    expect(json.forecast.rows).toEqual([]);
  });
});
