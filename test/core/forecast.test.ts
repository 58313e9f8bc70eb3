import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { addCalendarDays } from "../../src/core/calendarDate.js";
import { DomainError } from "../../src/core/domainError.js";
import {
  addSchedule,
  createForecast,
  type ForecastSchedule,
  forecastRows,
  periodStartOf,
} from "../../src/core/forecast.js";
import { planSchedule } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";

describe("periodStartOf", () => {
  it("a week starts on its Monday (ISO), across month and year ends", () => {
    // 2026-11-30 is a Monday (2026-12-01 is a Tuesday).
    expect(periodStartOf("2026-11-30", "week")).toBe("2026-11-30");
    expect(periodStartOf("2026-12-03", "week")).toBe("2026-11-30");
    expect(periodStartOf("2026-12-06", "week")).toBe("2026-11-30"); // Sunday: still the week before
    expect(periodStartOf("2026-12-07", "week")).toBe("2026-12-07");
    expect(periodStartOf("2027-01-01", "week")).toBe("2026-12-28"); // Friday of the week holding New Year
  });

  it("a month starts on its 1st", () => {
    expect(periodStartOf("2027-01-31", "month")).toBe("2027-01-01");
    expect(periodStartOf("2026-12-01", "month")).toBe("2026-12-01");
  });
});

/**
 * Two 70 kg patients, Gammagard Liquid 10 % (vials 1, 2.5, 5, 10, 20, 30 g), 2 g/kg over 2 days,
 * one course each: 140 g a course, 70 g a day = 2 × 30 g + 1 × 10 g (fewest vials), 700 mL a day.
 * A: Tue 29 and Wed 30 December 2026. B: Thu 31 December 2026 and Fri 1 January 2027.
 */
function twoPatients(period: "week" | "month") {
  const a = planSchedule(scheduleInput({ startDate: "2026-12-29", courses: 1 }), "2026-11-25");
  const b = planSchedule(scheduleInput({ startDate: "2026-12-31", courses: 1 }), "2026-11-25");
  expect(a.infusions.map((i) => i.date)).toEqual(["2026-12-29", "2026-12-30"]);
  expect(b.infusions.map((i) => i.date)).toEqual(["2026-12-31", "2027-01-01"]);
  const acc = createForecast(period);
  addSchedule(acc, a);
  addSchedule(acc, b);
  return forecastRows(acc);
}

describe("forecast of hand-computed schedules", () => {
  it("by week: the week of 28 December holds all four days, though it crosses into January", () => {
    expect(twoPatients("week")).toEqual([
      {
        periodStart: "2026-12-28",
        product: "gammagard-liquid",
        grams: 280, // 4 days × 70 g
        volumeMl: 2800, // 4 × 700 mL
        vials: [
          { sizeG: 30, count: 8 }, // 4 × 2
          { sizeG: 10, count: 4 }, // 4 × 1
        ],
        infusions: 4,
        patients: 2,
      },
    ]);
  });

  it("by month: December holds three days of two patients, January one day of one", () => {
    expect(twoPatients("month")).toEqual([
      {
        periodStart: "2026-12-01",
        product: "gammagard-liquid",
        grams: 210, // 3 × 70 g
        volumeMl: 2100,
        vials: [
          { sizeG: 30, count: 6 },
          { sizeG: 10, count: 3 },
        ],
        infusions: 3,
        patients: 2,
      },
      {
        periodStart: "2027-01-01",
        product: "gammagard-liquid",
        grams: 70,
        volumeMl: 700,
        vials: [
          { sizeG: 30, count: 2 },
          { sizeG: 10, count: 1 },
        ],
        infusions: 1,
        patients: 1,
      },
    ]);
  });

  /** A schedule written by hand: one product, infusions of the given dates and quantities. */
  const schedule = (product: string, infusions: [string, number, number, [number, number][]][]): ForecastSchedule => ({
    regimen: { product, productName: product },
    infusions: infusions.map(([date, dispensedG, volumeMl, vials]) => ({
      date,
      dispensedG,
      volumeMl,
      vials: vials.map(([sizeG, count]) => ({ sizeG, count })),
    })),
  });

  it("rows are sorted by period, then product; sums of decimals do not drift", () => {
    const acc = createForecast("week");
    addSchedule(acc, schedule("privigen", [["2026-12-08", 2.5, 0.1, [[2.5, 1]]]]));
    addSchedule(acc, schedule("hizentra", [["2026-12-09", 2.5, 0.2, [[2.5, 1]]]]));
    addSchedule(acc, schedule("privigen", [["2026-12-01", 0.1, 0.2, [[1, 1]]]]));
    addSchedule(acc, schedule("privigen", [["2026-12-10", 0.2, 0.2, [[1, 1]]]]));
    const rows = forecastRows(acc);
    expect(rows.map((r) => [r.periodStart, r.product])).toEqual([
      ["2026-11-30", "privigen"],
      ["2026-12-07", "hizentra"],
      ["2026-12-07", "privigen"],
    ]);
    // 2.5 + 0.2 g and 0.1 + 0.2 mL: exactly 2.7 and 0.3, not 0.30000000000000004.
    expect(rows[2]).toMatchObject({ grams: 2.7, volumeMl: 0.3, infusions: 2, patients: 2 });
    expect(rows[2]!.vials).toEqual([
      { sizeG: 2.5, count: 1 },
      { sizeG: 1, count: 1 },
    ]);
    expect(acc.productPatients.get("privigen")).toBe(3);
    expect(acc.schedules).toBe(4);
  });

  it("a treatment plan's infusions count under their own phase's product (IVIG then SCIG)", () => {
    const acc = createForecast("week");
    // One patient: Privigen 70 g on Tue 2026-12-01 (phase 1), Hizentra 20 g on Tue 2026-12-08 (phase 2).
    addSchedule(acc, {
      regimen: { product: "privigen", productName: "Privigen" },
      phases: [
        { phase: 1, product: "privigen", productName: "Privigen" },
        { phase: 2, product: "hizentra", productName: "Hizentra" },
      ],
      infusions: [
        {
          phase: 1,
          date: "2026-12-01",
          dispensedG: 70,
          volumeMl: 700,
          vials: [
            { sizeG: 20, count: 3 },
            { sizeG: 10, count: 1 },
          ],
        },
        { phase: 2, date: "2026-12-08", dispensedG: 20, volumeMl: 100, vials: [{ sizeG: 10, count: 2 }] },
      ],
    });
    expect(forecastRows(acc).map((r) => [r.periodStart, r.product, r.grams, r.patients])).toEqual([
      ["2026-11-30", "privigen", 70, 1],
      ["2026-12-07", "hizentra", 20, 1],
    ]);
    expect(acc.productPatients.get("privigen")).toBe(1);
    expect(acc.productPatients.get("hizentra")).toBe(1);
    expect(acc.productNames.get("hizentra")).toBe("Hizentra");
  });

  it("a patient with two infusions in one week counts once in that week", () => {
    const acc = createForecast("week");
    addSchedule(
      acc,
      schedule("privigen", [
        ["2026-12-01", 10, 100, [[10, 1]]],
        ["2026-12-02", 10, 100, [[10, 1]]],
      ]),
    );
    expect(forecastRows(acc)[0]).toMatchObject({ infusions: 2, patients: 1, grams: 20 });
  });
});

