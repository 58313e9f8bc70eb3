import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { addCalendarDays, daysBetween } from "../../src/core/calendarDate.js";
import { planSchedule } from "../../src/core/schedule.js";
import { scheduleWindow } from "../../src/core/window.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";

describe("continuing a schedule and showing part of it", () => {
  test.prop(
    [
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 1, max: 120 }),
      fc.integer({ min: 1, max: 8 }),
      fc.constantFrom("gammagard-liquid", "privigen"),
    ],
    { numRuns: 60 },
  )(
    "courses are numbered n+1…; the first is a first infusion exactly when > 56 days or another product",
    (given, gap, weeks, last) => {
      // A 2-day course (70 kg, 2 g/kg, 1 g/kg a day): its last infusion is its first day + 1.
      const start = "2026-12-01";
      const lastCourse = addCalendarDays(start, -(gap + 1));
      const r = planSchedule(
        scheduleInput({
          intervalWeeks: weeks,
          courses: 3,
          startDate: start,
          continuing: { lastCourseDate: lastCourse, coursesGiven: given, lastProductId: last },
        }),
        TODAY,
      );
      expect(r.courseTotals.map((t) => t.course)).toEqual([given + 1, given + 2, given + 3]);
      expect(daysBetween(r.continuation!.lastInfusion!, start)).toBe(gap);
      const first = gap > 56 || last !== "gammagard-liquid";
      expect(r.infusions[0]!.infusionKind).toBe(first ? "first" : "later");
      expect(r.continuation!.rates).toBe(first ? "first-infusion" : "maintenance");
    },
  );

  test.prop([fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 20 })], { numRuns: 40 })(
    "--on any infusion date keeps exactly the whole schedule's infusions of that date, nothing else changed",
    (k, given) => {
      const whole = planSchedule(scheduleInput({ continuing: { coursesGiven: given } }), TODAY);
      const on = whole.infusions[k]!.date;
      const part = scheduleWindow(whole, { on });
      expect(part.infusions).toEqual(whole.infusions.filter((i) => i.date === on));
      expect({ ...part, infusions: [], courseTotals: [], window: undefined }).toEqual({
        ...whole,
        infusions: [],
        courseTotals: [],
        window: undefined,
      });
    },
  );
});
