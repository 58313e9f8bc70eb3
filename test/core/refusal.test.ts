import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { courseDoseOrRefusal, planCourseDose, type Rounding } from "../../src/core/courseDose.js";
import { DomainError, Refusal } from "../../src/core/domainError.js";
import { rateRefusal, resolveRates, type RateOptions } from "../../src/core/ratePlan.js";
import { createVialStock } from "../../src/core/vials.js";
import { findProduct, IVIG_PRODUCTS, type IvigProduct } from "../../src/data/products.js";

// A remedy is offered only where a pure check finds no refusal; the planner throws the same refusal,
// so the two never disagree. Figures by hand: Privigen's label maximum is 0.08 mL/kg/min = 4.8 mL/kg/h
// (docs/clinical.md §2); a course has at most 5 days (EFNS/PNS); a rounding may move a dose 10 % (Siegel 2010).

/** What `run` throws, as the fields a refusal carries; null when it returns. */
function thrown(run: () => unknown): object | null {
  try {
    run();
    return null;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { code: e.code, option: e.option, message: e.message, related: e.related };
  }
}

const fields = (r: Refusal | null) =>
  r === null ? null : { code: r.code, option: r.option, message: r.message, related: r.related };

const rateOptions: fc.Arbitrary<RateOptions> = fc.record(
  {
    initialMlPerKgPerHour: fc.integer({ min: 1, max: 120 }).map((x) => x / 10),
    maxMlPerKgPerHour: fc.integer({ min: 1, max: 120 }).map((x) => x / 10),
    stepMinutes: fc.integer({ min: 5, max: 60 }),
    rateStepsMlPerKgPerHour: fc.array(
      fc.integer({ min: 1, max: 90 }).map((x) => x / 10),
      { minLength: 1, maxLength: 4 },
    ),
    atRisk: fc.boolean(),
    allowAboveLabelMax: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe("rateRefusal: the check resolveRates throws on", () => {
  it("names a --max-rate above the label and the option that allows it", () => {
    const privigen = findProduct("privigen") as IvigProduct;
    const r = rateRefusal(privigen, { maxMlPerKgPerHour: 4.9 });
    expect(r).toBeInstanceOf(Refusal);
    expect([r?.code, r?.option, r?.related]).toEqual(["RATE_ABOVE_LABEL", "maxRate", ["allowAboveLabelRate"]]);
    expect(rateRefusal(privigen, { maxMlPerKgPerHour: 4.8 })).toBeNull();
    expect(rateRefusal(privigen, { maxMlPerKgPerHour: 4.9, atRisk: true })).toBeNull();
  });

  test.prop([fc.constantFrom(...IVIG_PRODUCTS), rateOptions], { numRuns: 300 })(
    "refuses exactly what resolveRates throws, with the same code, option and words",
    (product, options) => {
      expect(fields(rateRefusal(product, options))).toEqual(thrown(() => resolveRates(product, options)));
    },
  );
});

describe("courseDoseOrRefusal: the check planCourseDose throws on", () => {
  const stock = (sizesG: readonly number[]) => createVialStock(sizesG.map((s) => s * 1000));

  it("refuses a sixth day and a rounding beyond 10 %", () => {
    // 70 g on 6 days: a course has 1–5 days.
    const sixDays = { exactCourseDoseMg: 70_000, maxDailyMg: 70_000, requestedDays: 6, rounding: "none" as const };
    expect(courseDoseOrRefusal({ ...sixDays, stock: stock([10]) })).toMatchObject({ code: "CANNOT_SPLIT_COURSE" });
    // 6 g from 30 g vials is 30 g: +400 %.
    const small = { exactCourseDoseMg: 6_000, maxDailyMg: 70_000, rounding: "vial" as const, stock: stock([30]) };
    expect(courseDoseOrRefusal(small)).toMatchObject({ code: "ROUNDING_TOO_FAR", option: "round" });
  });

  test.prop(
    [
      fc.integer({ min: 1_000, max: 300_000 }),
      fc.integer({ min: 10_000, max: 150_000 }),
      fc.option(fc.integer({ min: 1, max: 7 }), { nil: undefined }),
      fc.constantFrom<Rounding>("none", "vial", "5g"),
      fc.subarray([1, 2.5, 5, 10, 20, 30], { minLength: 1 }),
    ],
    { numRuns: 300 },
  )("refuses exactly what planCourseDose throws", (exactCourseDoseMg, maxDailyMg, requestedDays, rounding, sizes) => {
    const input = { exactCourseDoseMg, maxDailyMg, requestedDays, rounding, stock: stock(sizes) };
    const planned = courseDoseOrRefusal(input);
    expect(fields(planned instanceof Refusal ? planned : null)).toEqual(thrown(() => planCourseDose(input)));
  });
});
