import { describe, expect, it } from "vitest";
import type { ScheduleInput } from "../../src/core/input.js";
import { planPhases } from "../../src/core/phases.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";

/** 70 kg, 2 g/kg = 140 g a course over 2 days of 70 g (at most 1 g/kg a day), every 4 weeks. */
const loading = scheduleInput({ doseGPerKg: 2, daysPerCourse: 2, intervalWeeks: 4, courses: 1 });
const again = (startDate: string | undefined): ScheduleInput => ({ ...loading, startDate });
const codes = (inputs: ScheduleInput[]) => planPhases(inputs, TODAY).warnings.map((w) => w.code);

describe("a phase that starts itself before the previous phase's next course date (stacked phases)", () => {
  // Phase 1: 70 g on Tue Dec 1 and Wed Dec 2; its next course would start Dec 1 + 28 days = Tue Dec 29.
  // Phase 2 starting Dec 3 is 26 days earlier: 2 g/kg on Dec 1–2 and 2 g/kg again on Dec 3–4.
  const r = planPhases([loading, again("2026-12-03")], TODAY);

  it("warns PHASE_STARTS_EARLY, naming both dates and both doses, for both phases", () => {
    const w = r.warnings.find((m) => m.code === "PHASE_STARTS_EARLY");
    expect(w?.message).toBe(
      "phase 2 starts 2026-12-03 (its start in the plan), 26 days before 2026-12-29, when phase 1's next course would have " +
        "started (2026-12-01 + 28 days): phase 1's last course of 140 g (2 g/kg) began 2026-12-01, and phase 2 gives 140 g " +
        "(2 g/kg) from 2026-12-03; the scheduling window is 4 days: check that the phases are not stacked",
    );
    expect(w?.phases).toEqual([1, 2]);
  });

  it("warns ABOVE_LABEL_MONTHLY_DOSE for the 28 days across the change: 4 × 70 g = 280 g ÷ 70 kg = 4 g/kg > 2.4", () => {
    const w = r.warnings.find((m) => m.code === "ABOVE_LABEL_MONTHLY_DOSE");
    expect(w?.message).toBe(
      "phases 1 and 2: the courses starting in the 28 days from 2026-12-01 to 2026-12-28 (140 g on 2026-12-01, 140 g on " +
        "2026-12-03) give 280 g, 4 g/kg of dosing weight 70 kg, above the Gammagard Liquid MMN label's 2.4 g/kg/month (each " +
        "phase's own regimen is within it)",
    );
    expect(w?.phases).toEqual([1, 2]);
  });

  it("5 days before the next course date warns (5 > 4); 4 days before does not (the scheduling window)", () => {
    // Dec 29 − 5 = Dec 24; Dec 29 − 4 = Dec 25.
    expect(codes([loading, again("2026-12-24")])).toContain("PHASE_STARTS_EARLY");
    expect(codes([loading, again("2026-12-25")])).not.toContain("PHASE_STARTS_EARLY");
  });

  it("4 days early still starts 280 g (4 g/kg) in the 28 days Dec 1–28 (courses Dec 1 and Dec 25): the monthly check fires", () => {
    expect(codes([loading, again("2026-12-25")])).toContain("ABOVE_LABEL_MONTHLY_DOSE");
  });

  it("the default start (the next course date, Dec 29) gives neither: courses start 28 days apart", () => {
    expect(codes([loading, again(undefined)])).toEqual([]);
  });

  it("the default start never gets the boundary check: a 5-day loading course then 1 g/kg on 1 day (the contract's plan)", () => {
    // Dec 2–29 holds 4 × 28 g of the loading course and 70 g of maintenance (182 g = 2.6 g/kg), but each course comes
    // at its own regimen's interval: the change of regimen is not a stacked dose.
    const five = { ...loading, daysPerCourse: 5 };
    const maintenance = {
      ...loading,
      doseGPerKg: 1,
      intervalWeeks: 3,
      daysPerCourse: 1,
      courses: 3,
      startDate: undefined,
    };
    expect(codes([five, maintenance])).not.toContain("ABOVE_LABEL_MONTHLY_DOSE");
  });

  it("no boundary monthly warning when a phase's own regimen is above the label already (its own warning says it)", () => {
    // 2 g/kg every 3 weeks = 2 × 30.44 / 21 = 2.9 g/kg/month: each phase's own ABOVE_LABEL_MONTHLY_DOSE (one
    // message, both phases); phase 2 starting Dec 3 stacks 280 g in Dec 1–28 (PHASE_STARTS_EARLY), but no second
    // monthly warning for the boundary.
    const three = { ...loading, intervalWeeks: 3 };
    const w = planPhases([three, { ...three, startDate: "2026-12-03" }], TODAY).warnings;
    expect(w.map((m) => m.code)).toContain("PHASE_STARTS_EARLY");
    expect(w.filter((m) => m.code === "ABOVE_LABEL_MONTHLY_DOSE").map((m) => m.message.includes("across"))).toEqual([
      false,
    ]);
  });
});

describe("SCIG started by its own start after an IVIG phase", () => {
  // Last IVIG: Wed Dec 2. The labels start SCIG one week after it (Dec 9).
  const scig = (startDate: string): ScheduleInput => ({ ...loading, route: "scig", scig: {}, courses: 2, startDate });

  it("5 days after the last IVIG (Dec 7) is a warning, SCIG_STARTS_EARLY, naming both dates", () => {
    const r = planPhases([loading, scig("2026-12-07")], TODAY);
    const w = r.warnings.find((m) => m.code === "SCIG_STARTS_EARLY");
    expect(w?.message).toBe(
      "phase 2: SCIG starts 2026-12-07 (its start), 5 days after the last IVIG infusion on 2026-12-02; the labels start SCIG one " +
        "week after the last IVIG (2026-12-09)",
    );
    expect(r.notes.some((n) => n.code === "SCIG_START")).toBe(false);
  });

  it("7 days after (Dec 9) stays a note", () => {
    const r = planPhases([loading, scig("2026-12-09")], TODAY);
    expect(r.warnings.map((m) => m.code)).not.toContain("SCIG_STARTS_EARLY");
    expect(r.notes.find((n) => n.code === "SCIG_START")?.message).toContain(
      "SCIG starts 2026-12-09 (its start), 7 days after",
    );
  });
});
