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
import { SOURCES } from "../../src/data/sources.js";
import { planSchedule as planScheduleData } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";
import { longFlagOf } from "../../src/cli/options.js";

const buildRatePlan = flagged(buildRatePlanData);
const resolveRates = flagged(resolveRatesData);
const planSchedule = flagged(planScheduleData);

// Expected pump rates below are computed by hand: mL/h = mL/kg/min × kg × 60 (docs/clinical.md §1.6),
// NL-IVIG002 rows from docs/clinical.md §8.1 item 7. Chair times: each 30-min step's volume summed by hand.
const product = (id: string) => findProduct(id) as IvigProduct;
const plan = (id: string, kg: number, options: RateOptions = {}, kind: "first" | "later" = "later") =>
  buildRatePlan(resolveRates(product(id), options), kind, kg, 0.1);
const rates = (p: ReturnType<typeof plan>) => p.map((s) => s.mlPerHour);

describe("the default plan titrates in sourced steps", () => {
  it("Gammagard Liquid 70 kg: label 0.5 mL/kg/h, NL-IVIG002 steps 0.01–0.08 mL/kg/min, label maximum 5.4 mL/kg/h", () => {
    const p = plan("gammagard-liquid", 70);
    // 0.5 × 70; 0.01, 0.02, 0.04, 0.06, 0.08 mL/kg/min × 70 × 60; 5.4 × 70
    expect(rates(p)).toEqual([35, 42, 84, 168, 252, 336, 378]);
    expect(p.map((s) => s.startMinute)).toEqual([0, 30, 60, 90, 120, 150, 180]);
  });

  it("Gammagard Liquid 70 kg, 700 mL: 3:39 later, 3:44 first (stops at NL-IVIG002's 0.08 mL/kg/min)", () => {
    // later: 17.5 + 21 + 42 + 84 + 126 + 168 = 458.5 mL in 180 min; 241.5 mL at 378 mL/h = 38.33 min
    expect(Math.ceil(infusionMinutes(plan("gammagard-liquid", 70), 700))).toBe(219);
    // first: 17.5 + 21 + 42 + 84 + 126 = 290.5 mL in 150 min; 409.5 mL at 336 mL/h = 73.125 min
    const first = plan("gammagard-liquid", 70, {}, "first");
    expect(rates(first)).toEqual([35, 42, 84, 168, 252, 336]);
    expect(Math.ceil(infusionMinutes(first, 700))).toBe(224);
  });

  it("Privigen 70 kg: 21 mL/h, then doubling to the CIDP maximum 336 mL/h; 700 mL in 3:45", () => {
    const p = plan("privigen", 70);
    expect(rates(p)).toEqual([21, 42, 84, 168, 252, 336]);
    // 10.5 + 21 + 42 + 84 + 126 = 283.5 mL in 150 min; 416.5 mL at 336 mL/h = 74.375 min
    expect(Math.ceil(infusionMinutes(p, 700))).toBe(225);
  });

  it("Gamunex-C and Flebogamma follow NL-IVIG002 from their label initial rate to their label maximum", () => {
    expect(rates(plan("gamunex-c", 70))).toEqual([84, 168, 252, 336]);
    expect(rates(plan("flebogamma-dif-10", 70))).toEqual([42, 84, 168, 252, 336]);
  });

  it("NL-IVIG002 rows at 70, 100 and 130 kg (Panzyga CIDP 0.01–0.12 mL/kg/min)", () => {
    expect(rates(plan("panzyga", 70))).toEqual([42, 84, 168, 252, 336, 504]);
    expect(rates(plan("panzyga", 100))).toEqual([60, 120, 240, 360, 480, 720]);
    expect(rates(plan("panzyga", 130))).toEqual([78, 156, 312, 468, 624, 936]);
    const full = plan("panzyga", 130, { maxMlPerKgPerHour: 8.4, allowAboveLabelMax: true });
    expect(rates(full)).toEqual([78, 156, 312, 468, 624, 936, 1092]);
  });

  it("Octagam 10 % keeps its label steps (0.01/0.02/0.04/0.08/0.12 mL/kg/min every 30 min)", () => {
    expect(rates(plan("octagam-10", 70))).toEqual([42, 84, 168, 336, 504]);
  });

  it("no RATE_STEPS_NOT_IN_LABEL warning; the plan's source is in a RATE_PLAN note", () => {
    for (const id of ["gammagard-liquid", "privigen", "gamunex-c", "octagam-10", "panzyga", "flebogamma-dif-10"]) {
      const r = resolveRates(product(id));
      expect(r.warnings.map((w) => w.code)).not.toContain("RATE_STEPS_NOT_IN_LABEL");
      expect(r.notes.map((n) => n.code)).toContain("RATE_PLAN");
    }
    expect(resolveRates(product("gammagard-liquid")).notes.find((n) => n.code === "RATE_PLAN")!.sources).toContain(
      SOURCES.nlIvig002.url,
    );
  });
});

