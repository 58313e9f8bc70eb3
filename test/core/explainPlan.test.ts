import { describe, expect, it } from "vitest";
import { explainSchedule } from "../../src/core/explain.js";
import type { ScheduleInput } from "../../src/core/input.js";
import { planDerivedPhases } from "../../src/core/phases.js";
import { scheduleInput } from "../helpers/input.js";

// The contract's plan for 70 kg from 2026-12-01: 2 g/kg over 5 days once; 1 g/kg in 1 day every
// 3 weeks × 3; then SCIG (Hizentra) until 2027-03-16, converting the 1 g/kg every 3 weeks before it.
const phase1 = scheduleInput({ doseGPerKg: 2, daysPerCourse: 5, intervalWeeks: 4, courses: 1 });
const phase2 = { ...phase1, doseGPerKg: 1, intervalWeeks: 3, daysPerCourse: 1, courses: 3, startDate: undefined };
const phase3: ScheduleInput = { ...phase2, route: "scig", courses: undefined, untilDate: "2027-03-16", scig: {} };
const inputs = [phase1, phase2, phase3];
const steps = explainSchedule(planDerivedPhases(inputs, "2026-11-25"));
const result = (name: string) => steps.find((s) => s.step === name)?.result;

describe("explainSchedule of a plan: each phase's arithmetic, the dosing weight once", () => {
  it("states the dosing weight once, before the phases", () => {
    expect(steps.filter((s) => /Dosing weight/.test(s.step)).map((s) => s.step)).toEqual(["Dosing weight"]);
    expect(steps[0]!.step).toBe("Dosing weight");
  });

  it("works each phase's dose out from its own regimen (by hand)", () => {
    expect(result("Phase 1: Exact course dose")).toBe("140 g"); // 70 kg × 2 g/kg
    expect(result("Phase 1: Split")).toBe("28 g + 28 g + 28 g + 28 g + 28 g"); // 140 g ÷ 5
    expect(result("Phase 2: Exact course dose")).toBe("70 g"); // 70 kg × 1 g/kg
    expect(result("Phase 3: Weekly SCIG dose")).toBe("23.33 g a week"); // 70 g ÷ 3 weeks × 1
  });

  it("dates each phase by the plan's start rule", () => {
    // Phase 2: 2026-12-01 + 4 weeks = 2026-12-29, then every 3 weeks; phase 3: one week after 2027-02-09.
    expect(result("Phase 2: Course start dates")).toBe("2026-12-29, 2027-01-19, 2027-02-09");
    const p2 = steps.find((s) => s.step === "Phase 2: Course start dates")!;
    expect(p2.formula).toMatch(/^2026-12-29 \(phase 1's next course date/);
    expect(result("Phase 3: Infusion dates")).toBe("2027-02-16, 2027-02-23, 2027-03-02, 2027-03-09, 2027-03-16");
  });
});
