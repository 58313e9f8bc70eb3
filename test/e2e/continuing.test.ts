import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { ROOT, runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-continuing-"));
const LAST = ["--weight", "70", "--last-course", "2026-11-03", "--courses-given", "12", "--courses", "2"];

describe("an established patient, built CLI", () => {
  it("the table says which rule applied, and numbers the courses 13 and 14", () => {
    const run = runCli(LAST);
    expect(run.status).toBe(0);
    // Last infusion 2026-11-04 (2-day course); next course 2026-12-01, 27 days later: maintenance.
    expect(run.stdout).toMatch(
      /Continuing +after 2026-11-03, 12 given: course 13 at the maintenance rates: 27 days since the last infusion on 2026-11-04/,
    );
    expect(run.stdout).toMatch(/^ +13 +Tue 2026-12-01 +1\/2/m);
    expect(run.stdout).toMatch(/^ +14 +Tue 2026-12-29 +1\/2/m);
  });

  it("the pharmacist's guide's Continuing line is what the first example prints", () => {
    const readme = readFileSync(`${ROOT}docs/pharmacist.md`, "utf8");
    const shown = /^ {2}Continuing .*$/m.exec(readme.slice(readme.indexOf("## Continuing treatment")))![0];
    expect(runCli(LAST).stdout.split("\n")).toContain(shown);
  });

  it("--start 2027-01-05 wins and the 62-day gap gives the first-infusion rates (JSON)", () => {
    const run = runCli([...LAST, "--start", "2027-01-05", "--json"]);
    const r = JSON.parse(run.stdout) as ScheduleResult;
    expect(r.continuation).toMatchObject({ gapDays: 62, rule: "gap", rates: "first-infusion", firstCourse: 13 });
    expect(r.infusions.map((i) => [i.course, i.date, i.infusionKind])).toEqual([
      [13, "2027-01-05", "first"],
      [13, "2027-01-06", "later"],
      [14, "2027-02-02", "later"],
      [14, "2027-02-03", "later"],
    ]);
  });

  it("ICS titles, the sheet, FHIR and CSV carry course 13", () => {
    expect(runCli([...LAST, "--format", "ics"]).stdout).toContain(
      "SUMMARY:IVIG 70 g Gammagard Liquid 10 % (course 13\\, day 1/2)",
    );
    expect(runCli([...LAST, "--format", "html"]).stdout).toContain("Course 13, day 1 of 2");
    expect(runCli([...LAST, "--format", "fhir"]).stdout).toContain("course 13 day 1 of 2");
    expect(runCli([...LAST, "--format", "csv"]).stdout.split("\r\n")[1]).toMatch(/^13,2026-12-01,Tue,1,2,70,/);
  });

  it.each([
    [
      ["--last-course", "2026-11-03", "--start", "2026-11-03"],
      /--last-course 2026-11-03 must be before --start 2026-11-03/,
    ],
    [["--last-course", "2026-02-30"], /--last-course must be a real calendar date/],
    [["--last-product", "privigen"], /--last-product is the product of the last course: give --last-course/],
    [["--courses-given", "-1"], /--courses-given/],
    [["--route", "scig", "--last-course", "2026-11-03"], /--last-course applies to --route ivig only/],
    [["--route", "scig", "--doses", "4", "--courses", "2"], /--doses and --courses cannot be used together/],
    [["--last-scig", "2026-11-03", "--last-ivig", "2026-11-03", "--route", "scig"], /--last-scig and --last-ivig/],
    [["--on", "2026-12-01", "--course", "1"], /--on and --course cannot be used together/],
  ])("bad input %j: exit 2, one plain line", (args, message) => {
    const run = runCli(["--weight", "70", ...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/at .*\.js/);
  });

  it("a 2-day last course on 2026-11-30 and --start 2026-12-01: its last infusion is not before the start (exit 2)", () => {
    const run = runCli(["--weight", "70", "--last-course", "2026-11-30", "--start", "2026-12-01"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--last-course 2026-11-30: its last infusion (2026-12-01) is not before");
  });

  it("batch keys lastCourse, coursesGiven, lastProduct; lastScig and doses on route scig", () => {
    const lines = [
      { id: "a", weight: 70, lastCourse: "2026-11-03", coursesGiven: 12, courses: 1 },
      { id: "b", weight: 70, lastCourse: "2026-11-03", lastProduct: "privigen", courses: 1 },
      { id: "c", weight: 70, route: "scig", lastScig: "2026-11-24", doses: 2, coursesGiven: 30 },
    ];
    const run = runCli(["batch", "-"], {}, lines.map((l) => JSON.stringify(l)).join("\n"));
    expect(run.status).toBe(0);
    const out = run.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ScheduleResult & { id: string });
    expect(out[0]!.infusions.map((i) => i.course)).toEqual([13, 13]);
    expect(out[1]!.continuation?.rule).toBe("product-change");
    // Weekly Hizentra: 24 Nov + 7 days = 1 Dec, then 8 Dec; doses 31 and 32.
    expect(out[2]!.infusions.map((i) => [i.course, i.date])).toEqual([
      [31, "2026-12-01"],
      [32, "2026-12-08"],
    ]);
  });

  it("a plan starts from --last-course; a phase holding lastCourse is refused", () => {
    const plan = join(dir, "plan.json");
    writeFileSync(plan, JSON.stringify({ phases: [{ courses: 1 }, { dose: 1, days: 1, courses: 1 }] }));
    const r = JSON.parse(runCli([...LAST.slice(0, 6), "--plan", plan, "--json"]).stdout) as ScheduleResult;
    expect(r.courseTotals.map((t) => [t.course, t.startDate])).toEqual([
      [13, "2026-12-01"],
      [14, "2026-12-29"],
    ]);
    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ phases: [{ lastCourse: "2026-11-03" }] }));
    const run = runCli(["--weight", "70", "--plan", bad]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("'lastCourse' applies to the whole plan: give --last-course on the command line");
  });
});
