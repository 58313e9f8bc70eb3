import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../../src/core/calendarDate.js";
import { reviewPatient } from "../../src/core/review.js";
import { addCalendarMonths, reviewDates } from "../../src/core/reviewDates.js";
import type { History, InfusionEvent, MeasureEvent } from "../../src/core/reviewHistory.js";
import { doseIntensity, findCourses } from "../../src/core/reviewIntensity.js";
import { currentRegimen, taperPlan } from "../../src/core/reviewOptions.js";
import { measureOutcomes, overallStatus, stableForPeriod, verdict } from "../../src/core/reviewOutcomes.js";

/** Courses of two consecutive days every 28 days from 2024-01-08; 140 g (2 g/kg at 70 kg), 175 g from 2025-01-06. */
function twoYears(count = 26): InfusionEvent[] {
  const out: InfusionEvent[] = [];
  for (let i = 0; i < count; i++) {
    const start = addCalendarDays("2024-01-08", 28 * i);
    const half = start >= "2025-01-06" ? 87.5 : 70;
    for (const day of [start, addCalendarDays(start, 1)])
      out.push({ row: out.length + 1, date: day, route: "ivig", product: "privigen", grams: half });
  }
  return out;
}

const history = (infusions: InfusionEvent[], measures: MeasureEvent[] = []): History => ({
  infusions,
  weights: [{ row: 0, date: "2024-01-01", kg: 70 }],
  measures,
});

describe("dose intensity (worked by hand)", () => {
  it("finds courses as runs of consecutive days: 2 × 70 g at 70 kg = 140 g, 2 g/kg, 28 days apart", () => {
    const courses = findCourses(history(twoYears(2)), {});
    expect(courses).toHaveLength(2);
    expect(courses[0]).toMatchObject({ start: "2024-01-08", end: "2024-01-09", days: 2, grams: 140, gPerKg: 2 });
    expect(courses[1]).toMatchObject({ start: "2024-02-05", daysSincePrevious: 28 });
  });

  it("g/kg/month per 12-week window: 3 courses of 2.5 g/kg in 84 days = 7.5 × 30.4375 / 84 = 2.72; a year before 2.17; up 25 %", () => {
    const d = doseIntensity(history(twoYears()), {}, "2026-01-04");
    const last = d.windows.at(-1)!;
    expect(last).toMatchObject({ from: "2025-10-13", to: "2026-01-04", days: 84, grams: 525, gPerKgPerMonth: 2.72 });
    expect(d.trend).toEqual({ now: 2.72, yearBefore: 2.17, percent: 25 });
  });

  it("per calendar quarter: 2024 Q1 holds 3 courses (6 g/kg) in 91 days = 6 × 30.4375 / 91 = 2.01; Q2 4 courses = 2.68", () => {
    const d = doseIntensity(history(twoYears()), {}, "2026-01-04");
    expect(d.quarters[0]).toMatchObject({
      from: "2024-01-01",
      to: "2024-03-31",
      grams: 420,
      gPerKgPerMonth: 2.01,
      partial: true,
    });
    expect(d.quarters[1]).toMatchObject({
      from: "2024-04-01",
      to: "2024-06-30",
      grams: 560,
      gPerKgPerMonth: 2.68,
      partial: false,
    });
    // the last quarter ends at the review date: 4 days of 2026 with no infusion
    expect(d.quarters.at(-1)).toMatchObject({ from: "2026-01-01", to: "2026-01-04", grams: 0, partial: true });
  });

  it("against --dose 2 --every 4: prescribed 2 × 30.4375 / 28 = 2.17 g/kg/month; the latest window is 25 % above", () => {
    const d = doseIntensity(history(twoYears()), {}, "2026-01-04", { doseGPerKg: 2, everyWeeks: 4 });
    expect(d.prescribed).toEqual({ gPerKgPerMonth: 2.17, percent: 25 });
    expect(d.offSchedule).toEqual([]);
  });

  it("a course 6 days late (34 days after the one before) is off the ± 4-day window; one 60 days later missed one", () => {
    const inf = twoYears(3).map((i) => (i.date >= "2024-03-04" ? { ...i, date: addCalendarDays(i.date, 6) } : i));
    inf.push({ row: 99, date: "2024-05-09", route: "ivig", product: "privigen", grams: 140 });
    const d = doseIntensity(history(inf), {}, "2024-06-01", { doseGPerKg: 2, everyWeeks: 4 });
    expect(d.offSchedule).toEqual([
      { course: "2024-03-10", daysSincePrevious: 34, expectedDays: 28, daysLate: 6, missedCourses: 0 },
      { course: "2024-05-09", daysSincePrevious: 60, expectedDays: 28, daysLate: 32, missedCourses: 1 },
    ]);
  });

  it("the dosing weight of each date: the latest weight row on or before it; --weight overrides", () => {
    const h: History = {
      infusions: [
        { row: 1, date: "2024-01-08", route: "ivig", product: "privigen", grams: 140 },
        { row: 2, date: "2024-02-05", route: "ivig", product: "privigen", grams: 140 },
      ],
      weights: [
        { row: 3, date: "2024-01-01", kg: 70 },
        { row: 4, date: "2024-02-05", kg: 80 },
      ],
      measures: [],
    };
    expect(findCourses(h, {}).map((c) => c.gPerKg)).toEqual([2, 1.75]);
    expect(findCourses(h, { weightKg: 56 }).map((c) => c.gPerKg)).toEqual([2.5, 2.5]);
  });

  it("--policy ontario with --height 175 --sex male: 100 kg doses by the adjusted 82.2788 kg (docs/clinical.md D4)", () => {
    // IBW 70.4646 kg; adjusted = 70.4646 + 0.4 × (100 − 70.4646) = 82.2788 kg; 164.5576 g / 82.2788 kg = 2 g/kg
    const h: History = {
      infusions: [{ row: 1, date: "2024-01-08", route: "ivig", product: "privigen", grams: 164.5576 }],
      weights: [{ row: 2, date: "2024-01-01", kg: 100 }],
      measures: [],
    };
    const [course] = findCourses(h, { heightCm: 175, sex: "male", policy: "ontario" });
    expect(course).toMatchObject({ dosingWeightKg: 82.28, gPerKg: 2 });
  });

  it("SCIG weekly g/kg: 14 g a week at 70 kg = 0.2 g/kg a week; product changes listed", () => {
    const inf: InfusionEvent[] = [{ row: 1, date: "2024-01-08", route: "ivig", product: "privigen", grams: 140 }];
    for (let w = 0; w < 12; w++)
      inf.push({
        row: 2 + w,
        date: addCalendarDays("2024-02-05", 7 * w),
        route: "scig",
        product: "hizentra",
        grams: 14,
      });
    const d = doseIntensity(history(inf), {}, addCalendarDays("2024-02-05", 83));
    expect(d.windows.at(-1)!.scigWeeklyGPerKg).toBe(0.2);
    expect(d.productChanges).toEqual([{ date: "2024-02-05", from: "privigen", to: "hizentra", route: "scig" }]);
  });
});

