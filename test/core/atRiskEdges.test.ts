import { describe, expect, it } from "vitest";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { planSchedule as planScheduleData } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";

const planSchedule = flagged(planScheduleData);

// Figures worked out by hand from docs/clinical.md §7.1–7.3, whose §7.2 also records the second audit's at-risk findings.

const TODAY = "2026-11-25";
const run = (more: Parameters<typeof scheduleInput>[0]) => planSchedule(scheduleInput(more), TODAY) as ScheduleResult;
const atRisk = (r: ScheduleResult) => r.warnings.find((w) => w.code === "AT_RISK")!;

describe("--at-risk on a schedule of first infusions only (Gammagard Liquid)", () => {
  // One course of one day: a first infusion, which stops at NL-IVIG002's 0.08 mL/kg/min = 4.8 mL/kg/h
  // with or without --at-risk; the at-risk top (0.08, the step below 0.09) changes nothing.
  const one = { courses: 1, daysPerCourse: 1, maxDailyGPerKg: 2, weightKg: 77, weightAsEntered: "77" };

  it("the plan is identical with and without --at-risk: 38.5 → 369.6 mL/h (0.5 → 4.8 mL/kg/h × 77 kg)", () => {
    const plain = run(one).infusions[0]!;
    const risky = run({ ...one, rates: { atRisk: true } }).infusions[0]!;
    expect(risky.ratePlan).toEqual(plain.ratePlan);
    expect(risky.ratePlan[0]!.mlPerHour).toBe(38.5);
    expect(risky.ratePlan.at(-1)!.mlPerHour).toBe(369.6);
  });

  it("so AT_RISK does not say a cap was applied: it says the plan is the same as without --at-risk, and why", () => {
    const text = atRisk(run({ ...one, rates: { atRisk: true } })).message;
    expect(text).not.toMatch(/not the ordinary 5\.4/);
    expect(text).toMatch(/same as without --at-risk/);
    expect(text).toMatch(/first infusion/);
    expect(text).toMatch(/4\.8 mL\/kg\/h/);
  });

  it("with later infusions the cap does apply and is said (5.4 → 4.8 mL/kg/h)", () => {
    const text = atRisk(run({ courses: 2, rates: { atRisk: true } })).message;
    expect(text).toMatch(/stops at 4\.8 mL\/kg\/h \(0\.08 mL\/kg\/min\), not the ordinary 5\.4 mL\/kg\/h/);
  });

  it("Octagam's cap (0.03 mL/kg/min = 1.8 mL/kg/h) is below its first-infusion top (0.08): still said", () => {
    const text = atRisk(run({ ...one, productId: "octagam-10", rates: { atRisk: true } })).message;
    expect(text).toMatch(/stops at 1\.8 mL\/kg\/h/);
  });
});

describe("typed rates on a product without label rates are not called the label's (Kiovig, EU)", () => {
  it("the rates' indication names the options, not 'MMN (EU SmPC)' (no SmPC rates were found)", () => {
    const r = run({ productId: "kiovig", region: "eu", rates: { initialMlPerKgPerHour: 0.5, maxMlPerKgPerHour: 5.4 } });
    expect(r.regimen.rates!.indication).not.toMatch(/SmPC\)$/);
    expect(r.regimen.rates!.indication).toMatch(/typed \(--initial-rate, --max-rate\)/);
  });

  it("--at-risk says Kiovig's label rates were not found, not that its label has no number", () => {
    const kiovig = { productId: "kiovig", region: "eu" as const };
    const r = run({ ...kiovig, rates: { initialMlPerKgPerHour: 0.5, maxMlPerKgPerHour: 5.4, atRisk: true } });
    const text = atRisk(r).message;
    expect(text).not.toMatch(/no number on the Kiovig/);
    expect(text).toMatch(/no label rates were found for Kiovig/);
  });
});

describe("AT_RISK_DAY_VOLUME offers a --days that keeps each dispensed day within 0.5 g/kg", () => {
  it("Privigen (5, 10, 20, 40 g vials), 77 kg, 2 g/kg: 154 g rounds to 155 g; 4 days would be 40+40+40+35 g (40/77 = 0.519 g/kg), 5 days 35+30+30+30+30 (35/77 = 0.455): --days 5", () => {
    const r = run({ productId: "privigen", weightKg: 77, weightAsEntered: "77", rates: { atRisk: true } });
    const w = r.warnings.find((m) => m.code === "AT_RISK_DAY_VOLUME")!;
    expect(w.remedies).toEqual(["--days 5"]);
    const five = run({ productId: "privigen", weightKg: 77, weightAsEntered: "77", daysPerCourse: 5 });
    expect(Math.max(...five.infusions.map((i) => i.doseG))).toBe(35);
  });

  it("Gammagard Liquid (1 g vials), 77 kg: 4 days of 38.5 g = 0.5 g/kg exactly: --days 4", () => {
    const r = run({ weightKg: 77, weightAsEntered: "77", rates: { atRisk: true } });
    expect(r.warnings.find((m) => m.code === "AT_RISK_DAY_VOLUME")!.remedies).toEqual(["--days 4"]);
  });
});
