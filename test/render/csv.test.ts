import { parse } from "csv-parse/sync";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { planSchedule } from "../../src/core/schedule.js";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { parseCsvRow } from "../../src/cli/csvInput.js";
import { CSV_COLUMNS, csvRecords, neutraliseFormula, renderCsv, toCsv } from "../../src/render/csv.js";
import { expectedRow, readCsv } from "../helpers/formats.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";
// Moves (weekends, a holiday) give movedBecause text with commas; 66.6 kg unrounded gives decimals.
const result = planSchedule(scheduleInput({ courses: 3, avoid: { weekends: true, dates: ["2026-12-29"] } }), TODAY);
const decimals = planSchedule(scheduleInput({ weightKg: 66.6, rounding: "none", courses: 2 }), TODAY);
const scig = planSchedule(scheduleInput({ route: "scig", startDate: "2026-12-08", courses: 2 }), TODAY);

describe("renderCsv", () => {
  const text = renderCsv(result);

  it("has the brief's columns in order (extra columns allowed between them)", () => {
    const header = text.slice(0, text.indexOf("\r\n")).split(",");
    const required = [
      "course",
      "date",
      "weekday",
      "day",
      "daysInCourse",
      "doseG",
      "doseGPerKg",
      "volumeMl",
      "vials",
      "dispensedG",
      "wasteG",
      "product",
      "dosingWeightKg",
      "warnings",
    ];
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(header.filter((h) => required.includes(h))).toEqual(required);
    expect(header.indexOf("durationMinutes")).toBe(header.indexOf("volumeMl") + 1);
  });

  it.each([
    ["moved IVIG days", result],
    ["unrounded decimals", decimals],
    ["SCIG with sites", scig],
  ])("parses back field by field to the result (%s)", (_, r) => {
    const rows = readCsv(renderCsv(r));
    expect(rows).toHaveLength(r.infusions.length);
    for (const [k, row] of rows.entries()) expect(row).toEqual(expectedRow(r, k));
  });

  it("has moved days in the fixture, so plannedDate and movedBecause are really compared", () => {
    expect(result.infusions.filter((i) => i.movedBecause).length).toBeGreaterThan(0);
  });

  it("quotes a text cell holding a comma, a quote or a newline, and reads it back", () => {
    const label = 'Octagam, "10 %"\r\nlot 7';
    const odd: ScheduleResult = { ...result, regimen: { ...result.regimen, product: label } };
    const csv = renderCsv(odd);
    expect(csv).toContain('"Octagam, ""10 %""\r\nlot 7"');
    expect(readCsv(csv).map((row) => row.product)).toEqual(result.infusions.map(() => label));
  });

  it("writes numbers with '.' decimals and no trailing zeros", () => {
    const row = readCsv(renderCsv(decimals))[0]!;
    expect(row.doseG).toBe("66.6");
    expect(row.doseGPerKg).toBe("1");
    expect(text).not.toMatch(/\d\.\d*0(,|\r\n)/);
  });

  it("ends every record with CRLF and has no bare CR or LF outside quotes", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.split("\r\n")).toHaveLength(result.infusions.length + 2); // header, rows, final ""
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("starts with a UTF-8 BOM only when asked", () => {
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    const withBom = renderCsv(result, { bom: true });
    expect(Buffer.from(withBom, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(withBom.slice(1)).toBe(text);
  });

  it("is deterministic", () =>
    expect(
      renderCsv(planSchedule(scheduleInput({ courses: 3, avoid: { weekends: true, dates: ["2026-12-29"] } }), TODAY)),
    ).toBe(text));
});

describe("formula injection guard", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])("neutralises text starting %j", (t) => {
    expect(neutraliseFormula(t)).toBe(`'${t}`);
  });

  it.each(["plain", "a=b", "", "'quoted", "2 x 30 g"])("leaves %j alone", (t) => expect(neutraliseFormula(t)).toBe(t));

  it("guards text cells but never numbers", () => {
    expect(csvRecords([[-5, "plain", null, "-5"]])).toBe("-5,plain,,'-5\r\n");
    expect(csvRecords([['=HYPERLINK("http://x")']])).toBe(`"'=HYPERLINK(""http://x"")"\r\n`);
  });

  it("applies in renderCsv to a text column", () => {
    const hostile: ScheduleResult = { ...result, regimen: { ...result.regimen, product: "=cmd|'/c calc'!A0" } };
    const rows = readCsv(renderCsv(hostile));
    expect(rows[0]!.product).toBe("'=cmd|'/c calc'!A0");
    expect(rows[0]!.doseG).toBe(String(result.infusions[0]!.doseG));
  });

  it.each(["a;=1+1", ";", "x; y"])("quotes a text cell holding ';' (%j), which a ';' spreadsheet would split", (t) => {
    expect(csvRecords([[t, 1]])).toBe(`"${t}",1\r\n`);
  });

  it("toCsv (the raw writer) applies no guard", () => expect(toCsv([["=1", -2]])).toBe("=1,-2\r\n"));
});

describe("RFC 4180 round trip", () => {
  // Text biased towards what CSV must escape, plus any Unicode grapheme (emoji, combining marks).
  const special = fc.constantFrom('"', ",", "\r", "\n", "\r\n", '""', " ", "é", "×", "😀", "\u2028", "=", "'");
  const text = fc.string({
    unit: fc.oneof(special, fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 })),
    maxLength: 12,
  });
  // Numbers with at most 3 decimals are written exactly (formatNumber(n, 3)).
  const num = fc.integer({ min: -1e7, max: 1e7 }).map((k) => k / 1000);
  const table = fc.integer({ min: 1, max: 5 }).chain((width) =>
    fc.array(
      fc.array(fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: num }), {
        minLength: width,
        maxLength: width,
      }),
      { minLength: 1, maxLength: 8 },
    ),
  );

  test.prop([table], { numRuns: 300 })(
    "parse(toCsv(rows)) equals rows for any text, quotes, commas, CR/LF and Unicode",
    (rows) => {
      const csv = toCsv(rows);
      expect(csv.replace(/"(?:[^"]|"")*"/g, "").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/); // CRLF between records only
      expect(parse(csv, { record_delimiter: "\r\n" })).toEqual(
        rows.map((r) => r.map((c) => (typeof c === "number" ? String(c) : c))),
      );
    },
  );

  // The tool's own CSV reader (batch clinic.csv) reads back what the writer wrote; a row is one line there.
  const oneLine = fc
    .string({
      unit: fc.oneof(
        fc.constantFrom('"', ",", ";", " ", "\t", "=", "'", "é", "😀"),
        fc.string({ unit: "grapheme", maxLength: 1 }),
      ),
      maxLength: 12,
    })
    .filter((t) => !/[\r\n]/.test(t));
  test.prop([fc.array(oneLine, { minLength: 1, maxLength: 6 })], { numRuns: 300 })(
    "the batch CSV reader reads back each row toCsv wrote",
    (cells) => {
      const csv = toCsv([cells]);
      expect(parseCsvRow(csv.slice(0, -2), ",")).toEqual({ cells });
    },
  );

  it("keeps a record made of one empty field", () => {
    expect(toCsv([[""], ["a"]])).toBe('""\r\na\r\n');
    expect(parse(toCsv([[""], ["a"]]))).toEqual([[""], ["a"]]);
  });

  it("quotes exactly the fields that need it", () => {
    expect(toCsv([["a", 'b"c', "d,e", "f\ng", "h\ri", "é 😀", "j;k", " l", "m "]])).toBe(
      'a,"b""c","d,e","f\ng","h\ri",é 😀,"j;k"," l","m "\r\n',
    );
  });
});
