import { parse } from "csv-parse/sync";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import { CSV_COLUMNS, csvRecords, neutraliseFormula, renderCsv, toCsv } from "../../src/render/csv.js";
import { scheduleInput } from "../helpers/input.js";

const result = planSchedule(scheduleInput({ courses: 3, avoid: { weekends: true, dates: ["2026-12-29"] } }), "2026-11-25");

describe("renderCsv", () => {
  const text = renderCsv(result);
  const rows = parse(text, { columns: true }) as Record<string, string>[];

  it("has a header and one row per infusion, field by field equal to the result", () => {
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(result.infusions.length);
    rows.forEach((row, k) => {
      const i = result.infusions[k]!;
      expect(row.date).toBe(i.date);
      expect(Number(row.doseG)).toBe(i.doseG);
      expect(Number(row.volumeMl)).toBe(i.volumeMl);
      expect(Number(row.durationMinutes)).toBe(i.durationMinutes);
      expect(row.movedBecause).toBe(i.movedBecause ?? "");
    });
  });

  it("ends every record with CRLF and has no bare LF", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("is deterministic", () => expect(renderCsv(result)).toBe(text));
});

describe("formula injection guard", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])("neutralises text starting %j", (t) => {
    expect(neutraliseFormula(t).startsWith("'")).toBe(true);
  });
  it("leaves numbers and plain text alone", () => {
    expect(csvRecords([[-5, "plain", null]])).toBe("-5,plain,\r\n");
    expect(csvRecords([["=cmd"]])).toBe("'=cmd\r\n");
  });
});

describe("RFC 4180 round trip", () => {
  test.prop([fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 })])(
    "parse(toCsv(rows)) equals rows for any text, quotes, commas and newlines included",
    (rows) => {
      // One column of empty strings is an empty line, which CSV cannot tell from no record.
      fc.pre(rows.every((r) => r.length > 1 || r[0] !== ""));
      const width = rows[0]!.length;
      const square = rows.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? "x"));
      expect(parse(toCsv(square), { relax_column_count: false })).toEqual(square);
    },
  );
});
