import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { addCalendarDays, isIsoDate } from "../../src/core/calendarDate.js";
import { BIN, ROOT, runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-review-"));

/**
 * Two years of courses: two consecutive days every 28 days from 2024-01-08 at 70 kg; 70 g a day
 * (2 g/kg a course) until 2025-01-06, then 87.5 g a day (2.5 g/kg). Vigorimeter right hand 60, 72,
 * 70, 62 kPa; MRC sum 150 then 151.
 */
function historyCsv(): string {
  const rows = ["date,kind,route,product,grams,lot,kg,measure,value,unit", "2024-01-01,weight,,,,,70,,,"];
  for (let i = 0; i < 26; i++) {
    const start = addCalendarDays("2024-01-08", 28 * i);
    const grams = start >= "2025-01-06" ? 87.5 : 70;
    for (const day of [start, addCalendarDays(start, 1)]) rows.push(`${day},infusion,ivig,privigen,${grams},L${i},,,,`);
  }
  for (const [date, v] of [
    ["2024-01-08", 60],
    ["2024-07-01", 72],
    ["2025-07-01", 70],
    ["2025-12-15", 62],
  ])
    rows.push(`${date},measure,,,,,,grip-right,${v},kPa`);
  rows.push("2024-01-08,measure,,,,,,mrc-sum,150,points", "2025-12-15,measure,,,,,,mrc-sum,151,points");
  return `${rows.join("\n")}\n`;
}
const history = join(dir, "history.csv");
writeFileSync(history, historyCsv());
const BASE = ["review", history, "--as-of", "2026-01-04"];

describe("mmn-dose review (built CLI), worked example", () => {
  const run = runCli([...BASE, "--programme", "ontario", "--dose", "2", "--every", "4"]);

  it("prints the dose intensity, the outcomes and the review dates, within 80 columns, the same bytes twice", () => {
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    // 3 courses × 2.5 g/kg × 30.4375 / 84 = 2.72 g/kg/month; the year before 3 × 2 × 30.4375 / 84 = 2.17
    expect(run.stdout).toMatch(/^ {2}2025-10-13 {2}2026-01-04 {2}525 {7}2\.72/m);
    expect(run.stdout).toContain("dose intensity up 25 % (2.17 → 2.72 g/kg/month");
    // --dose 2 --every 4: 2 × 30.4375 / 28 = 2.17 g/kg/month; 2.72 is 25 % above
    expect(run.stdout).toContain("Prescribed (--dose/--every): 2.17 g/kg/month; the last 12 weeks are +25 %");
    // Vigorimeter 70 → 62 kPa: −8, at least the ±8 kPa MCID: worse
    expect(run.stdout).toContain("since previous -8: worse; since baseline +2: stable");
    expect(run.stdout).toContain("Status: worse.");
    // Ontario: 12 months after the last review of 2025-12-15
    expect(run.stdout).toContain("Next due (--programme ontario): 2026-12-15");
    // A URL stands alone on its line, never broken.
    for (const line of run.stdout.split("\n"))
      if (!/^ *https?:\S+$/.test(line)) expect(line.length).toBeLessThanOrEqual(80);
    expect(runCli([...BASE, "--programme", "ontario", "--dose", "2", "--every", "4"]).stdout).toBe(run.stdout);
  });

  it("worse with courses on time: shorter intervals at the same monthly dose and SCIG, each with its arithmetic", () => {
    expect(run.stdout).toContain("2 g/kg every 4 weeks → 2 × 2/4 = 1 g/kg every 2 weeks");
    expect(run.stdout).toContain("2 g/kg × 70 kg = 140 g per course / 4 weeks × 1.0 = 35 g a week");
  });

  it("an overdue review is a warning with a code, listed first", () => {
    const late = runCli([...BASE.slice(0, 2), "--as-of", "2027-01-04", "--programme", "ontario"]);
    expect(late.status).toBe(0);
    // due 2026-12-15; 2027-01-04 is 20 days later
    expect(late.stdout.split("\n").slice(2, 4).join("\n")).toContain("REVIEW_OVERDUE: review overdue by 20 days");
  });

  it("--json validates against `mmn-dose schema review`", () => {
    const json = runCli([...BASE, "--programme", "ontario", "--json"]);
    expect(json.status).toBe(0);
    const schema = JSON.parse(runCli(["schema", "review"]).stdout);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    ajv.addFormat("date", { type: "string", validate: isIsoDate });
    const validate = ajv.compile(schema);
    const doc = JSON.parse(json.stdout);
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(doc.intensity.courses).toHaveLength(26);
    expect(doc.status).toBe("worse");
  });

  it("reads JSON Lines from stdin (-)", () => {
    const jsonl = [
      { date: "2025-01-06", kind: "weight", kg: 70 },
      { date: "2025-01-06", kind: "infusion", route: "ivig", product: "privigen", grams: 140 },
      { date: "2025-01-06", kind: "measure", measure: "mrc-sum", value: 150, unit: "points" },
    ]
      .map((o) => JSON.stringify(o))
      .join("\n");
    const r = runCli(["review", "-", "--as-of", "2025-02-01", "--programme", "bc"], {}, jsonl);
    expect(r.status).toBe(0);
    // BC: 3 months after the start of 2025-01-06
    expect(r.stdout).toContain("Next due (--programme bc): 2025-04-06");
  });
});

describe("mmn-dose review: bad input is exit 2, one line naming the row and the column", () => {
  const bad = (row: string, header = "date,kind,route,product,grams,kg,measure,value,unit") =>
    runCli(["review", "-", "--weight", "70"], {}, `${header}\n2025-01-01,weight,,,,70,,,\n${row}\n`);
  it.each([
    ["2025-01-06,infused,ivig,privigen,70,,,,", "history row 2 (line 3), column kind: 'infused' is not known"],
    ["2025-01-06,infusion,ivig,octagamm,70,,,,", "column product: 'octagamm' is not in the catalog"],
    ["2025-01-06,infusion,ivig,hizentra,70,,,,", "column product: 'hizentra' is not an IVIG product"],
    ["2025-01-06,infusion,ivig,privigen,-70,,,,", "column grams: -70 is not above 0"],
    ["2025-01-06,measure,,,,,grip-left,50,", "column unit: missing (grip-left: kPa or kg)"],
    ["2025-02-30,infusion,ivig,privigen,70,,,,", "column date: '2025-02-30' is not a date"],
    ["2025-01-06,weight,,,70,70,,,", "column grams: '70' belongs to infusion rows, not a weight row"],
  ])("%s", (row, text) => {
    const r = bad(row);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n")[0]).toContain(text);
    expect(r.stderr).not.toContain("    at ");
  });

  it("an unknown header column, two units for one measure, and no weight for an infusion", () => {
    expect(bad("", "date,kind,dose").stderr).toContain("column 'dose': not a history column");
    const units = runCli(
      ["review", "-"],
      {},
      "date,kind,measure,value,unit\n2025-01-01,measure,grip-left,50,kPa\n2025-02-01,measure,grip-left,20,kg\n",
    );
    expect(units.stderr).toContain("history row 2, column unit: grip-left is in kPa in row 1: one unit per measure");
    const noWeight = runCli(
      ["review", "-"],
      {},
      "date,kind,route,product,grams\n2025-01-06,infusion,ivig,privigen,70\n",
    );
    expect(noWeight.status).toBe(2);
    expect(noWeight.stderr).toContain("no weight row on or before 2025-01-06");
  });

  it("a missing history file names the review; a garbage header cell is shown escaped and cut at 40 characters", () => {
    const missingFile = runCli(["review", join(dir, "none.csv")]);
    expect(missingFile.status).toBe(1);
    expect(missingFile.stderr).toBe(`mmn-dose: review: history ${join(dir, "none.csv")}: no such file\n`);
    const garbage = runCli(["review", "-"], {}, `${"\u0000".repeat(300)}\n`);
    expect(garbage.status).toBe(2);
    expect(garbage.stderr).toContain(`column '${"\\u0000".repeat(6)}\\u00…': not a history column`);
  });

  it("refuses -o and --write-plan naming the history, --programme australia, and a bad --taper", () => {
    expect(runCli([...BASE, "-o", history]).stderr).toContain(`-o ${history} is the history file itself`);
    expect(runCli([...BASE, "--write-plan", history]).stderr).toContain("is the history file itself");
    expect(readFileSync(history, "utf8")).toBe(historyCsv());
    const au = runCli([...BASE, "--programme", "australia"]);
    expect(au.status).toBe(2);
    expect(au.stderr).toContain("--programme australia: no review interval is sourced");
    expect(runCli([...BASE, "--write-plan", join(dir, "p.json"), "--taper", "dose-90%"]).stderr).toContain(
      "--taper must be interval+Nw",
    );
  });
});

describe("a taper plan written by review, scheduled end to end by --plan", () => {
  it("dose-25%: 2 g/kg × 75 % = 1.5 g/kg every 4 weeks, 3 courses from 2025-12-08 + 28 days = 2026-01-05", () => {
    const plan = join(dir, "taper.json");
    const r = runCli([...BASE, "--dose", "2", "--every", "4", "--write-plan", plan, "--taper", "dose-25%"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(plan, "utf8"))).toEqual({
      phases: [{ product: "privigen", days: 2, dose: 1.5, every: 4, courses: 3, start: "2026-01-05" }],
    });
    const scheduled = runCli(["--plan", plan, "--weight", "70", "--json"]);
    expect(scheduled.status).toBe(0);
    const result = JSON.parse(scheduled.stdout);
    // 1.5 g/kg × 70 kg = 105 g a course, 3 courses = 315 g, 2026-01-05 to 2026-03-03
    expect(
      result.phases.map((p: { firstDate: string; lastDate: string; totalG: number }) => [
        p.firstDate,
        p.lastDate,
        p.totalG,
      ]),
    ).toEqual([["2026-01-05", "2026-03-03", 315]]);
  });

  it("stable for 12 months, no --taper: the CIDP steps 90/75/50/25 % of 2.5 g/kg, 12 weeks each, all scheduled", () => {
    const stable = historyCsv()
      .split("\n")
      .filter((l) => !/^[\d-]+,measure,/.test(l))
      .join("\n")
      .concat("2024-12-01,measure,,,,,,mrc-sum,150,points\n2025-12-15,measure,,,,,,mrc-sum,150,points\n");
    const plan = join(dir, "cidp.json");
    const r = runCli(["review", "-", "--as-of", "2026-01-04", "--write-plan", plan], {}, stable);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("(CIDP protocol, not MMN)");
    const phases = JSON.parse(readFileSync(plan, "utf8")).phases;
    // 175 g / 70 kg = 2.5 g/kg: 2.25, 1.875 → 1.88, 1.25, 0.625 → 0.63; every 4 weeks, 3 courses = 12 weeks
    expect(phases.map((p: { dose: number; courses: number }) => [p.dose, p.courses])).toEqual([
      [2.25, 3],
      [1.88, 3],
      [1.25, 3],
      [0.63, 3],
    ]);
    const scheduled = runCli(["--plan", plan, "--weight", "70", "--json"]);
    expect(scheduled.status).toBe(0);
    const summary = JSON.parse(scheduled.stdout).phases as { phase: number; firstDate: string }[];
    expect(summary.map((p) => p.phase)).toEqual([1, 2, 3, 4]);
    expect(summary[0]!.firstDate).toBe("2026-01-05");
  });

  it("the command is listed in --help and loaded only when run", () => {
    expect(runCli(["--help"]).stdout).toMatch(/^ {2}review \[options\] \[history\] /m);
    const help = spawnSync(process.execPath, [BIN, "review", "--help"], { cwd: ROOT, encoding: "utf8" });
    expect(help.stdout).toContain("--programme <id>");
  });
});

describe("review --due over a clinic file (a patient column, each patient's rows together)", () => {
  const clinic = join(dir, "clinic.csv");
  writeFileSync(
    clinic,
    [
      "patient,date,kind,route,product,grams,kg,measure,value,unit",
      // a: started 2025-01-06, reviewed 2025-03-01 → Ontario: due 12 months later, 2026-03-01
      "a,2025-01-06,infusion,ivig,privigen,140,,,,",
      "a,2025-03-01,measure,,,,,mrc-sum,150,points",
      // b: started 2025-05-05, never reviewed → due 6 months after the start, 2025-11-05: 60 days overdue
      "b,2025-05-05,infusion,ivig,privigen,140,,,,",
    ].join("\n"),
  );

  it("lists each patient by due date, overdue first, in days", () => {
    const r = runCli(["review", clinic, "--due", "--programme", "ontario", "--as-of", "2026-01-04"]);
    expect(r.status).toBe(0);
    expect(r.stdout.split("\n").slice(0, 4)).toEqual([
      "Reviews due on or before 2026-01-04: 1 of 2 patients (overdue first)",
      "Patient             Started     Last review  Next due    Overdue",
      "b                   2025-05-05  -            2025-11-05  60 days",
      "a                   2025-01-06  2025-03-01   2026-03-01",
    ]);
  });

  it("--json validates against `mmn-dose schema review-due` (runCli checks it) with days overdue signed", () => {
    writeFileSync(join(dir, "due.csv"), `${readFileSync(clinic, "utf8")}\nc,2025-06-01,weight,,,,70,,,`);
    const r = runCli([
      "review",
      join(dir, "due.csv"),
      "--due",
      "--programme",
      "ontario",
      "--as-of",
      "2026-01-04",
      "--json",
    ]);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ schemaVersion: 1, asOf: "2026-01-04", programme: "ontario" });
    // b: 2025-11-05 → 2026-01-04 is 25 + 31 + 4 = 60 days late; a: 2026-01-04 → 2026-03-01 is 27 + 28 + 1 = 56 days
    // early; c has no infusion, so no start and no due date (last).
    expect(doc.patients).toEqual([
      { patient: "b", start: "2025-05-05", lastReview: null, nextDue: "2025-11-05", daysOverdue: 60 },
      { patient: "a", start: "2025-01-06", lastReview: "2025-03-01", nextDue: "2026-03-01", daysOverdue: -56 },
      { patient: "c", start: null, lastReview: null, nextDue: null, daysOverdue: null },
    ]);
  });

  it("refuses a patient whose rows are split, and a single review of a file with several patients", () => {
    writeFileSync(
      join(dir, "split.csv"),
      "patient,date,kind,kg\na,2025-01-01,weight,70\nb,2025-01-01,weight,70\na,2025-02-01,weight,71\n",
    );
    const split = runCli(["review", join(dir, "split.csv"), "--due", "--programme", "ontario"]);
    expect(split.status).toBe(2);
    expect(split.stderr).toContain("history row 3, column patient: 'a' again after other patients");
    const several = runCli(["review", clinic, "--as-of", "2026-01-04", "--weight", "70"]);
    expect(several.status).toBe(2);
    expect(several.stderr).toContain("pick one with --patient ID");
    expect(runCli(["review", clinic, "--patient", "b", "--as-of", "2026-01-04", "--weight", "70"]).status).toBe(0);
  });
});
