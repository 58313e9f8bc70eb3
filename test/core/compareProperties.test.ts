import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { regimenYear, steadyStateInput } from "../../src/core/compare.js";
import type { Rounding } from "../../src/core/courseDose.js";
import { DomainError } from "../../src/core/domainError.js";
import { planSchedule } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";

const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);

const ivigRegimen = fc.record({
  weightKg: tenths(30, 150),
  doseGPerKg: tenths(0.4, 2.4),
  intervalWeeks: fc.integer({ min: 1, max: 12 }),
  rounding: fc.constantFrom<Rounding>("none", "vial", "5g"),
});

/** The steady-state year of a regimen, or undefined where the schedule itself refuses it. */
function year(overrides: Parameters<typeof scheduleInput>[0]) {
  try {
    return { result: planSchedule(steadyStateInput(scheduleInput(overrides)), "2026-11-25") };
  } catch (e) {
    if (e instanceof DomainError) return undefined;
    throw e;
  }
}

describe("a compared year agrees with the schedule it sums", () => {
  test.prop([ivigRegimen], { numRuns: 60 })(
    "g/kg/month is the schedule's; vials by size add up to the grams dispensed; dispensed ≥ given",
    (input) => {
      const planned = year(input);
      if (!planned) return;
      const r = regimenYear("r", planned.result, undefined);
      expect(r.gPerKgPerMonth).toBe(planned.result.regimen.monthlyDoseGPerKg);
      const perYear = 365.25 / (7 * input.intervalWeeks);
      const vialGrams = r.vialsPerYear.reduce((t, v) => t + v.sizeG * v.count, 0);
      // Each count is rounded to 0.01: at most 0.005 × size off per size.
      const slack = r.vialsPerYear.reduce((t, v) => t + 0.005 * v.sizeG, 0.005);
      expect(Math.abs(vialGrams - r.gramsPerYear)).toBeLessThanOrEqual(slack);
      expect(r.gramsPerYear).toBeGreaterThanOrEqual(Math.round(r.perCourse.doseG * perYear * 100) / 100);
      expect(r.infusionDaysPerYear).toBeCloseTo(r.perCourse.infusionDays * perYear, 2);
    },
  );
});
