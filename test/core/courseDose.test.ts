import { DomainError } from "../../src/core/domainError.js";
import { describe, expect, it } from "vitest";
import { planCourseDose, splitEvenly, type Rounding, nearestFiveGramsMg } from "../../src/core/courseDose.js";
import { createVialStock, gToMg } from "../../src/core/vials.js";
import { GAMMAGARD_VIALS_MG } from "../helpers/input.js";

const stock = createVialStock(GAMMAGARD_VIALS_MG);
const plan = (weightKg: number, rounding: Rounding, opts: { dose?: number; maxDaily?: number; days?: number } = {}) => {
  const r = planCourseDose({
    exactCourseDoseMg: gToMg(weightKg * (opts.dose ?? 2)),
    maxDailyMg: gToMg(weightKg * (opts.maxDaily ?? 1)),
    requestedDays: opts.days,
    rounding,
    stock,
  });
  return { totalG: r.courseDoseMg / 1000, daysG: r.dayDosesMg.map((d) => d / 1000), reason: r.daysReason };
};

describe("planCourseDose: the issue's and docs/clinical.md D1 examples", () => {
  it.each<[string, number, Rounding, Parameters<typeof plan>[2], number, number[]]>([
    ["D1: 70 kg, 2 g/kg, 2 days of 1 g/kg", 70, "vial", {}, 140, [70, 70]],
    ["D1: 70 kg over 5 days is 0.4 g/kg/day", 70, "vial", { days: 5 }, 140, [28, 28, 28, 28, 28]],
    ["1 g/kg fits one day at the default cap", 70, "vial", { dose: 1 }, 70, [70]],
    ["73 kg --round 5g: 146 g -> 145 g", 73, "5g", {}, 145, [72.5, 72.5]],
    ["66.6 kg --round vial: 133.2 g -> 133 g", 66.6, "vial", {}, 133, [66.5, 66.5]],
    ["--round none keeps 0.01 g and splits evenly", 66.6, "none", {}, 133.2, [66.6, 66.6]],
    ["--round none over 3 days", 70, "none", { days: 3 }, 140, [46.67, 46.67, 46.66]],
    ["D4 total (164.56 g) -> Ontario 165 g", 82.279, "5g", {}, 165, [82.5, 82.5]],
    ["D5 total (134.86 g) -> Ontario 135 g", 67.429, "5g", {}, 135, [67.5, 67.5]],
    ["D6 total (185.99 g) -> Ontario 185 g", 92.995, "5g", {}, 185, [92.5, 92.5]],
  ])("%s", (_name, kg, rounding, opts, totalG, daysG) => {
    const r = plan(kg, rounding, opts);
    expect(r.totalG).toBe(totalG);
    expect(r.daysG).toEqual(daysG);
  });

  it("keeps the days of the prescription when rounding tips a day over the cap (72 kg: 145 g = 2 × 72.5 g)", () => {
    const r = plan(72, "5g");
    expect(r.totalG).toBe(145);
    expect(r.daysG).toEqual([72.5, 72.5]);
    expect(r.reason).toBe("fewest-within-cap");
  });

  it("rounds a vial total to the nearest whole-vial split (66.7 kg: 133.4 g -> 133.5 g = 67 + 66.5)", () => {
    const r = plan(66.7, "vial");
    expect(r.totalG).toBe(133.5);
    expect(r.daysG).toEqual([67, 66.5]);
  });

  it("honours --days even above the cap (the caller warns)", () => {
    const r = plan(70, "vial", { days: 1 });
    expect(r.daysG).toEqual([140]);
    expect(r.reason).toBe("requested");
  });

  it("refuses a cap that needs more than 5 days", () => {
    expect(() => plan(70, "vial", { maxDaily: 0.2 })).toThrow(DomainError);
  });
});

describe("splitEvenly", () => {
  it("puts the larger parts first and adds up exactly", () => {
    expect(splitEvenly(145_000, 3, 500, stock)).toEqual([48_500, 48_500, 48_000]);
  });
  it("rejects parts that whole vials cannot make", () => {
    expect(splitEvenly(3000, 2, 500, stock)).toBeNull();
  });
});

describe("nearestFiveGramsMg (Ontario's step, before the stock is considered)", () => {
  it.each([
    [146_000, 145_000],
    [147_500, 150_000],
    [164_560, 165_000],
    [2_000, 5_000],
    [2_600, 5_000],
  ])("%d mg → %d mg", (exact, nearest) => expect(nearestFiveGramsMg(exact)).toBe(nearest));
});