describe("rates above the label need the override; --at-risk never", () => {
  it("--initial-rate above the label's initial rate is refused without --allow-above-label-rate", () => {
    expect(() => resolveRates(product("gammagard-liquid"), { initialMlPerKgPerHour: 1 })).toThrow(
      /--initial-rate 1 is above the Gammagard Liquid 10 % label initial rate of 0\.5 mL\/kg\/h.*--allow-above-label-rate/,
    );
    const r = resolveRates(product("gammagard-liquid"), { initialMlPerKgPerHour: 1, allowAboveLabelMax: true });
    expect(r.initialMlPerKgPerHour).toBe(1);
    expect(r.warnings.map((w) => w.code)).toContain("INITIAL_RATE_ABOVE_LABEL");
    expect(resolveRates(product("gammagard-liquid"), { initialMlPerKgPerHour: 0.3 }).initialMlPerKgPerHour).toBe(0.3);
  });

  it("--at-risk holds a rate above the label at the label's, even with --allow-above-label-rate (a warning says so)", () => {
    for (const allowAboveLabelMax of [true, false]) {
      const r = resolveRates(product("gammagard-liquid"), {
        atRisk: true,
        maxMlPerKgPerHour: 7,
        initialMlPerKgPerHour: 1,
        allowAboveLabelMax,
      });
      // held at the label's 5.4, then the at-risk top below it: NL-IVIG002's 0.08 mL/kg/min × 60 = 4.8 mL/kg/h
      expect(r.maxMlPerKgPerHour).toBe(4.8);
      expect(r.initialMlPerKgPerHour).toBe(0.5);
      expect(
        r.warnings.filter((w) => w.code === "AT_RISK_HOLDS_LABEL_RATE").map((w) => w.message.split(" ")[0]),
      ).toEqual(["--initial-rate", "--max-rate"]);
    }
    expect(
      plan("octagam-10", 70, { atRisk: true, maxMlPerKgPerHour: 9, allowAboveLabelMax: true }).at(-1)!.mlPerHour,
    ).toBe(126);
  });

  it("--at-risk alone works for labels without a number: the NL-IVIG002 step below the label maximum", () => {
    // Gammagard: label 5.4 mL/kg/h = 0.09 mL/kg/min; the step below is 0.08: 0.08 × 60 × 70 kg = 336 mL/h
    expect(plan("gammagard-liquid", 70, { atRisk: true }).at(-1)!.mlPerHour).toBe(336);
    // Privigen, Flebogamma: label 0.08 mL/kg/min; the step below is 0.06: 0.06 × 60 × 70 = 252 mL/h
    expect(plan("privigen", 70, { atRisk: true }).at(-1)!.mlPerHour).toBe(252);
    expect(plan("flebogamma-dif-10", 70, { atRisk: true }).at(-1)!.mlPerHour).toBe(252);
    expect(
      resolveRates(product("gammagard-liquid"), { atRisk: true }).warnings.find((w) => w.code === "AT_RISK")!.sources,
    ).toContain(SOURCES.nlIvig002.url);
    // an explicit --max-rate (the prescriber's check) still holds
    expect(plan("gammagard-liquid", 70, { atRisk: true, maxMlPerKgPerHour: 2 }).at(-1)!.mlPerHour).toBe(140);
  });

  it("a label's numeric at-risk cap holds: Octagam 0.03 mL/kg/min (the lower of its two figures)", () => {
    expect(plan("octagam-10", 70, { atRisk: true }).at(-1)!.mlPerHour).toBe(126);
    expect(plan("octagam-10", 70, { atRisk: true, maxMlPerKgPerHour: 5 }).at(-1)!.mlPerHour).toBe(126);
  });
});

describe("nothing absurd", () => {
  it("--rate-steps outside initial…maximum are refused, naming the range", () => {
    expect(() => resolveRates(product("gammagard-liquid"), { rateStepsMlPerKgPerHour: [0.3, 1] })).toThrow(
      /--rate-steps 0\.3 .*0\.5.*5\.4 mL\/kg\/h/,
    );
    expect(() => resolveRates(product("gammagard-liquid"), { rateStepsMlPerKgPerHour: [1, 6] })).toThrow(
      /--rate-steps 6 /,
    );
    expect(() =>
      resolveRates(product("gammagard-liquid"), { rateStepsMlPerKgPerHour: [1, 4], maxMlPerKgPerHour: 3 }),
    ).toThrow(/--rate-steps 4 /);
    expect(rates(plan("gammagard-liquid", 70, { rateStepsMlPerKgPerHour: [1, 2, 3, 4] }))).toEqual([
      35, 70, 140, 210, 280, 378,
    ]);
    // a step equal to the maximum is the maximum itself: run, and no note about steps not run
    const atMax = resolveRates(product("gammagard-liquid"), { rateStepsMlPerKgPerHour: [1, 5.4] });
    expect(atMax.notes.map((n) => n.message).join(" ")).not.toContain("not run");
  });

  it("--at-risk with --rate-steps above its cap: those steps are not run, and a note says so (so --at-risk stays accepted)", () => {
    const r = resolveRates(product("gammagard-liquid"), { atRisk: true, rateStepsMlPerKgPerHour: [1, 2, 3, 4, 5] });
    expect(r.notes.map((n) => n.message)).toContain("--rate-steps 5 not run: above the --at-risk maximum 4.8 mL/kg/h");
    expect(rates(buildRatePlan(r, "later", 70, 0.1))).toEqual([35, 70, 140, 210, 280, 336]);
  });

  it("a step that rounds to 0 mL/h is refused", () => {
    expect(() => plan("gammagard-liquid", 2, { initialMlPerKgPerHour: 0.01 })).toThrow(
      /--initial-rate.*0 mL\/h|0 mL\/h.*--initial-rate/,
    );
  });
});

