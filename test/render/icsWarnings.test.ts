import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { SUMMARISED_CODES, WARNING_LINE_MAX, warningLine } from "../../src/render/shortWarnings.js";
import { parseIcs, value } from "../helpers/formats.js";
import { runInProcess } from "../helpers/inProcess.js";

// Warnings in a calendar event are one short line each: the code and the first clause of the
// text, at most WARNING_LINE_MAX (120) characters; the full text stays in the table and JSON.

const LONG_WARNINGS: readonly (readonly string[])[] = [
  ["--age", "12"], // PATIENT_UNDER_18 (~190 characters)
  ["--pregnant"], // PREGNANCY (~220)
  ["--age", "80", "--at-risk"], // AT_RISK (~270), AGE_OVER_65
  ["--product", "privigen"], // RATE_TIMING_NOT_IN_LABEL (~175), NOT_LABELLED_FOR_MMN
  ["--height", "130", "--sex", "f"], // OBESE_ON_ACTUAL_WEIGHT (BMI 41.4)
  ["--route", "scig", "--scig-product", "hyqvia", "--scig-every", "3"], // NOT_LABELLED_FOR_MMN (~170)
  ["--dose", "1", "--every", "1"], // OUTSIDE_EFNS_MAINTENANCE, ABOVE_LABEL_MONTHLY_DOSE
];

async function run(extra: readonly string[], format: "ics" | "json") {
  const args = ["--weight", "70", "--start", "2026-12-01", "--courses", "2", ...extra];
  const r = await runInProcess(format === "ics" ? [...args, "--format", "ics"] : [...args, "--json"]);
  expect(r.status).toBe(0);
  return r.stdout;
}

describe("warnings in calendar events", () => {
  it.each(LONG_WARNINGS.map((a) => [a.join(" "), a] as const))(
    "%s: one line per warning, none over the cap, the full text still in JSON",
    async (_name, extra) => {
      const warnings = (JSON.parse(await run(extra, "json")) as { warnings: { code: string; message: string }[] })
        .warnings;
      expect(warnings.length).toBeGreaterThan(0);
      for (const e of parseIcs(await run(extra, "ics")).events) {
        const lines = String(value(e, "description")).split("\n");
        const warningLines = lines.filter((l) => l.startsWith("Warning "));
        expect(warningLines.map((l) => /^Warning ([A-Z0-9_]+): /.exec(l)?.[1])).toEqual(warnings.map((w) => w.code));
        for (const l of warningLines) expect(l.length).toBeLessThanOrEqual(WARNING_LINE_MAX);
        // The short form points to the printed schedule, never to a command that does not exist.
        expect(lines).toContain("Full warning texts, notes and sources: see the printed schedule (table or --json).");
      }
    },
  );

  it("the longest warnings are shortened in the calendar, and only there", async () => {
    const json = JSON.parse(await run(["--age", "80", "--at-risk"], "json")) as {
      warnings: { code: string; message: string }[];
    };
    const atRisk = json.warnings.find((w) => w.code === "AT_RISK")!;
    expect(atRisk.message.length).toBeGreaterThan(200); // JSON keeps the full text
    const description = String(
      value(parseIcs(await run(["--age", "80", "--at-risk"], "ics")).events[0]!, "description"),
    );
    // Its first clause (up to "; ") is longer than the 120 - "Warning AT_RISK: ".length = 103
    // characters left, so the line says what AT_RISK is about, without the numbers.
    expect(description.split("\n")).toContain(
      "Warning AT_RISK: at risk of renal dysfunction or thrombosis: hydrate; minimum practicable dose and rate",
    );
  });

  it("a warning that fits is written whole", () => {
    const w = {
      code: "DAY_ABOVE_MAX_DAILY",
      message: "--days 1 puts 140 g (2 g/kg) on one day, above --max-daily 1 g/kg",
    };
    expect(warningLine(w)).toBe(`Warning DAY_ABOVE_MAX_DAILY: ${w.message}`);
  });

  it("keeps parentheses whole when finding the first clause", () => {
    const w = {
      code: "NOT_LABELLED_FOR_MMN",
      message:
        "Privigen is not labelled for MMN (US: PI; CIDP); its rates are the CIDP ones, which the plan uses from the first infusion onward",
    };
    expect(warningLine(w)).toBe("Warning NOT_LABELLED_FOR_MMN: Privigen is not labelled for MMN (US: PI; CIDP)…");
  });

  it("every code's summary fits on its line", () => {
    expect(SUMMARISED_CODES.length).toBeGreaterThan(20);
    for (const code of SUMMARISED_CODES) {
      const line = warningLine({ code, message: `${"#".repeat(130)}; more` });
      expect(line.length, line).toBeLessThanOrEqual(WARNING_LINE_MAX);
      expect(line).not.toContain("#");
    }
  });

  test.prop([
    fc.stringMatching(/^[A-Z][A-Z0-9_]{0,39}$/).filter((c) => !(SUMMARISED_CODES as readonly string[]).includes(c)),
    fc.array(fc.constantFrom("a", "word", "12.5", "g/kg", "(", ")", ";", ".", ":", ",", "e.g.", "—"), {
      maxLength: 120,
    }),
  ])("a code without a summary: at most the cap, its code, and the start of the full text", (code, words) => {
    const message = words.join(" ");
    const line = warningLine({ code, message });
    expect(line.length).toBeLessThanOrEqual(WARNING_LINE_MAX);
    expect(line.startsWith(`Warning ${code}: `)).toBe(true);
    const text = line.slice(`Warning ${code}: `.length);
    if (text.endsWith("…") && !message.endsWith("…")) expect(message.startsWith(text.slice(0, -1))).toBe(true);
    else expect(text).toBe(message);
  });
});
