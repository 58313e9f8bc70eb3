import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { runInProcess } from "../helpers/inProcess.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-plan-"));
let n = 0;
/** Writes a plan file and returns its path. */
function planFile(plan: unknown): string {
  const path = join(dir, `plan${++n}.json`);
  writeFileSync(path, typeof plan === "string" ? plan : JSON.stringify(plan));
  return path;
}

const CONTRACT_PLAN = {
  phases: [
    { dose: 2, days: 5, every: 4, courses: 1 },
    { dose: 1, every: 3, days: 1, courses: 3 },
    { route: "scig", until: "2027-03-16" },
  ],
};

async function json(args: string[], plan: unknown): Promise<ScheduleResult> {
  const r = await runInProcess([
    "--weight",
    "70",
    "--start",
    "2026-12-01",
    "--json",
    "--plan",
    planFile(plan),
    ...args,
  ]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as ScheduleResult;
}

async function refusal(plan: unknown, args: string[] = []): Promise<string> {
  const path = planFile(plan);
  const r = await runInProcess(["--weight", "70", "--start", "2026-12-01", "--plan", path, ...args]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe("");
  return r.stderr.split("\n")[0]!.replace(path, "plan.json");
}

describe("--plan: the contract's example", () => {
  it("schedules loading, maintenance and SCIG in one output, each infusion with its phase", async () => {
    const r = await json([], CONTRACT_PLAN);
    expect(r.infusions.map((i) => `${i.phase} ${i.date} ${i.doseG}`)).toEqual([
      "1 2026-12-01 28",
      "1 2026-12-02 28",
      "1 2026-12-03 28",
      "1 2026-12-04 28",
      "1 2026-12-05 28",
      "2 2026-12-29 70",
      "2 2027-01-19 70",
      "2 2027-02-09 70",
      "3 2027-02-16 23",
      "3 2027-02-23 23",
      "3 2027-03-02 23",
      "3 2027-03-09 23",
      "3 2027-03-16 23",
    ]);
    expect(r.phases!.map((p) => [p.phase, p.route, p.firstDate, p.lastDate, p.infusionCount, p.totalG])).toEqual([
      [1, "ivig", "2026-12-01", "2026-12-05", 5, 140],
      [2, "ivig", "2026-12-29", "2027-02-09", 3, 210],
      [3, "scig", "2027-02-16", "2027-03-16", 5, 115],
    ]);
  });

  it("the command line's regimen options are phase 1's defaults, inherited onward unless a phase sets them", async () => {
    // --scig-factor 1.5 reaches phase 3: 70 g ÷ 3 weeks × 1.5 = 35 g a week (whole Hizentra vials: 35 = 10+10+10+4+1).
    const r = await json(["--scig-factor", "1.5"], CONTRACT_PLAN);
    expect(r.infusions.filter((i) => i.phase === 3).map((i) => i.doseG)).toEqual([35, 35, 35, 35, 35]);
    // --dose 1 is phase 1's dose when the phase does not set one; phase 2 inherits it and sets its own courses.
    const inherited = await json(["--dose", "1"], {
      phases: [
        { days: 1, courses: 1 },
        { every: 2, courses: 2 },
      ],
    });
    expect(inherited.infusions.map((i) => `${i.date} ${i.doseG}`)).toEqual([
      "2026-12-01 70",
      "2026-12-29 70",
      "2027-01-12 70",
    ]);
  });

  it("choice values are read in any case, as on the command line (route SCIG)", async () => {
    const r = await json([], { phases: [{ courses: 1 }, { route: "SCIG", scigProduct: "Hizentra", courses: 1 }] });
    expect(r.phases!.map((p) => p.route)).toEqual(["ivig", "scig"]);
  });

  it("a phase that gives neither courses nor until has the default 6 courses; courses and until are not inherited", async () => {
    const r = await json([], { phases: [{ courses: 1 }, { dose: 1, every: 2, days: 1 }] });
    expect(r.phases![1]!.infusionCount).toBe(6);
  });
});

describe("--plan: bad input is exit 2, one line naming the phase and key", () => {
  it("patient data in a phase is refused", async () => {
    expect(await refusal({ phases: [{ dose: 1 }, { weight: 80 }] })).toBe(
      "mmn-dose: --plan plan.json: phase 2: 'weight' is patient data: it comes from the command line or the batch line, never the plan",
    );
  });

  it("patientRef, id and name are patient data too: refused in a phase, and not listed as phase keys", async () => {
    for (const key of ["patientRef", "id", "name"]) {
      expect(await refusal({ phases: [{ dose: 1 }, { [key]: "Patient/123" }] })).toBe(
        `mmn-dose: --plan plan.json: phase 2: '${key}' is patient data: it comes from the command line or the batch line, never the plan`,
      );
    }
    const list = await refusal({ phases: [{ evry: 3 }] });
    expect(list).toMatch(/a phase holds dose, /);
    expect(list).not.toMatch(/patientRef/);
  });

  it("settings of the run (format, output, json, time, …) are refused in a phase, naming the flag", async () => {
    expect(await refusal({ phases: [{ dose: 1 }, { format: "csv" }] })).toBe(
      "mmn-dose: --plan plan.json: phase 2: 'format' is a setting of the run, not of a phase: give --format on the command line",
    );
    expect(await refusal({ phases: [{ output: "x.csv" }] })).toBe(
      "mmn-dose: --plan plan.json: phase 1: 'output' is a setting of the run, not of a phase: give --output on the command line",
    );
  });

  it("an unknown key names the closest valid key", async () => {
    expect(await refusal({ phases: [{ dose: 1 }, { evry: 3 }] })).toMatch(
      /^mmn-dose: --plan plan\.json: phase 2: unknown key 'evry' \(did you mean every\?\); a phase holds dose, every, /,
    );
  });

  it("a bad value gets the option's own check and range", async () => {
    expect(await refusal({ phases: [{ dose: 1 }, { every: 0 }] })).toBe(
      "mmn-dose: --plan plan.json: phase 2: every must be a whole number from 1 to 52 weeks; got '0'",
    );
    expect(await refusal({ phases: [{ route: "scig", scigEvery: 5 }] })).toMatch(
      /phase 1: scigEvery must be a whole number from 1 to 4 weeks/,
    );
    expect(await refusal({ phases: [{ firstInfusion: "yes" }] })).toBe(
      "mmn-dose: --plan plan.json: phase 1: 'firstInfusion' must be true or false",
    );
  });

  it("a start on or before the previous phase's last infusion is refused (overlap)", async () => {
    expect(await refusal({ phases: [{ courses: 1 }, { start: "2026-12-02" }] })).toBe(
      "mmn-dose: --plan plan.json: phase 2: start 2026-12-02 is on or before phase 1's last infusion on 2026-12-02: a phase starts " +
        "after the one before it ends (leave start out to begin when phase 1's next course would have started, 2026-12-29)",
    );
  });

  it("an empty plan, a plan that is not an object, bad JSON and whole-plan settings are refused", async () => {
    expect(await refusal({ phases: [] })).toMatch(/"phases" must be a list of 1 to 20 phases/);
    expect(await refusal([{ dose: 1 }])).toMatch(/a treatment plan is an object/);
    expect(await refusal("{ phases: ")).toMatch(/^mmn-dose: --plan plan\.json: line 1, column 3: not valid JSON/);
    expect(await refusal({ phases: [{ skipWeekends: true }] })).toMatch(/'skipWeekends' applies to the whole plan/);
    expect(await refusal({ phases: [{ courses: 1 }] }, ["--courses", "2"])).toMatch(
      /--courses cannot be used with --plan/,
    );
    expect(await refusal({ phases: [{ courses: 1, until: "2027-01-01" }] })).toMatch(
      /courses and until cannot be used together/,
    );
  });

  it("a core refusal names the plan, the phase and the phase's key", async () => {
    expect(await refusal({ phases: [{ courses: 1 }, { until: "2026-12-10" }] })).toBe(
      "mmn-dose: --plan plan.json: phase 2: 'until': '2026-12-10' is before the start date 2026-12-29",
    );
  });
});

describe("--plan in batch", () => {
  it("a JSON line may carry a plan; a CSV header with a plan column is refused", async () => {
    const line = JSON.stringify({ id: "p1", weight: 70, start: "2026-12-01", plan: CONTRACT_PLAN });
    const bad = JSON.stringify({ id: "p2", weight: 70, plan: { phases: [{ age: 40 }] } });
    // "plan": null is a key not given, as for every batch key.
    const none = JSON.stringify({ id: "p3", weight: 70, start: "2026-12-01", courses: 1, plan: null });
    const r = await runInProcess(["batch"], { readInput: () => toLines(`${line}\n${bad}\n${none}\n`) });
    const out = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out[0].phases.map((p: { totalG: number }) => p.totalG)).toEqual([140, 210, 115]);
    expect(out[1].error).toEqual({
      code: "INVALID_PLAN",
      message: "plan: phase 1: 'age' is patient data: it comes from the command line or the batch line, never the plan",
    });
    expect(out[2].phases).toBeUndefined();
    expect(out[2].regimen.courseDoseG).toBe(140);
    expect(r.status).toBe(3);
    const path = join(dir, "clinic.csv");
    writeFileSync(path, "id,weight,plan\np1,70,x\n");
    const csv = await runInProcess(["batch", path], { readInput: () => toLines("id,weight,plan\np1,70,x\n") });
    expect(csv.status).toBe(2);
    expect(csv.stderr).toMatch(/column 'plan': a CSV line cannot carry a treatment plan; give plans in JSON Lines/);
  });
});

async function* toLines(text: string): AsyncIterable<Uint8Array> {
  yield new TextEncoder().encode(text);
}
