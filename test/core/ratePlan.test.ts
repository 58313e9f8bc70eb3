import { DomainError } from "../../src/core/domainError.js";
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  buildRatePlan as buildRatePlanData,
  infusionMinutes,
  resolveRates as resolveRatesData,
  type RateOptions,
} from "../../src/core/ratePlan.js";
import { findProduct, type IvigProduct } from "../../src/data/products.js";
import { flagged } from "../helpers/inFlags.js";

const buildRatePlan = flagged(buildRatePlanData);
const resolveRates = flagged(resolveRatesData);

const product = (id: string) => findProduct(id) as IvigProduct;
const plan = (id: string, kg: number, options: RateOptions = {}, kind: "first" | "later" = "later") =>
  buildRatePlan(resolveRates(product(id), options), kind, kg, 0.1);
const rates = (p: ReturnType<typeof plan>) => p.map((s) => s.mlPerHour);

describe("rate plans against docs/clinical.md §8", () => {
  it("D2: Gammagard Liquid MMN, 70 kg: starts at 35 mL/h and tops out at 378 mL/h (5.4 mL/kg/h)", () => {
    const p = plan("gammagard-liquid", 70);
    expect(p[0]).toEqual({ startMinute: 0, mlPerHour: 35, mlPerKgPerHour: 0.5, mgPerKgPerMin: 0.833 });
    expect(p.at(-1)).toEqual({ startMinute: 180, mlPerHour: 378, mlPerKgPerHour: 5.4, mgPerKgPerMin: 9 });
  });

  it("D3: Privigen, 70 kg: starts at 21 mL/h, CIDP maximum 336 mL/h", () => {
    const r = rates(plan("privigen", 70));
    expect([r[0], r.at(-1)]).toEqual([21, 336]);
  });

  it("D11: Octagam ITP ramp, 70 kg, 700 mL: 42 → 84 → 168 → 336 → 504 mL/h, about 2.76 h", () => {
    const p = plan("octagam-10", 70);
    expect(rates(p)).toEqual([42, 84, 168, 336, 504]);
    expect(p.map((s) => s.startMinute)).toEqual([0, 30, 60, 90, 120]);
    expect(infusionMinutes(p, 700) / 60).toBeCloseTo(2.76, 2);
  });

  it("NL-IVIG002 rows: 0.01–0.14 mL/kg/min at 70, 100 and 130 kg", () => {
    const table: Record<number, number[]> = {
      70: [42, 84, 168, 252, 336, 504, 588],
      100: [60, 120, 240, 360, 480, 720, 840],
      130: [78, 156, 312, 468, 624, 936, 1092],
    };
    for (const [kg, expected] of Object.entries(table)) {
      const p = plan("octagam-10", Number(kg), {
        rateStepsMlPerKgPerHour: [1.2, 2.4, 3.6, 4.8, 7.2],
        maxMlPerKgPerHour: 8.4,
        allowAboveLabelMax: true,
      });
      expect(rates(p)).toEqual(expected);
    }
  });

  it("Panzyga cITP chart (0.01 / 0.04 / 0.08 mL/kg/min) at 40–60 kg", () => {
    const chart: Record<number, number[]> = {
      40: [24, 96, 192],
      45: [27, 108, 216],
      50: [30, 120, 240],
      55: [33, 132, 264],
      60: [36, 144, 288],
    };
    for (const [kg, expected] of Object.entries(chart)) {
      expect(rates(plan("panzyga", Number(kg), { rateStepsMlPerKgPerHour: [2.4], maxMlPerKgPerHour: 4.8 }))).toEqual(
        expected,
      );
    }
  });

  it("first infusions stop at the first-infusion maximum where a source gives one (Octagam: 0.08 mL/kg/min)", () => {
    expect(rates(plan("octagam-10", 70, {}, "first"))).toEqual([42, 84, 168, 336]);
  });
});

describe("options and caps", () => {
  it("--max-rate lowers the maximum; above the label it is refused unless overridden", () => {
    expect(rates(plan("gammagard-liquid", 70, { maxMlPerKgPerHour: 4 }))).toEqual([35, 42, 84, 168, 252, 280]);
    expect(() => plan("gammagard-liquid", 70, { maxMlPerKgPerHour: 6 })).toThrow(DomainError);
    const resolved = resolveRates(product("gammagard-liquid"), { maxMlPerKgPerHour: 6, allowAboveLabelMax: true });
    expect(resolved.maxMlPerKgPerHour).toBe(6);
    expect(resolved.warnings.map((w) => w.code)).toContain("MAX_RATE_ABOVE_LABEL");
  });

  it("--at-risk applies the label's numeric cap (Octagam 0.03, Panzyga 0.033 mL/kg/min)", () => {
    expect(plan("octagam-10", 70, { atRisk: true }).at(-1)!.mlPerHour).toBe(126);
    expect(plan("panzyga", 70, { atRisk: true }).at(-1)!.mlPerHour).toBe(138.6);
    const r = resolveRates(product("octagam-10"), { atRisk: true });
    expect(r.warnings[0]!.message).toMatch(/hydrate/); // the risk factors themselves are listed in --help
  });

  it("--at-risk on a label without a number holds at --max-rate when given", () => {
    expect(plan("gammagard-liquid", 70, { atRisk: true, maxMlPerKgPerHour: 2 }).at(-1)!.mlPerHour).toBe(140);
  });

  it("a product whose rates were not found asks for all of them at once, naming the same product's other entry (Kiovig)", () => {
    expect(() => resolveRates(product("kiovig"), {})).toThrow(
      /--initial-rate and --max-rate are required.*--product gammagard-liquid/,
    );
    expect(() => resolveRates(product("kiovig"), { initialMlPerKgPerHour: 0.5 })).toThrow(/--max-rate is required/);
    expect(rates(plan("kiovig", 70, { initialMlPerKgPerHour: 0.5, maxMlPerKgPerHour: 5 }))).toEqual([
      35, 42, 84, 168, 252, 336, 350,
    ]);
  });

  it("says so when the label gives no steps or no step time", () => {
    const codes = resolveRates(product("privigen")).warnings.map((w) => w.code);
    expect(codes).toEqual(["RATE_TIMING_NOT_IN_LABEL"]);
    expect(resolveRates(product("privigen"), { stepMinutes: 30, rateStepsMlPerKgPerHour: [1, 2] }).warnings).toEqual(
      [],
    );
  });
});

describe("chair time properties", () => {
  const ids = fc.constantFrom(
    "gammagard-liquid",
    "privigen",
    "gamunex-c",
    "octagam-10",
    "panzyga",
    "flebogamma-dif-10",
  );
  const kg = fc.integer({ min: 20, max: 200 });
  const volume = fc.integer({ min: 10, max: 3000 });

  test.prop([ids, kg, volume, volume])("durations increase with volume", (id, w, a, b) => {
    const p = plan(id, w);
    const [small, large] = a < b ? [a, b] : [b, a];
    expect(infusionMinutes(p, large)).toBeGreaterThanOrEqual(infusionMinutes(p, small));
  });

  test.prop([ids, kg, volume])(
    "never longer than volume ÷ initial rate, never shorter than volume ÷ maximum rate",
    (id, w, v) => {
      const p = plan(id, w);
      const minutes = infusionMinutes(p, v);
      expect(minutes).toBeLessThanOrEqual((v / p[0]!.mlPerHour) * 60 + 1e-9);
      expect(minutes).toBeGreaterThanOrEqual((v / p.at(-1)!.mlPerHour) * 60 - 1e-9);
    },
  );
});
