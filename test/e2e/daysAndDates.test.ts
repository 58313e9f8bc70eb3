import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const json = (args: string[]) => {
  const run = runCli([...args, "--json"]);
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
};

describe("days and dates as the before-stop hook checks them", () => {
  it("an adjusted-weight patient at 2 g/kg with a 1 g/kg/day cap gets 2 days", () => {
    const doc = json([
      "--weight",
      "100",
      "--height",
      "180",
      "--sex",
      "male",
      "--policy",
      "ontario",
      "--start",
      "2026-12-01",
      "--courses",
      "1",
    ]);
    expect(doc.regimen.daysPerCourse).toBe(2);
  });

  it("a closure never puts two infusions on one date", () => {
    const closure = "2026-12-01,2026-12-02,2026-12-03,2026-12-04,2026-12-05,2026-12-06";
    const doc = json([
      "--weight",
      "70",
      "--every",
      "1",
      "--days",
      "2",
      "--start",
      "2026-11-30",
      "--avoid",
      closure,
      "--courses",
      "2",
    ]);
    const dates = doc.infusions.map((i: { date: string }) => i.date);
    expect(new Set(dates).size).toBe(dates.length);
  });
});

describe("remedies and refusals as a user types them", () => {
  it("every remedy of a rounded day beyond the tolerance is accepted and clears the warning", () => {
    const base = ["--weight", "50", "--vials", "20", "--start", "2026-12-01", "--courses", "1"];
    const w = json(base).warnings.find((m: { code: string }) => m.code === "ROUNDED_DAY_ABOVE_MAX_DAILY");
    expect(w.remedies.length).toBeGreaterThan(0);
    for (const remedy of w.remedies as string[]) {
      const fixed = json([...base, ...remedy.split(" ")]);
      expect(fixed.warnings.map((m: { code: string }) => m.code)).not.toContain("ROUNDED_DAY_ABOVE_MAX_DAILY");
    }
  });

  it("--no-skip-weekends, the remedy of a week-long spread, is accepted after --skip-weekends", () => {
    const base = [
      "--weight",
      "70",
      "--start",
      "2026-12-04",
      "--courses",
      "1",
      "--skip-weekends",
      "--avoid",
      "2026-12-07,2026-12-08,2026-12-09,2026-12-10",
    ];
    const w = json(base).warnings.find((m: { code: string }) => m.code === "COURSE_SPREAD_OVER_WEEK");
    expect(w.remedies).toEqual(["--no-skip-weekends"]);
    expect(json([...base, "--no-skip-weekends"]).warnings.map((m: { code: string }) => m.code)).not.toContain(
      "COURSE_SPREAD_OVER_WEEK",
    );
  });

  it("6 g is not rounded to 60 g: exit 2 naming --round none and --vials", () => {
    const run = runCli(["--weight", "3", "--vials", "30"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("+900 % from the prescribed 6 g");
    expect(run.stderr).toMatch(/--round none, or stock smaller vials \(--vials\)/);
  });
});