describe("data fixes", () => {
  it("Panzyga's CIDP maximum no longer cites the cITP page (which says 8 mg/kg/min)", () => {
    const r = product("panzyga").rates;
    expect("source" in r.maxMlPerKgPerHour && r.maxMlPerKgPerHour.source.url).not.toBe(SOURCES.panzygaCitp.url);
  });

  it("Octagam 10 %: maximum 0.12 mL/kg/min from DailyMed, at-risk 0.03 mL/kg/min", () => {
    const r = product("octagam-10").rates;
    expect(r.maxMlPerKgPerHour.value).toBe(7.2);
    expect("source" in r.maxMlPerKgPerHour && r.maxMlPerKgPerHour.source.url).toMatch(/dailymed/);
    expect(r.atRiskMaxMlPerKgPerHour.value).toBe(1.8);
  });
});

describe("rate plan invariants over random regimens", () => {
  const ids = fc.constantFrom(
    "gammagard-liquid",
    "privigen",
    "gamunex-c",
    "octagam-10",
    "panzyga",
    "flebogamma-dif-10",
    "kiovig",
  );
  const rate = fc.double({ min: 0.01, max: 20, noNaN: true }).map((x) => Math.round(x * 100) / 100);
  const options = fc.record(
    {
      initialMlPerKgPerHour: rate,
      maxMlPerKgPerHour: rate,
      allowAboveLabelMax: fc.boolean(),
      stepMinutes: fc.integer({ min: 5, max: 240 }),
      rateStepsMlPerKgPerHour: fc.uniqueArray(rate, { maxLength: 4 }).map((a) => [...a].sort((x, y) => x - y)),
      atRisk: fc.boolean(),
    },
    { requiredKeys: [] },
  );

  test.prop([ids, fc.integer({ min: 2, max: 350 }), options, fc.constantFrom("first" as const, "later" as const)])(
    "either refused naming an option, or every pump rate is ≥ 0.1 mL/h, ascending, and --at-risk stays within the label",
    (id, kg, o, kind) => {
      let p: ReturnType<typeof plan>;
      try {
        p = plan(id, kg, o, kind);
      } catch (e) {
        expect(e).toBeInstanceOf(DomainError);
        expect((e as DomainError).message).toContain(longFlagOf((e as DomainError).option!));
        return;
      }
      expect(p.length).toBeGreaterThan(0);
      p.forEach((s, i) => {
        expect(s.mlPerHour).toBeGreaterThanOrEqual(0.1);
        if (i > 0) expect(s.mlPerKgPerHour).toBeGreaterThan(p[i - 1]!.mlPerKgPerHour);
      });
      const label = product(id).rates;
      if (o.atRisk && label.maxMlPerKgPerHour.value !== null) {
        expect(p.at(-1)!.mlPerKgPerHour).toBeLessThanOrEqual(label.maxMlPerKgPerHour.value);
        if (label.initialMlPerKgPerHour.value !== null)
          expect(p[0]!.mlPerKgPerHour).toBeLessThanOrEqual(label.initialMlPerKgPerHour.value);
      }
      if (
        o.rateStepsMlPerKgPerHour === undefined &&
        o.atRisk &&
        label.atRiskMaxMlPerKgPerHour.value === null &&
        o.maxMlPerKgPerHour === undefined
      ) {
        expect(p.at(-1)!.mlPerKgPerHour).toBeLessThanOrEqual(4.8);
      }
      expect(Number.isFinite(infusionMinutes(p, 3000))).toBe(true);
    },
  );
});

describe("NL-IVIG002's weight rows", () => {
  const noteCodes = (weightKg: number) =>
    planSchedule(scheduleInput({ weightKg }), "2026-11-25").notes.map((n) => n.code);
  it("a dosing weight outside its 40–130 kg rows gets a note; inside them none", () => {
    expect(noteCodes(35)).toContain("RATE_TABLE_WEIGHT_RANGE");
    expect(noteCodes(131)).toContain("RATE_TABLE_WEIGHT_RANGE");
    expect(noteCodes(40)).not.toContain("RATE_TABLE_WEIGHT_RANGE");
    expect(noteCodes(130)).not.toContain("RATE_TABLE_WEIGHT_RANGE");
  });
});
