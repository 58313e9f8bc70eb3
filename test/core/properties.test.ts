import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { addCalendarDays, daysBetween } from "../../src/core/calendarDate.js";
import type { Rounding } from "../../src/core/courseDose.js";
import { ScheduleResultSchema } from "../../src/core/resultSchema.js";
import { DomainError } from "../../src/core/domainError.js";
import { planSchedule } from "../../src/core/schedule.js";
import { gToMg } from "../../src/core/vials.js";
import { scheduleInput } from "../helpers/input.js";

/** Weights to 0.1 kg, doses to 0.1 g/kg: the precision prescriptions are written in. */
const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);
const startDate = fc.integer({ min: 0, max: 3650 }).map((d) => addCalendarDays("2025-01-01", d));

const anyInput = fc.record({
  weightKg: tenths(2, 350),
  doseGPerKg: tenths(0.1, 4),
  intervalWeeks: fc.integer({ min: 1, max: 52 }),
  daysPerCourse: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  maxDailyGPerKg: tenths(0.1, 2),
  courses: fc.integer({ min: 1, max: 12 }),
  startDate,
  rounding: fc.constantFrom<Rounding>("none", "vial", "5g"),
});

/** Plans a schedule, or `undefined` when the input is refused as it should be (too many days, a rounding beyond 10 %). */
function plan(overrides: Parameters<typeof scheduleInput>[0]) {
  try {
    return planSchedule(scheduleInput(overrides), "2026-11-25");
  } catch (e) {
    if (e instanceof DomainError && ["CANNOT_SPLIT_COURSE", "ROUNDING_TOO_FAR", "CONTRADICTORY_INPUT"].includes(e.code))
      return undefined;
    throw e;
  }
}

describe("schedule invariants over the whole accepted input space", () => {
  test.prop([anyInput], { numRuns: 300 })("the days of each course add up exactly to the course dose", (input) => {
    const r = plan(input);
    if (!r) return;
    for (const c of r.courseTotals) {
      const days = r.infusions.filter((i) => i.course === c.course);
      expect(days.reduce((sum, i) => sum + gToMg(i.doseG), 0)).toBe(gToMg(r.regimen.courseDoseG));
      expect(days).toHaveLength(r.regimen.daysPerCourse);
    }
  });

  test.prop([anyInput], { numRuns: 300 })("days of a course differ as little as the rounding step allows", (input) => {
    const r = plan(input);
    if (!r) return;
    const doses = r.regimen.dayDosesG.map(gToMg);
    const step = input.rounding === "none" ? 10 : 500; // Gammagard vials combine in 0.5 g
    expect(Math.max(...doses) - Math.min(...doses)).toBeLessThanOrEqual(step);
  });

  test.prop([anyInput], { numRuns: 300 })("with vial or 5 g rounding every day is whole vials", (input) => {
    const r = plan(input);
    if (!r || input.rounding === "none") return;
    for (const i of r.infusions) {
      expect(i.wasteG).toBe(0);
      expect(gToMg(i.dispensedG)).toBe(gToMg(i.doseG));
    }
  });

  test.prop([anyInput], { numRuns: 300 })("the dosing weight never exceeds the actual weight", (input) => {
    const r = plan(input);
    if (!r) return;
    expect(r.patient.dosingWeightKg).toBeLessThanOrEqual(r.patient.weightKg);
  });

  test.prop([anyInput], { numRuns: 300 })(
    "dates are strictly increasing: consecutive days, courses `every` weeks apart",
    (input) => {
      const r = plan(input);
      if (!r) return;
      for (let k = 1; k < r.infusions.length; k++) expect(r.infusions[k]!.date > r.infusions[k - 1]!.date).toBe(true);
      r.courseTotals.forEach((c, k) => {
        expect(daysBetween(r.regimen.startDate, c.startDate)).toBe(k * 7 * input.intervalWeeks);
        expect(daysBetween(c.startDate, c.endDate)).toBe(r.regimen.daysPerCourse - 1);
      });
    },
  );

  test.prop([anyInput], { numRuns: 300 })(
    "nothing is silent: a day above the cap warns (or notes, within 10 %); a >10 % vial or 5 g rounding is refused",
    (input) => {
      const r = plan(input);
      if (!r) return;
      const codes = [...r.warnings, ...r.notes].map((w) => w.code);
      // The cap from the exact course dose (kept to 1 mg): dose ÷ (g/kg) × cap g/kg, within `fuzz` mg of the tool's.
      const fuzz = 3;
      const exact = gToMg(r.regimen.exactCourseDoseG);
      const cap = (exact / input.doseGPerKg) * input.maxDailyGPerKg;
      const largest = Math.max(...r.regimen.dayDosesG.map(gToMg));
      const prescribedDay = exact / r.regimen.daysPerCourse;
      if (input.daysPerCourse !== undefined && prescribedDay > cap + fuzz)
        expect(codes).toContain("DAY_ABOVE_MAX_DAILY");
      else if (prescribedDay <= cap + 1 && largest > cap * 1.1 + fuzz)
        expect(codes).toContain("ROUNDED_DAY_ABOVE_MAX_DAILY");
      else if (prescribedDay <= cap + 1 && largest > cap + fuzz && largest < cap * 1.1 - fuzz)
        expect(codes).toContain("ROUNDED_DAY_WITHIN_TOLERANCE");
      if (input.rounding !== "none") expect(Math.abs(r.regimen.roundingDifferencePercent)).toBeLessThanOrEqual(10);
      if (r.regimen.courseDoseG !== r.regimen.exactCourseDoseG) expect(r.notes.map((n) => n.code)).toContain("ROUNDED");
    },
  );

  test.prop([anyInput], { numRuns: 200 })("every result matches the output schema and is deterministic", (input) => {
    const r = plan(input);
    if (!r) return;
    expect(ScheduleResultSchema.safeParse(r).success).toBe(true);
    expect(JSON.stringify(plan(input))).toBe(JSON.stringify(r));
  });

  test.prop([anyInput], { numRuns: 200 })(
    "auto days are the fewest that keep the prescribed daily dose within the cap",
    (input) => {
      const r = plan({ ...input, daysPerCourse: undefined });
      if (!r) return;
      const exact = gToMg(input.weightKg * input.doseGPerKg);
      const cap = gToMg(input.weightKg * input.maxDailyGPerKg);
      // Within the cap to the milligram (dose and cap are each rounded to 1 mg once).
      const within = (days: number) => exact / days <= cap + 1;
      const days = r.regimen.daysPerCourse;
      expect(within(days)).toBe(true);
      if (days > 1) expect(within(days - 1)).toBe(false);
    },
  );
});