const m = (date: string, measure: MeasureEvent["measure"], value: number, unit: string): MeasureEvent => ({
  row: 0,
  date,
  measure,
  value,
  unit,
});

describe("outcomes against each sourced MCID (Practical Neurology Table 5)", () => {
  it("verdicts: a change of at least the MCID counts; ONLS is better lower; no MCID, no verdict", () => {
    expect(verdict(-8, 8, true)).toBe("worse");
    expect(verdict(7.9, 8, true)).toBe("stable");
    expect(verdict(2, 2, true)).toBe("improved");
    expect(verdict(-1, null, false)).toBe("no verdict");
    expect(verdict(4, 4, true)).toBe("improved");
  });

  it("Vigorimeter 60 → 70 → 62 kPa: −8 since previous is worse (MCID 8), +2 since baseline stable; overall worse", () => {
    const o = measureOutcomes(
      [
        m("2025-01-06", "grip-right", 60, "kPa"),
        m("2025-07-01", "grip-right", 70, "kPa"),
        m("2026-01-05", "grip-right", 62, "kPa"),
        m("2025-01-06", "mrc-sum", 150, "points"),
        m("2026-01-05", "mrc-sum", 151, "points"),
        m("2025-01-06", "grip-left", 20, "kg"),
        m("2026-01-05", "grip-left", 30, "kg"),
        m("2025-01-06", "onls", 3, "points"),
        m("2026-01-05", "onls", 4, "points"),
      ],
      "2026-01-05",
    );
    const byId = Object.fromEntries(o.map((x) => [x.measure, x]));
    expect(byId["grip-right"]).toMatchObject({
      changeSincePrevious: -8,
      sincePrevious: "worse",
      sinceBaseline: "stable",
    });
    expect(byId["mrc-sum"]).toMatchObject({ changeSincePrevious: 1, sincePrevious: "stable", mcid: 2 });
    expect(byId["grip-left"]).toMatchObject({ mcid: null, sincePrevious: "no verdict" });
    expect(byId.onls).toMatchObject({ mcid: null, sincePrevious: "no verdict" });
    expect(overallStatus(o)).toBe("worse");
  });

  it("improved if any improved and none worse; stable otherwise; no verdict with nothing judged", () => {
    const up = measureOutcomes(
      [m("2025-01-06", "rods", 40, "logit"), m("2025-07-06", "rods", 44, "logit")],
      "2026-01-01",
    );
    expect(overallStatus(up)).toBe("improved");
    const flat = measureOutcomes(
      [m("2025-01-06", "rods", 40, "logit"), m("2025-07-06", "rods", 43, "logit")],
      "2026-01-01",
    );
    expect(overallStatus(flat)).toBe("stable");
    const jamar = measureOutcomes(
      [m("2025-01-06", "grip-left", 20, "kg"), m("2025-07-06", "grip-left", 10, "kg")],
      "2026-01-01",
    );
    expect(overallStatus(jamar)).toBe("no verdict");
  });

  it("stable for 12 months: a reading 12 months before the latest and none since differing by the MCID", () => {
    const year = [
      m("2025-01-06", "mrc-sum", 150, "points"),
      m("2025-07-06", "mrc-sum", 151, "points"),
      m("2026-01-06", "mrc-sum", 149, "points"),
    ];
    expect(stableForPeriod(measureOutcomes(year, "2026-01-06"))).toBe(true);
    const short = year.slice(1);
    expect(stableForPeriod(measureOutcomes(short, "2026-01-06"))).toBe(false);
    const moved = [...year.slice(0, 2), m("2026-01-06", "mrc-sum", 148, "points")];
    expect(stableForPeriod(measureOutcomes(moved, "2026-01-06"))).toBe(false);
  });
});

