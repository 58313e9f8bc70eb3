import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { rateRefusal, resolveRates as resolveRatesData, type RateOptions } from "../../src/core/ratePlan.js";
import type { ScheduleResult } from "../../src/core/resultSchema.js";
import { planSchedule as planScheduleData } from "../../src/core/schedule.js";
import { findProduct, IVIG_PRODUCTS, type IvigProduct } from "../../src/data/products.js";
import { SOURCES } from "../../src/data/sources.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";

const resolveRates = flagged(resolveRatesData);
const planSchedule = flagged(planScheduleData);

// Every figure below is worked out by hand from docs/clinical.md §2, §7.2 and §7.3: mL/kg/h = mL/kg/min × 60.

const TODAY = "2026-11-25";
const product = (id: string) => findProduct(id) as IvigProduct;
const withRates = IVIG_PRODUCTS.filter((p) => p.rates.maxMlPerKgPerHour.value !== null);
const top = (r: ScheduleResult) => Math.max(...r.infusions.flatMap((i) => i.ratePlan.map((s) => s.mlPerKgPerHour)));
const longest = (r: ScheduleResult) => Math.max(...r.infusions.map((i) => i.durationMinutes));
const plan = (id: string, rates: RateOptions, more: Parameters<typeof scheduleInput>[0] = {}) =>
  planSchedule(scheduleInput({ productId: id, courses: 2, ...more, rates }), TODAY) as ScheduleResult;

describe("--at-risk always runs slower than the ordinary plan (boxed warning: minimum infusion rate practicable)", () => {
  it.each([
    // [product, ordinary top mL/kg/h, at-risk top mL/kg/h]
    ["gammagard-liquid", 5.4, 4.8], // no number: NL-IVIG002 step below 0.09 mL/kg/min is 0.08
    ["privigen", 4.8, 3.6], // no number, label max 0.08: the step below is 0.06
    ["flebogamma-dif-10", 4.8, 3.6], // the same
    ["gamunex-c", 4.8, 3.6], // "less than 8 mg/kg/min (0.08 mL/kg/min)": 0.06, the step below
    ["octagam-10", 7.2, 1.8], // the label's cap 0.03 mL/kg/min
    ["panzyga", 7.2, 1.98], // the label's cap 3.3 mg/kg/min = 0.033 mL/kg/min
  ])("%s: later infusions top out at %s mL/kg/h, at risk %s", (id, ordinary, atRisk) => {
    expect(top(plan(id, {}))).toBe(ordinary);
    expect(top(plan(id, { atRisk: true }))).toBe(atRisk);
  });

  it("the warning says what it did and why: both tops, the cap and its source", () => {
    const w = resolveRates(product("gamunex-c"), { atRisk: true }).warnings.find((m) => m.code === "AT_RISK")!;
    expect(w.message).toMatch(/stops at 3\.6 mL\/kg\/h \(0\.06 mL\/kg\/min\), not the ordinary 4\.8 mL\/kg\/h/);
    expect(w.message).toMatch(/less than 0\.08 mL\/kg\/min; 0\.06 mL\/kg\/min is the NL-IVIG002 step below/);
    expect(w.sources).toContain(SOURCES.gamunexCRenalRate.url);
    const p = resolveRates(product("privigen"), { atRisk: true }).warnings.find((m) => m.code === "AT_RISK")!;
    expect(p.message).toMatch(/not the ordinary 4\.8 mL\/kg\/h: no number on the Privigen 10 % label/);
    expect(p.message).toMatch(/NL-IVIG002 step below its maximum 0\.08 mL\/kg\/min/);
    expect(p.message).not.toMatch(/capped/);
  });

  it("a --max-rate already below the at-risk top is kept, and the warning says the plan is the same as without --at-risk", () => {
    const r = resolveRates(product("gammagard-liquid"), { atRisk: true, maxMlPerKgPerHour: 2 });
    expect(r.maxMlPerKgPerHour).toBe(2);
    expect(r.warnings.find((m) => m.code === "AT_RISK")!.message).toMatch(/same as without --at-risk/);
    // a --max-rate above the at-risk top is lowered to it: Privigen --max-rate 4.5 → 3.6
    expect(resolveRates(product("privigen"), { atRisk: true, maxMlPerKgPerHour: 4.5 }).maxMlPerKgPerHour).toBe(3.6);
  });

  test.prop(
    [
      fc.constantFrom(...withRates.map((p) => p.id)),
      fc.integer({ min: 40, max: 150 }),
      fc.constantFrom(0.4, 1, 1.6, 2),
      fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    ],
    { numRuns: 60 },
  )(
    "every product with rates, any weight, dose and days: the at-risk top is lower, the chair time not shorter",
    (id, kg, dose, days) => {
      const more = {
        weightKg: kg,
        weightAsEntered: String(kg),
        doseGPerKg: dose,
        daysPerCourse: days,
        maxDailyGPerKg: 2,
        rounding: "none" as const,
      };
      const ordinary = plan(id, {}, more);
      const atRisk = plan(id, { atRisk: true }, more);
      expect(top(atRisk)).toBeLessThan(top(ordinary));
      expect(longest(atRisk)).toBeGreaterThanOrEqual(longest(ordinary));
    },
  );
});

