import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { blockedBecause, placeCourses } from "../../src/core/avoid.js";
import { addCalendarDays, daysBetween } from "../../src/core/calendarDate.js";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { DomainError } from "../../src/core/domainError.js";
import { planSchedule as planScheduleData } from "../../src/core/schedule.js";
import { gToMg } from "../../src/core/vials.js";
import { findScigProduct } from "../../src/data/products.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";

const planSchedule = flagged(planScheduleData);

const TODAY = "2026-11-25";
const CLOSURE = ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"];
const dates = (r: ScheduleResult) => r.infusions.map((i) => i.date);

describe("one infusion a date: a moved course never lands on the next one", () => {
  it("placeCourses pushes the later course past the earlier course's moved day, and says why", () => {
    const placed = placeCourses(
      [
        { plannedStart: "2026-11-30", count: 2 },
        { plannedStart: "2026-12-07", count: 2 },
        { plannedStart: "2026-12-14", count: 2 },
      ],
      { dates: CLOSURE },
    );
    expect(placed.map((c) => c.days.map((d) => d.date))).toEqual([
      ["2026-11-30", "2026-12-07"],
      ["2026-12-08", "2026-12-09"],
      ["2026-12-14", "2026-12-15"], // course 3 keeps its own planned dates
    ]);
    expect(placed[1]!.pushedBecause).toBe("course 1's last infusion is on 2026-12-07, moved there from 2026-12-01");
    expect(placed[1]!.days[0]!.movedBecause).toBe(placed[1]!.pushedBecause);
    expect(placed[2]!.pushedBecause).toBeUndefined();
  });

  it("IVIG: the hook's reproducer (--every 1 --days 2, closure 1–6 December) has no duplicate date", () => {
    const r = planSchedule(
      scheduleInput({
        intervalWeeks: 1,
        daysPerCourse: 2,
        startDate: "2026-11-30",
        avoid: { dates: CLOSURE },
        courses: 2,
      }),
      TODAY,
    );
    expect(dates(r)).toEqual(["2026-11-30", "2026-12-07", "2026-12-08", "2026-12-09"]);
    expect(r.notes.find((n) => n.code === "COURSE_PUSHED")?.message).toContain(
      "course 2 pushed to start Tue 2026-12-08 instead of 2026-12-07",
    );
    expect(r.courseTotals[1]).toMatchObject({ startDate: "2026-12-08", endDate: "2026-12-09" });
    // Course 1 now spans 30 Nov – 7 Dec: 8 calendar days, more than a week.
    const spread = r.warnings.find((w) => w.code === "COURSE_SPREAD_OVER_WEEK");
    expect(spread?.message).toContain("course 1 (2 days from 2026-11-30 to 2026-12-07, 8 calendar days)");
    expect(spread?.remedies).toBeUndefined(); // no option helps: the closure is the user's
  });

  it("SCIG --sessions 2: the second session's move pushes the next week's dose", () => {
    const r = planSchedule(
      scheduleInput({
        route: "scig",
        scig: { sessions: 2 },
        startDate: "2026-11-30",
        avoid: { dates: CLOSURE },
        courses: 1,
        intervalWeeks: 4,
      }),
      TODAY,
    );
    expect(dates(r).slice(0, 5)).toEqual(["2026-11-30", "2026-12-07", "2026-12-08", "2026-12-09", "2026-12-14"]);
    expect(r.notes.map((n) => n.code)).toContain("COURSE_PUSHED");
  });

  it("suggests --no-skip-weekends only when allowing weekends would keep every course within a week", () => {
    // Fri 2026-12-04 start, Mon–Thu 7–10 Dec closed: with weekends skipped day 2 is Fri 11 Dec (8 days);
    // with weekends allowed it is Sat 5 Dec.
    const closed = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10"];
    const r = planSchedule(
      scheduleInput({ startDate: "2026-12-04", courses: 1, avoid: { weekends: true, dates: closed } }),
      TODAY,
    );
    expect(dates(r)).toEqual(["2026-12-04", "2026-12-11"]);
    expect(r.warnings.find((w) => w.code === "COURSE_SPREAD_OVER_WEEK")?.remedies).toEqual(["--no-skip-weekends"]);
  });

  // Closures as they come: single days and runs of up to 10 days (a holiday closure), in the first 120 days.
  const run = fc.record({ from: fc.integer({ min: 0, max: 120 }), length: fc.integer({ min: 1, max: 10 }) });
  const closure = fc.record({
    weekends: fc.boolean(),
    offsets: fc
      .array(run, { maxLength: 5 })
      .map((runs) => runs.flatMap((r) => Array.from({ length: r.length }, (_, k) => r.from + k))),
    start: fc.integer({ min: 0, max: 800 }).map((d) => addCalendarDays("2026-01-01", d)),
  });

  /** The invariants every schedule keeps, whatever the closures. */
  function expectPlacedWell(r: ScheduleResult, rules: { weekends: boolean; dates: string[] }) {
    const all = dates(r);
    expect(new Set(all).size).toBe(all.length);
    for (let k = 1; k < all.length; k++) expect(all[k]! > all[k - 1]!).toBe(true);
    for (const d of all) expect(blockedBecause(d, rules)).toBeUndefined();
    for (const c of r.courseTotals) {
      const days = r.infusions.filter((i) => i.course === c.course);
      expect(days.reduce((sum, i) => sum + gToMg(i.doseG), 0)).toBe(gToMg(c.doseG));
      expect([c.startDate, c.endDate]).toEqual([days[0]!.date, days.at(-1)!.date]);
    }
    for (const i of r.infusions) {
      if (i.date !== (i.plannedDate ?? i.date)) expect(daysBetween(i.plannedDate!, i.date)).toBeGreaterThan(0);
    }
  }

  test.prop([closure, fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 8 })], {
    numRuns: 300,
  })(
    "IVIG: no duplicate date, strictly increasing, every date allowed, days add up to the course",
    ({ weekends, offsets, start }, intervalWeeks, daysPerCourse, courses) => {
      const rules = { weekends, dates: offsets.map((o) => addCalendarDays(start, o)) };
      const r = planSchedule(
        scheduleInput({ startDate: start, intervalWeeks, daysPerCourse, courses, avoid: rules }),
        TODAY,
      );
      expectPlacedWell(r, rules);
      for (const c of r.courseTotals)
        expect(r.infusions.filter((i) => i.course === c.course)).toHaveLength(daysPerCourse);
    },
  );

  test.prop(
    [
      closure,
      fc.constantFrom("hizentra", "cuvitru", "xembify", "hyqvia"),
      fc.integer({ min: 1, max: 2 }),
      fc.integer({ min: 1, max: 8 }),
    ],
    {
      numRuns: 300,
    },
  )(
    "SCIG (including --sessions 2): the same invariants",
    ({ weekends, offsets, start }, productId, sessions, intervalWeeks) => {
      const rules = { weekends, dates: offsets.map((o) => addCalendarDays(start, o)) };
      const facilitated = productId === "hyqvia";
      // HyQvia above its 1200 mL a day (a short IVIG interval) is refused, not placed (test/core/scig.test.ts).
      const refusedForVolume = (e: unknown) => e instanceof DomainError && e.code === "HYQVIA_DAILY_VOLUME";
      let r: ScheduleResult;
      try {
        r = planSchedule(
          scheduleInput({
            route: "scig",
            scig: { productId, sessions: facilitated ? 1 : sessions },
            intervalWeeks,
            startDate: start,
            courses: 2,
            avoid: rules,
            // HyQvia's vial sizes may be missing from the catalog: stock its 25–300 mL (2.5–30 g) vials then.
            ...(findScigProduct(productId)!.vialSizesG.value === null ? { vialSizesG: [2.5, 5, 10, 20, 30] } : {}),
          }),
          TODAY,
        );
      } catch (e) {
        if (refusedForVolume(e)) return;
        throw e;
      }
      expectPlacedWell(r, rules);
    },
  );
});

