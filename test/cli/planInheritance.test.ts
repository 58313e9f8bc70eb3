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
const dropped = (r: ScheduleResult) => r.notes.filter((m) => m.code === "PHASE_DAYS_NOT_INHERITED");
const daysOf = (r: ScheduleResult, phase: number) =>
  r.infusions.filter((i) => i.phase === phase && i.course === r.infusions.find((j) => j.phase === phase)!.course);

// The contract: "days" is inherited only while "dose" and "maxDaily" are too.
describe("--plan: days are not inherited by a phase that changes the dose or the daily maximum", () => {
  it("a 5-day load then { dose: 1 }: 1 day of 70 g (70 kg × 1 g/kg, within 1 g/kg/day), not 5 days of 14 g", async () => {
    const r = await plan([
      { dose: 2, days: 5, every: 4, courses: 1 },
      { dose: 1, courses: 2 },
    ]);
    const p2 = r.infusions.filter((i) => i.phase === 2);
    expect(p2.map((i) => i.doseG)).toEqual([70, 70]);
    expect(dropped(r).map((m) => [m.message, m.phases])).toEqual([
      [
        "phase 2: 5 days per course of phase 1 not inherited: this phase changes the dose 2 → 1 g/kg, so each course is the " +
          'fewest days within --max-daily 1 g/kg: 1 day of 70 g. Give "days" in the phase to set them',
        [2],
      ],
    ]);
  });

  it("a phase that changes maxDaily: 140 g within 2 g/kg/day is 1 day, not the 5 days set before", async () => {
    const r = await plan([
      { dose: 2, days: 5, courses: 1 },
      { maxDaily: 2, courses: 1 },
    ]);
    expect(daysOf(r, 2).map((i) => i.doseG)).toEqual([140]);
    expect(dropped(r).map((m) => m.message)[0]).toMatch(/changes the maxDaily 1 → 2 g\/kg\/day/);
  });

  it("days are kept (no note) when the phase keeps the dose and cap, or sets the same dose, or sets its own days", async () => {
    // 140 g over the 5 days set in phase 1: 28 g a day.
    const kept = await plan([
      { dose: 2, days: 5, courses: 1 },
      { every: 3, courses: 1 },
      { dose: 2, courses: 1 },
    ]);
    expect(daysOf(kept, 2).map((i) => i.doseG)).toEqual(Array(5).fill(28));
    expect(daysOf(kept, 3).map((i) => i.doseG)).toEqual(Array(5).fill(28));
    expect(dropped(kept)).toEqual([]);
    const own = await plan([
      { dose: 2, days: 5, courses: 1 },
      { dose: 1, days: 2, courses: 1 },
    ]);
    expect(daysOf(own, 2).map((i) => i.doseG)).toEqual([35, 35]);
    expect(dropped(own)).toEqual([]);
  });

  it("days set through a phase that kept them name the phase that set them", async () => {
    const r = await plan([
      { dose: 2, days: 5, courses: 1 },
      { every: 3, courses: 1 },
      { dose: 1, courses: 1 },
    ]);
    expect(dropped(r).map((m) => m.message)).toEqual([
      "phase 3: 5 days per course of phase 1 not inherited: this phase changes the dose 2 → 1 g/kg, so each course is the " +
        'fewest days within --max-daily 1 g/kg: 1 day of 70 g. Give "days" in the phase to set them',
    ]);
  });
});