describe("review dates by programme", () => {
  it("calendar months: 31 January + 1 month is 28 February", () => {
    expect(addCalendarMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addCalendarMonths("2025-01-06", 6)).toBe("2025-07-06");
  });

  it("Ontario: no review yet → 6 months after the start; after a review → 12 months after it; overdue in days", () => {
    expect(reviewDates("ontario", "2025-01-06", ["2025-01-06"], "2025-07-16")).toMatchObject({
      lastReview: "2025-01-06",
      nextDue: "2025-07-06",
      daysOverdue: 10,
    });
    expect(reviewDates("ontario", "2025-01-06", ["2025-01-06", "2025-07-01"], "2026-01-05")).toMatchObject({
      nextDue: "2026-07-01",
      daysOverdue: -177,
    });
  });

  it("BC: 3 months after the start; no sourced interval after that; Australia refused", () => {
    expect(reviewDates("bc", "2025-01-06", [], "2025-02-01").nextDue).toBe("2025-04-06");
    expect(reviewDates("bc", "2025-01-06", ["2025-04-01"], "2025-05-01").nextDue).toBeNull();
    expect(() => reviewDates("australia", "2025-01-06", [], "2025-02-01")).toThrow(/no review interval is sourced/);
  });
});

describe("options and the taper plan", () => {
  const regimen = {
    doseGPerKg: 2,
    everyWeeks: 4,
    days: 2,
    product: "privigen",
    lastCourse: "2025-12-08",
    from: "test",
  };

  it("dose-25%: 2 g/kg × 75 % = 1.5 g/kg every 4 weeks for 12 weeks (3 courses), from 2025-12-08 + 28 days", () => {
    expect(taperPlan(regimen, { kind: "dose", percent: 25 })).toEqual({
      phases: [{ product: "privigen", days: 2, dose: 1.5, every: 4, courses: 3, start: "2026-01-05" }],
    });
  });

  it("interval+2w: 2 g/kg every 6 weeks, 2 courses (12 weeks); default: the CIDP steps 90/75/50/25 %", () => {
    expect(taperPlan(regimen, { kind: "interval", weeks: 2 }).phases).toEqual([
      { product: "privigen", days: 2, dose: 2, every: 6, courses: 2, start: "2026-01-05" },
    ]);
    expect(taperPlan(regimen, undefined).phases.map((p) => p.dose)).toEqual([1.8, 1.5, 1, 0.5]);
  });

  it("worse with courses on time below 1.6 g/kg/month: the dose–response note, shorter intervals, higher dose, SCIG", () => {
    const inf: InfusionEvent[] = [];
    for (let i = 0; i < 6; i++)
      inf.push({ row: i, date: addCalendarDays("2025-01-06", 28 * i), route: "ivig", product: "privigen", grams: 70 });
    const r = reviewPatient({
      history: history(inf, [m("2025-01-06", "grip-right", 70, "kPa"), m("2025-06-01", "grip-right", 60, "kPa")]),
      patient: {},
      asOf: "2025-06-01",
      prescribed: { doseGPerKg: 1, everyWeeks: 4 },
    });
    expect(r.status).toBe("worse");
    // 3 courses of 1 g/kg in 84 days: 3 × 30.4375 / 84 = 1.09 g/kg/month
    expect(r.options.map((o) => o.kind)).toEqual(["below-dose-response", "shorter-interval", "higher-dose", "scig"]);
    expect(r.options[1]!.arithmetic).toContain("0.5 g/kg every 2 weeks");
    // 1.2 g/kg/month × 28 / 30.4375 = 1.10 g/kg every 4 weeks
    expect(r.options[2]!.arithmetic).toContain("= 1.1 g/kg every 4 weeks");
    expect(r.options[3]!.arithmetic).toBe("1 g/kg × 70 kg = 70 g per course / 4 weeks × 1.0 = 17.5 g a week");
  });

  it("stable for 12 months: a dose-reduction trial (the CIDP protocol, said so) and an interval extension", () => {
    const r = reviewPatient({
      history: history(twoYears(), [
        m("2024-12-01", "mrc-sum", 150, "points"),
        m("2025-06-01", "mrc-sum", 151, "points"),
        m("2025-12-15", "mrc-sum", 150, "points"),
      ]),
      patient: {},
      asOf: "2026-01-04",
    });
    expect(r.status).toBe("stable");
    expect(r.stableFor12Months).toBe(true);
    expect(r.options.map((o) => [o.kind, o.cidpProtocol])).toEqual([
      ["dose-reduction", true],
      ["interval-extension", false],
    ]);
    // the latest course: 175 g at 70 kg = 2.5 g/kg; 90 % = 2.25, 75 % = 1.88 (1.875), 50 % = 1.25, 25 % = 0.63 (0.625)
    expect(r.options[0]!.arithmetic).toBe(
      "2.5 g/kg per course: 90 % = 2.25 g/kg, 75 % = 1.88 g/kg, 50 % = 1.25 g/kg, 25 % = 0.63 g/kg, then stop",
    );
    expect(r.optionsNote).toBeNull();
  });

  it("worse now is never 'stable for 12 months', even when every reading is within its MCID of a year ago", () => {
    // grip 70 → 66 → 64 → 61 kPa: −9 since baseline (worse, MCID 8 kPa), yet every reading since the year-ago 66
    // (2024-12-01, on or before 2025-12-15 − 12 months) is within 8 kPa of it
    const r = reviewPatient({
      history: history(twoYears(), [
        m("2023-06-01", "grip-right", 70, "kPa"),
        m("2024-12-01", "grip-right", 66, "kPa"),
        m("2025-06-01", "grip-right", 64, "kPa"),
        m("2025-12-15", "grip-right", 61, "kPa"),
      ]),
      patient: {},
      asOf: "2026-01-04",
    });
    expect(r.status).toBe("worse");
    expect(r.stableFor12Months).toBe(false);
  });

  it("current regimen from the history: the latest course's g/kg and the whole weeks before it", () => {
    const d = doseIntensity(history(twoYears()), {}, "2026-01-04");
    expect(currentRegimen(d)).toMatchObject({ doseGPerKg: 2.5, everyWeeks: 4, days: 2, lastCourse: "2025-12-08" });
  });
});
