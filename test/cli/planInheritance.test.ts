import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { runInProcess } from "../helpers/inProcess.js";

// A phase that changes the dose but not the days inherits the days (the contract), and a note says so.
const dir = mkdtempSync(join(tmpdir(), "mmn-plan-inherit-"));
let n = 0;
async function plan(phases: unknown[]): Promise<ScheduleResult> {
  const path = join(dir, `plan${++n}.json`);
  writeFileSync(path, JSON.stringify({ phases }));
  const r = await runInProcess(["--weight", "70", "--start", "2026-12-01", "--json", "--plan", path]);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout) as ScheduleResult;
}
const inherits = (r: ScheduleResult) => r.notes.filter((m) => m.code === "PHASE_INHERITS");

describe("--plan: days inherited by a phase with another dose", () => {
  it("a 5-day induction then { dose: 1 }: 5 days of 14 g (70 kg × 1 g/kg = 70 g ÷ 5), and a note naming the inherited value", async () => {
    const r = await plan([
      { dose: 2, days: 5, every: 4, courses: 1 },
      { dose: 1, courses: 2 },
    ]);
    const p2 = r.infusions.filter((i) => i.phase === 2);
    expect(p2.map((i) => i.doseG)).toEqual(Array(10).fill(14));
    expect(inherits(r).map((m) => [m.message, m.phases])).toEqual([
      [
        "phase 2: days 5 inherited from phase 1, whose dose is 2 g/kg; this phase gives 1 g/kg: each course is 5 days of 14 g. " +
          'Give "days" in the phase to change it',
        [2],
      ],
    ]);
  });

  it("no note when the phase sets days, or keeps the dose", async () => {
    expect(
      inherits(
        await plan([
          { dose: 2, days: 5, courses: 1 },
          { dose: 1, days: 1, courses: 1 },
        ]),
      ),
    ).toEqual([]);
    expect(
      inherits(
        await plan([
          { dose: 2, days: 5, courses: 1 },
          { every: 3, courses: 1 },
        ]),
      ),
    ).toEqual([]);
  });

  it("days inherited through a phase name the phase that set them", async () => {
    const r = await plan([
      { dose: 2, days: 5, courses: 1 },
      { every: 3, courses: 1 },
      { dose: 1, courses: 1 },
    ]);
    expect(inherits(r).map((m) => m.message)).toEqual([
      "phase 3: days 5 inherited from phase 1, whose dose is 2 g/kg; this phase gives 1 g/kg: each course is 5 days of 14 g. " +
        'Give "days" in the phase to change it',
    ]);
  });
});