describe("typed rates are bounded where the label gives none (Kiovig: Gammagard Liquid's 0.5 → 5.4 mL/kg/h)", () => {
  const kiovig = product("kiovig");

  it("--initial-rate 3 --max-rate 15 is refused, naming the option, the bound and where it comes from", () => {
    expect(() => resolveRates(kiovig, { initialMlPerKgPerHour: 3, maxMlPerKgPerHour: 15 })).toThrow(
      /--initial-rate 3 is above 0\.5 mL\/kg\/h, .*Gammagard Liquid.*--allow-above-label-rate/,
    );
    expect(() => resolveRates(kiovig, { initialMlPerKgPerHour: 0.5, maxMlPerKgPerHour: 15 })).toThrow(
      /--max-rate 15 is above 5\.4 mL\/kg\/h, .*Gammagard Liquid.*--allow-above-label-rate/,
    );
  });

  it("with the override: a warning naming the bound; with --at-risk the bound holds", () => {
    const r = resolveRates(kiovig, { initialMlPerKgPerHour: 0.5, maxMlPerKgPerHour: 15, allowAboveLabelMax: true });
    expect(r.maxMlPerKgPerHour).toBe(15);
    expect(r.warnings.find((w) => w.code === "MAX_RATE_ABOVE_LABEL")!.message).toMatch(/above 5\.4 mL\/kg\/h/);
    const held = resolveRates(kiovig, { initialMlPerKgPerHour: 0.5, maxMlPerKgPerHour: 15, atRisk: true });
    expect(held.warnings.map((w) => w.code)).toContain("AT_RISK_HOLDS_LABEL_RATE");
    // held at 5.4, then the at-risk top below it: 0.08 mL/kg/min = 4.8 mL/kg/h
    expect(held.maxMlPerKgPerHour).toBe(4.8);
  });

  it("a typed rate is never called the label's", () => {
    const r = plan("kiovig", { initialMlPerKgPerHour: 0.5, maxMlPerKgPerHour: 5.4 });
    const texts = [...r.warnings, ...r.notes].map((m) => m.message);
    expect(texts.find((t) => /would allow/.test(t))).toMatch(
      /^these rates \(the initial rate given, the maximum given\)/,
    );
    expect(texts.filter((t) => /the label would allow|the label's initial rate|label: /.test(t))).toEqual([]);
  });

  test.prop([fc.constantFrom(...IVIG_PRODUCTS), fc.integer({ min: 1, max: 200 }).map((x) => x / 10)], { numRuns: 100 })(
    "no typed --max-rate beyond its bound is accepted without the override",
    (p, rate) => {
      const bound = p.rates.maxMlPerKgPerHour.value ?? 5.4; // Kiovig: Gammagard Liquid's maximum
      const initial = p.rates.initialMlPerKgPerHour.value === null ? { initialMlPerKgPerHour: 0.5 } : {};
      expect(rateRefusal(p, { ...initial, maxMlPerKgPerHour: rate }) === null).toBe(rate <= bound);
    },
  );
});

describe("escalation no faster than the label: --step-minutes", () => {
  it.each([
    ["gammagard-liquid", 30], // Gammagard PI: increase every 30 min
    ["octagam-10", 30], // Octagam: every 30 min
    ["panzyga", 15], // Panzyga: every 15–30 min
    ["privigen", 30], // no label figure: the plan's default step
    ["kiovig", 30], // no label figure: Gammagard Liquid's, the same product
  ])("%s: below %s min is refused naming --step-minutes; with the override a warning", (id, minutes) => {
    const base: RateOptions = id === "kiovig" ? { initialMlPerKgPerHour: 0.5, maxMlPerKgPerHour: 5.4 } : {};
    expect(() => resolveRates(product(id), { ...base, stepMinutes: minutes - 1 })).toThrow(
      new RegExp(`--step-minutes ${minutes - 1} is shorter than .*${minutes} min.*--allow-above-label-rate`),
    );
    expect(resolveRates(product(id), { ...base, stepMinutes: minutes }).stepMinutes).toBe(minutes);
    const r = resolveRates(product(id), { ...base, stepMinutes: 5, allowAboveLabelMax: true });
    expect(r.stepMinutes).toBe(5);
    expect(r.warnings.find((w) => w.code === "STEP_MINUTES_BELOW_LABEL")!.message).toMatch(
      new RegExp(`${minutes} min`),
    );
    const atRisk = resolveRates(product(id), { ...base, stepMinutes: 5, allowAboveLabelMax: true, atRisk: true });
    expect(atRisk.stepMinutes).toBe(minutes);
  });

  test.prop([fc.constantFrom(...withRates), fc.integer({ min: 5, max: 240 })], { numRuns: 100 })(
    "no step time below its bound is accepted without the override",
    (p, minutes) => {
      const bound = p.id === "panzyga" ? 15 : 30;
      expect(rateRefusal(p, { stepMinutes: minutes }) === null).toBe(minutes >= bound);
    },
  );
});

describe("a day's volume is part of the at-risk picture (Gamunex-C: 1 g/kg a day not where fluid volume is a concern)", () => {
  const volume = (r: ScheduleResult) => r.warnings.find((w) => w.code === "AT_RISK_DAY_VOLUME");

  it("--at-risk, 77 kg, 2 g/kg over 2 days (1 g/kg, 770 mL a day): --days 4 offered (0.5 g/kg a day)", () => {
    const w = volume(plan("gamunex-c", { atRisk: true }, { weightKg: 77, weightAsEntered: "77" }))!;
    expect(w.message).toMatch(/1 g\/kg a day \(770 mL\)/);
    expect(w.remedies).toEqual(["--days 4"]);
  });

  it("names the largest dispensed day where whole vials made it larger (Privigen 77 kg: 155 g as 80 g + 75 g)", () => {
    // 2 × 77 = 154 g → 155 g in Privigen's 5, 10, 20, 40 g vials: 80 g + 75 g; 80 g of 10 % is 800 mL.
    const w = volume(plan("privigen", { atRisk: true }, { weightKg: 77, weightAsEntered: "77" }))!;
    expect(w.message).toContain("1 g/kg a day (770 mL; the largest dispensed day 80 g, 800 mL)");
  });

  it("age over 65 without --at-risk counts; 65 does not; 0.8 g/kg a day does not; --days given: no remedy to append", () => {
    expect(volume(plan("privigen", {}, { ageYears: 66 }))?.remedies).toEqual(["--days 4"]);
    expect(volume(plan("privigen", {}, { ageYears: 65 }))).toBeUndefined();
    expect(volume(plan("privigen", { atRisk: true }, { doseGPerKg: 1.6 }))).toBeUndefined();
    const given = volume(plan("privigen", { atRisk: true }, { daysPerCourse: 2 }))!;
    expect(given.remedies ?? []).toEqual([]);
    expect(given.message).toMatch(/--days 4 instead of 2/);
  });
});
