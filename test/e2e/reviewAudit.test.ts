import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../../src/core/calendarDate.js";
import { runCli } from "../helpers/cli.js";

const HEADER = "date,kind,route,product,grams,lot,kg,measure,value,unit";

/** Two-day courses of 2 × 70 g (2 g/kg at 70 kg) on the given start dates. */
function courses(starts: readonly string[]): string[] {
  return starts.flatMap((s) => [s, addCalendarDays(s, 1)].map((d) => `${d},infusion,ivig,privigen,70,,,,,`));
}

describe("review options: the table says why none is listed", () => {
  it("worse with a course 7 days late (35 days, --every 4 expects 28 ± 4): the table says the courses were off schedule", () => {
    // Vigorimeter 60 → 50 kPa: −10, beyond the ±8 kPa MCID: worse; the course of 2025-03-10 came 35 days after
    // 2025-02-03. The 12 weeks to 2025-05-10 hold 3 courses: 6 g/kg × 30.4375 / 84 = 2.17, not below 1.6.
    const csv = [
      HEADER,
      "2025-01-01,weight,,,,,70,,,",
      ...courses(["2025-01-06", "2025-02-03", "2025-03-10", "2025-04-07", "2025-05-05"]),
      "2025-01-06,measure,,,,,,grip-right,60,kPa",
      "2025-04-07,measure,,,,,,grip-right,50,kPa",
    ].join("\n");
    const r = runCli(["review", "-", "--as-of", "2025-05-10", "--dose", "2", "--every", "4"], {}, `${csv}\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Status: worse.");
    expect(r.stdout).not.toContain("none for this status");
    expect(r.stdout.replace(/\n +/g, " ")).toContain("Options: none. Worse with courses off the ± 4-day window");
  });

  it("stable for a year: the taper options' long source URLs stand alone on their lines (80 columns)", () => {
    // Every 28 days from 2024-01-08 for 2 years; Vigorimeter 60, 62, 61 kPa: within ±8 kPa of each other.
    const starts = Array.from({ length: 26 }, (_, i) => addCalendarDays("2024-01-08", 28 * i));
    const csv = [
      HEADER,
      "2024-01-01,weight,,,,,70,,,",
      ...courses(starts),
      "2024-01-08,measure,,,,,,grip-right,60,kPa",
      "2024-07-01,measure,,,,,,grip-right,62,kPa",
      "2025-12-08,measure,,,,,,grip-right,61,kPa",
    ].join("\n");
    const r = runCli(["review", "-", "--as-of", "2026-01-04", "--programme", "ontario"], {}, `${csv}\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("dose-reduction trial");
    for (const line of r.stdout.split("\n"))
      if (!/^ *https?:\S+$/.test(line)) expect([...line].length, line).toBeLessThanOrEqual(80);
  });
});

describe("review history: a reading below 0 is refused, naming the row and the column", () => {
  const bad = (row: string) =>
    runCli(["review", "-", "--weight", "70"], {}, `${HEADER}\n2025-01-06,infusion,ivig,privigen,70,,,,,\n${row}\n`);
  it.each([
    ["2025-01-06,measure,,,,,,grip-left,-50,kPa", "history row 2 (line 3), column value: -50"],
    ["2025-01-06,measure,,,,,,mrc-sum,-5,points", "history row 2 (line 3), column value: -5"],
    ["2025-01-06,measure,,,,,,onls,-1,points", "history row 2 (line 3), column value: -1"],
    ["2025-01-06,measure,,,,,,rods,120,centile", "history row 2 (line 3), column value: 120"],
  ])("%s", (row, text) => {
    const r = bad(row);
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toContain(text);
    expect(r.stderr).not.toContain("    at ");
  });

  it("an MMN-RODS logit may be below 0 (a logit scale)", () => {
    expect(bad("2025-01-06,measure,,,,,,rods,-1.5,logit").status).toBe(0);
  });
});