const patient = fc.record({
  weightKg: fc.integer({ min: 300, max: 1500 }).map((n) => n / 10),
  doseGPerKg: fc.constantFrom(0.4, 1, 2),
  intervalWeeks: fc.integer({ min: 1, max: 8 }),
  courses: fc.integer({ min: 1, max: 6 }),
  startDate: fc.integer({ min: 0, max: 400 }).map((d) => addCalendarDays("2026-12-01", d)),
  productId: fc.constantFrom("gammagard-liquid", "privigen", "octagam-10"),
  route: fc.constantFrom<"ivig" | "scig">("ivig", "ivig", "scig"),
});

function plan(p: typeof patient extends fc.Arbitrary<infer T> ? T : never) {
  try {
    return planSchedule(scheduleInput(p.route === "scig" ? { ...p, productId: "gammagard-liquid" } : p), "2026-11-25");
  } catch (e) {
    if (e instanceof DomainError) return undefined; // refused as the one-patient command refuses it
    throw e;
  }
}

describe("property: the forecast's rows sum to the patients' own schedules", () => {
  test.prop([fc.array(patient, { minLength: 1, maxLength: 8 }), fc.constantFrom<"week" | "month">("week", "month")], {
    numRuns: 60,
  })("grams, volume, vials and infusions, per product; patients per period", (patients, period) => {
    const schedules = patients.map(plan).filter((s) => s !== undefined);
    fc.pre(schedules.length > 0);
    const acc = createForecast(period);
    for (const s of schedules) addSchedule(acc, s);
    const rows = forecastRows(acc);
    const products = new Set(schedules.map((s) => s.regimen.product));
    for (const product of products) {
      const own = schedules.filter((s) => s.regimen.product === product).flatMap((s) => s.infusions);
      const mine = rows.filter((r) => r.product === product);
      expect(sum(mine.map((r) => r.grams))).toBeCloseTo(sum(own.map((i) => i.dispensedG)), 6);
      expect(sum(mine.map((r) => r.volumeMl))).toBeCloseTo(sum(own.map((i) => i.volumeMl)), 6);
      expect(sum(mine.map((r) => r.infusions))).toBe(own.length);
      const vials = (list: { sizeG: number; count: number }[]) => {
        const bySize: Record<string, number> = {};
        for (const v of list) bySize[v.sizeG] = (bySize[v.sizeG] ?? 0) + v.count;
        return bySize;
      };
      expect(vials(mine.flatMap((r) => [...r.vials]))).toEqual(vials(own.flatMap((i) => i.vials)));
    }
    // Each patient counts once in each period it has an infusion in.
    const expectedPatients = sum(
      schedules.map((s) => new Set(s.infusions.map((i) => periodStartOf(i.date, period))).size),
    );
    expect(sum(rows.map((r) => r.patients))).toBe(expectedPatients);
    expect(rows.map((r) => `${r.periodStart} ${r.product}`)).toEqual(
      rows.map((r) => `${r.periodStart} ${r.product}`).sort(),
    );
  });
});

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