describe("courses the moves bring closer together than prescribed (beyond Option Care's ± 4 days)", () => {
  const closeWarning = (r: ScheduleResult) => r.warnings.find((w) => w.code === "COURSES_CLOSE_TOGETHER");
  const days = (from: string, n: number) => Array.from({ length: n }, (_, i) => addCalendarDays(from, i));

  it("a three-week closure that moves course 1 next to course 2 warns, naming the 7-day gap against the planned 28", () => {
    // Closed 21 Dec – 10 Jan: course 1 (planned 21–22 Dec) moves to 11–12 Jan; course 2 keeps 18 Jan.
    const r = planSchedule(
      scheduleInput({ startDate: "2026-12-21", courses: 3, avoid: { dates: days("2026-12-21", 21) } }),
      TODAY,
    );
    expect(dates(r).slice(0, 4)).toEqual(["2027-01-11", "2027-01-12", "2027-01-18", "2027-01-19"]);
    expect(closeWarning(r)?.message).toContain("course 2 starts 7 days after course 1 (planned 28)");
  });

  it("a move of 4 days is within the scheduling window; 5 days is not", () => {
    // Course 1 planned Tue 1 Dec; course 2 Tue 29 Dec. Avoiding 1–4 Dec puts course 1 on 5 Dec: 24 days to course 2.
    const four = planSchedule(
      scheduleInput({ startDate: "2026-12-01", courses: 2, avoid: { dates: days("2026-12-01", 4) } }),
      TODAY,
    );
    expect(dates(four)[0]).toBe("2026-12-05");
    expect(closeWarning(four)).toBeUndefined();
    const five = planSchedule(
      scheduleInput({ startDate: "2026-12-01", courses: 2, avoid: { dates: days("2026-12-01", 5) } }),
      TODAY,
    );
    expect(dates(five)[0]).toBe("2026-12-06");
    expect(closeWarning(five)?.message).toContain("course 2 starts 23 days after course 1 (planned 28)");
  });

  it("weekends moved off a Saturday start keep every gap (no warning)", () => {
    const r = planSchedule(scheduleInput({ startDate: "2026-12-05", courses: 4, avoid: { weekends: true } }), TODAY);
    expect(closeWarning(r)).toBeUndefined();
  });
});
