import { describe, expect, it } from "vitest";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { runCli } from "../helpers/cli.js";
import { parseIcs, readCsv, value } from "../helpers/formats.js";

/**
 * Courses 4–6 (3 given before) of 2 days each from Tue 2026-12-01 every 4 weeks: course 4 on 1–2 Dec,
 * course 5 on 29–30 Dec, course 6 on 26–27 Jan 2027. The last course was 3 Nov (27 days before 1 Dec,
 * last infusion 4 Nov): maintenance rates, so every day runs the later-infusion plan.
 */
const BASE = ["--weight", "70", "--last-course", "2026-11-03", "--courses-given", "3", "--courses", "3"];

describe("--on and --course keep only those infusions, planned as the whole schedule", () => {
  const whole = JSON.parse(runCli([...BASE, "--json"]).stdout) as ScheduleResult;

  it("JSON --on: the one infusion of that date as the whole schedule has it, with window.on", () => {
    const r = JSON.parse(runCli([...BASE, "--on", "2026-12-29", "--json"]).stdout) as ScheduleResult;
    expect(r.window).toEqual({ on: "2026-12-29" });
    expect(r.infusions).toEqual(whole.infusions.filter((i) => i.date === "2026-12-29"));
    expect(r.infusions.map((i) => [i.course, i.day, i.infusionKind])).toEqual([[5, 1, "later"]]);
    expect(r.courseTotals.map((t) => t.course)).toEqual([5]);
    expect(r.warnings).toEqual(whole.warnings);
    expect(r.continuation).toEqual(whole.continuation);
  });

  it("JSON --course 6: both days of course 6, with window.course", () => {
    const r = JSON.parse(runCli([...BASE, "--course", "6", "--json"]).stdout) as ScheduleResult;
    expect(r.window).toEqual({ course: 6 });
    expect(r.infusions.map((i) => i.date)).toEqual(["2027-01-26", "2027-01-27"]);
  });

  it("table: the Showing line and only that day's row", () => {
    const out = runCli([...BASE, "--on", "2026-12-30"]).stdout;
    expect(out).toMatch(/Showing +only the infusions on 2026-12-30 \(--on\); planned as the whole schedule/);
    expect(out).toMatch(/Courses +3, planned from 2026-12-01; shown Wed 2026-12-30 to Wed 2026-12-30/);
    expect(out).toMatch(/^ +5 +Wed 2026-12-30 +2\/2/m);
    expect(out).not.toContain("2026-12-29  1/2");
  });

  it("CSV and ICS: only course 5's two days (ICS UIDs as in the whole calendar)", () => {
    const rows = readCsv(runCli([...BASE, "--course", "5", "--format", "csv"]).stdout);
    expect(rows.map((row) => [row.course, row.date])).toEqual([
      ["5", "2026-12-29"],
      ["5", "2026-12-30"],
    ]);
    const uid = (text: string) => parseIcs(text).events.map((e) => String(value(e, "uid")));
    const part = uid(runCli([...BASE, "--course", "5", "--format", "ics", "--patient-ref", "Patient/7"]).stdout);
    const all = uid(runCli([...BASE, "--format", "ics", "--patient-ref", "Patient/7"]).stdout);
    expect(part).toHaveLength(2);
    expect(all).toEqual(expect.arrayContaining(part));
  });

  it("HTML: the summary and that day's page only", () => {
    const html = runCli([...BASE, "--on", "2026-12-29", "--format", "html"]).stdout;
    expect(html).toContain("Course 5, day 1 of 2");
    expect(html).not.toContain("Course 5, day 2 of 2");
    expect(html).not.toContain("Course 4, day 1 of 2");
    expect(html).toContain("only the infusions on 2026-12-29 (--on)");
  });

  it("FHIR: one dosage instruction, on that date", () => {
    const bundle = JSON.parse(runCli([...BASE, "--on", "2026-12-01", "--format", "fhir"]).stdout);
    const dosage = bundle.entry[0].resource.dosageInstruction;
    expect(dosage.map((d: { timing: { event: string[] } }) => d.timing.event)).toEqual([["2026-12-01"]]);
    expect(dosage[0].text).toContain("course 4 day 1 of 2");
  });

  it("a plan's FHIR Bundle holds only the phases with an infusion shown", () => {
    // examples/plan.json from 2026-12-01: phase 3 (SCIG) starts 2027-02-16, one week after the last IVIG.
    const args = ["--weight", "70", "--start", "2026-12-01", "--plan", "examples/plan.json", "--on", "2027-02-16"];
    const bundle = JSON.parse(runCli([...args, "--format", "fhir", "--patient-ref", "Patient/9"]).stdout);
    expect(bundle.entry).toHaveLength(1);
    expect(bundle.entry[0].resource.dosageInstruction).toHaveLength(1);
  });

  it("a date without an infusion: exit 2 naming the nearest infusion dates before and after", () => {
    const run = runCli([...BASE, "--on", "2026-12-15"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "--on 2026-12-15: no infusion that day; the nearest infusion dates are 2026-12-02 before it and 2026-12-29 after it",
    );
    const before = runCli([...BASE, "--on", "2026-11-20"]);
    expect(before.stderr).toContain("the nearest infusion dates are 2026-12-01 after it");
  });

  it("a course outside the schedule: exit 2 naming the range (JSON error too)", () => {
    const run = runCli([...BASE, "--course", "3"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--course 3: this schedule has courses 4 to 6");
    const json = runCli([...BASE, "--course", "7", "--json"]);
    expect(JSON.parse(json.stdout).error.message).toContain("--course 7: this schedule has courses 4 to 6");
  });
});
