import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { addCalendarDays } from "../../src/core/calendarDate.js";
import { DomainError } from "../../src/core/domainError.js";
import type { ScheduleInput } from "../../src/core/input.js";
import { planPhases } from "../../src/core/phases.js";
import { ScheduleResultSchema } from "../../src/core/resultSchema.js";
import { gToMg } from "../../src/core/vials.js";
import { scheduleInput } from "../helpers/input.js";

const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);

/** One phase: IVIG courses or SCIG doses, of a few courses each. */
const phase = fc.record({
  route: fc.constantFrom<"ivig" | "scig">("ivig", "ivig", "scig"),
  doseGPerKg: tenths(0.4, 2),
  intervalWeeks: fc.integer({ min: 1, max: 8 }),
  daysPerCourse: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
  courses: fc.integer({ min: 1, max: 4 }),
  productId: fc.constantFrom("gammagard-liquid", "privigen"),
  scigEvery: fc.constantFrom(1, 2),
});

const plan = fc.record({
  weightKg: tenths(40, 120),
  start: fc.integer({ min: 0, max: 3650 }).map((d) => addCalendarDays("2025-01-01", d)),
  weekends: fc.boolean(),
  avoid: fc.array(fc.integer({ min: 0, max: 400 }), { maxLength: 6 }),
  phases: fc.array(phase, { minLength: 1, maxLength: 4 }),
});

type Plan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

function inputs(p: Plan): ScheduleInput[] {
  const avoid = { weekends: p.weekends, dates: [...new Set(p.avoid.map((d) => addCalendarDays(p.start, d)))].sort() };
  return p.phases.map((ph, k) =>
    scheduleInput({
      weightKg: p.weightKg,
      doseGPerKg: ph.doseGPerKg,
      intervalWeeks: ph.intervalWeeks,
      daysPerCourse: ph.route === "ivig" ? ph.daysPerCourse : undefined,
      maxDailyGPerKg: 2,
      courses: ph.courses,
      productId: ph.productId,
      startDate: k === 0 ? p.start : undefined,
      route: ph.route,
      scig: ph.route === "scig" ? { everyWeeks: ph.scigEvery } : undefined,
      avoid,
    }),
  );
}

describe("planPhases over random plans", () => {
  test.prop([plan], { numRuns: 150 })(
    "one infusion a date, dates strictly increasing, phases non-decreasing, each phase's totals add up",
    (p) => {
      let r: ReturnType<typeof planPhases>;
      try {
        r = planPhases(inputs(p), "2026-11-25");
      } catch (e) {
        // A refusal is bad input the tool names (a rounding beyond 10 %, a chair time over 24 h), never a crash.
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).message).toMatch(/^phase \d: /);
        return;
      }
      expect(ScheduleResultSchema.safeParse(r).success).toBe(true);
      const dates = r.infusions.map((i) => i.date);
      for (let k = 1; k < dates.length; k++) expect(dates[k]! > dates[k - 1]!).toBe(true);
      const phases = r.infusions.map((i) => i.phase!);
      for (let k = 1; k < phases.length; k++) expect(phases[k]!).toBeGreaterThanOrEqual(phases[k - 1]!);
      expect(r.phases!.map((s) => s.phase)).toEqual(p.phases.map((_, k) => k + 1));
      for (const s of r.phases!) {
        const own = r.infusions.filter((i) => i.phase === s.phase);
        expect(s.infusionCount).toBe(own.length);
        expect(s.firstDate).toBe(own[0]!.date);
        expect(s.lastDate).toBe(own.at(-1)!.date);
        const mg = own.reduce((sum, i) => sum + gToMg(i.doseG), 0);
        expect(gToMg(s.totalG)).toBe(mg);
        const courses = r.courseTotals.filter((c) => c.phase === s.phase);
        expect(courses.reduce((sum, c) => sum + gToMg(c.doseG), 0)).toBe(mg);
        expect(s.route).toBe(p.phases[s.phase - 1]!.route);
      }
      const avoided = new Set(inputs(p)[0]!.avoid!.dates);
      for (const i of r.infusions) {
        expect(avoided.has(i.date)).toBe(false);
        if (p.weekends) expect(["Sat", "Sun"]).not.toContain(i.weekday);
      }
    },
  );
});
