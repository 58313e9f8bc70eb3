import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Rounding } from "../../src/core/courseDose.js";
import { DomainError } from "../../src/core/domainError.js";
import { mentionsIn, type OptionKey } from "../../src/core/optionKeys.js";
import { inFlags } from "../helpers/inFlags.js";
import type { ScheduleInput } from "../../src/core/input.js";
import { planSchedule } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";
import { IVIG_PRODUCTS, SCIG_PRODUCTS } from "../../src/data/products.js";

/** The error a request gives, or a failure when it plans. */
function refusal(overrides: Partial<ScheduleInput>): DomainError {
  try {
    planSchedule(scheduleInput(overrides), "2026-12-01");
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error("planned without an error");
}

/** `count` consecutive dates from 2026-12-01. */
const DAYS_FROM_DECEMBER = (count: number) =>
  Array.from({ length: count }, (_, i) => new Date(Date.UTC(2026, 11, 1 + i)).toISOString().slice(0, 10));

const scig = (options: ScheduleInput["scig"], more: Partial<ScheduleInput> = {}) =>
  refusal({ route: "scig", scig: options, ...more });

// Each case: the request, the code and the option the error concerns (the one that fixes it).
const CASES: readonly [string, DomainError, string, OptionKey | undefined][] = [
  ["until before start", refusal({ courses: undefined, untilDate: "2026-11-01" }), "UNTIL_BEFORE_START", "until"],
  ["max rate above label", refusal({ rates: { maxMlPerKgPerHour: 10 } }), "RATE_ABOVE_LABEL", "maxRate"],
  ["policy needs height", refusal({ weightKg: 100, policy: "ontario" }), "MISSING_HEIGHT", "height"],
  ["ideal weight needs sex", refusal({ weightKg: 100, heightCm: 175, dosingWeight: "ideal" }), "MISSING_SEX", "sex"],
  ["pregnant male", refusal({ sex: "male", pregnant: true }), "CONTRADICTORY_INPUT", "pregnant"],
  ["vial size not marketed", refusal({ vialSizesG: [7] }), "UNKNOWN_VIAL_SIZE", "vials"],
  ["5 g rounding too far", refusal({ weightKg: 11, vialSizesG: [20], rounding: "5g" }), "ROUNDING_TOO_FAR", "round"],
  ["more than 5 days", refusal({ maxDailyGPerKg: 0.1 }), "CANNOT_SPLIT_COURSE", "maxDaily"],
  ["no allowed day", refusal({ avoid: { weekends: true, dates: DAYS_FROM_DECEMBER(70) } }), "NO_ALLOWED_DAY", "avoid"],
  ["HyQvia sessions", scig({ productId: "hyqvia", sessions: 2 }), "SCIG_SESSIONS_NOT_ALLOWED", "sessions"],
  ["SCIG interval", scig({ everyWeeks: 3 }), "SCIG_INTERVAL_NOT_ALLOWED", "scigEvery"],
  [
    "SCIG dose too small",
    scig({ factor: 0.1 }, { weightKg: 2, weightAsEntered: "2", doseGPerKg: 0.1, intervalWeeks: 52 }),
    "SCIG_DOSE_TOO_SMALL",
    "dose",
  ],
];

describe("DomainError: one error with a typed code and the option it concerns", () => {
  it.each(CASES)("%s: code and option", (_, error, code, option) => {
    expect(error.code).toBe(code);
    expect(error.option).toBe(option);
  });

  // The CLI says where a setting came from (MMN_DOSE_*, config) for the options an error concerns,
  // so every option its message names must be among them.
  it.each(CASES)("%s: every option the message names is among its options", (_, error) => {
    const named = new Set(mentionsIn(error.message).map((m) => m.key));
    expect(named.size).toBeGreaterThan(0);
    for (const key of named) expect(error.options).toContain(key);
  });

  it("a refused course names the course and its cap before the reason, as one error (no rethrow)", () => {
    const e = refusal({ weightKg: 11, vialSizesG: [20], rounding: "5g" });
    expect(inFlags(e.message)).toMatch(
      /^a 22 g course with at most 11 g a day \(--max-daily 1 g\/kg\): the nearest 5 g/,
    );
    expect(e.options).toEqual(["round", "vials", "maxDaily"]);
  });
});

describe("every refusal over a wide input space names only options among its own", () => {
  const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);
  const anyRequest = fc.record({
    weightKg: tenths(2, 350),
    doseGPerKg: tenths(0.1, 4),
    intervalWeeks: fc.integer({ min: 1, max: 52 }),
    daysPerCourse: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    maxDailyGPerKg: tenths(0.1, 2),
    courses: fc.integer({ min: 1, max: 100 }),
    rounding: fc.constantFrom<Rounding>("none", "vial", "5g"),
    productId: fc.constantFrom(...IVIG_PRODUCTS.map((p) => p.id)),
    region: fc.constantFrom("us" as const, "eu" as const),
    vialSizesG: fc.option(fc.subarray([1, 2.5, 5, 10, 20, 30], { minLength: 1 }), { nil: undefined }),
    rates: fc.record({
      maxMlPerKgPerHour: fc.option(tenths(0.1, 20), { nil: undefined }),
      initialMlPerKgPerHour: fc.option(tenths(0.1, 20), { nil: undefined }),
      atRisk: fc.boolean(),
    }),
    route: fc.constantFrom("ivig" as const, "scig" as const),
    scig: fc.record({
      productId: fc.constantFrom(...SCIG_PRODUCTS.map((p) => p.id)),
      factor: fc.option(fc.constantFrom(0.1, 1, 1.37, 3), { nil: undefined }),
      everyWeeks: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      sessions: fc.option(fc.constantFrom(1, 2), { nil: undefined }),
    }),
  });

  test.prop([anyRequest], { numRuns: 400 })("named options ⊆ error.options", (request) => {
    try {
      planSchedule(scheduleInput({ ...request, weightAsEntered: String(request.weightKg) }), "2026-12-01");
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      for (const { key } of mentionsIn(e.message)) expect(e.options).toContain(key);
    }
  });
});
