import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { Rounding } from "../../src/core/courseDose.js";
import type { DerivedSchedule, IvigDoseDerivation } from "../../src/core/derivation.js";
import { DomainError } from "../../src/core/domainError.js";
import { explainSchedule } from "../../src/core/explain.js";
import type { ScheduleInput } from "../../src/core/input.js";
import type { ExplainStep, Infusion, ScheduleResult } from "../../src/core/resultSchema.js";
import { planDerivedSchedule } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";

/** Weights to 0.1 kg, doses to 0.1 g/kg: the precision prescriptions are written in. */
const tenths = (min: number, max: number) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const anyInput = fc.record({
  weightKg: tenths(30, 180),
  heightCm: maybe(fc.integer({ min: 140, max: 200 })),
  sex: maybe(fc.constantFrom<"male" | "female">("male", "female")),
  policy: maybe(fc.constantFrom<"ontario" | "australia" | "uk">("ontario", "australia", "uk")),
  doseGPerKg: tenths(0.4, 2.5),
  intervalWeeks: fc.integer({ min: 1, max: 8 }),
  daysPerCourse: maybe(fc.integer({ min: 1, max: 5 })),
  maxDailyGPerKg: tenths(0.5, 2),
  courses: fc.integer({ min: 1, max: 3 }),
  rounding: maybe(fc.constantFrom<Rounding>("none", "vial", "5g")),
  productId: fc.constantFrom("gammagard-liquid", "privigen", "gamunex-c", "octagam-10", "panzyga"),
  // One draw in three is SCIG.
  scig: fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 2 },
    {
      arbitrary: fc.record({
        productId: fc.constantFrom("hizentra", "cuvitru", "xembify", "cutaquig", "hyqvia", "gammagard-liquid-sc"),
        sessions: maybe(fc.constantFrom(1, 2)),
      }),
      weight: 1,
    },
  ),
});

type Drawn = typeof anyInput extends fc.Arbitrary<infer T> ? T : never;

/** The schedule and its explanation, or `undefined` when the input is refused (bad input is not what this tests). */
function explained(drawn: Drawn) {
  const { scig, ...rest } = drawn;
  // A height or sex alone cannot decide a weight rule: the CLI refuses it, so the draw keeps both or neither.
  const body = rest.heightCm !== undefined && rest.sex !== undefined ? {} : { heightCm: undefined, sex: undefined };
  const policy = body.heightCm === undefined && rest.policy === "ontario" ? { policy: undefined } : {};
  const input: ScheduleInput = scheduleInput({
    ...rest,
    ...body,
    ...policy,
    ...(scig ? { route: "scig" as const, scig, daysPerCourse: undefined } : {}),
  });
  try {
    const planned = planDerivedSchedule(input, "2026-11-25");
    return { planned, steps: explainSchedule(planned) };
  } catch (e) {
    if (e instanceof DomainError) return undefined;
    throw e;
  }
}

const figure = (steps: readonly ExplainStep[], name: string) => steps.find((s) => s.step === name)?.value;
const lastRate = (i: Infusion) => i.ratePlan.at(-1)!.mlPerHour;

/** Every step that names an infusion's figure has the value of an infusion that carries it. */
function expectInfusionFigures(steps: readonly ExplainStep[], r: ScheduleResult): void {
  for (const s of steps) {
    const grams = /^(Vials for|Volume of) (\S+) g$/.exec(s.step);
    const given = grams ? r.infusions.filter((i) => i.doseG === Number(grams[2])) : [];
    if (grams) expect(given.length).toBeGreaterThan(0);
    if (grams?.[1] === "Volume of") for (const i of given) expect(s.value).toBe(i.volumeMl);
    if (grams?.[1] === "Vials for")
      for (const i of given) expect(s.value).toBe(i.vials.reduce((n, v) => n + v.count, 0));
    const chair = /^Chair time, (first|later) infusion of (\S+) mL$/.exec(s.step);
    if (chair) {
      const same = r.infusions.filter((i) => i.infusionKind === chair[1] && i.volumeMl === Number(chair[2]));
      expect(same.map((i) => i.durationMinutes)).toContain(s.value);
    }
    const rate = /^Rate plan, (first|later) infusions(, (\d+) sites? at once)?$/.exec(s.step);
    if (rate) {
      const same = r.infusions.filter(
        (i) => i.infusionKind === rate[1] && (rate[3] === undefined || i.sitesAtOnce === Number(rate[3])),
      );
      expect(same.length).toBeGreaterThan(0);
      for (const i of same) expect(s.value).toBe(lastRate(i));
    }
    const sites = /^Sites, (first|later) infusion of (\S+) mL$/.exec(s.step);
    if (sites) {
      const same = r.infusions.filter((i) => i.infusionKind === sites[1] && i.volumeMl === Number(sites[2]));
      for (const i of same) expect(s.value).toBe(i.sites);
    }
  }
}

/** The dose steps: each value is the regimen's own figure. */
function expectDoseFigures(steps: readonly ExplainStep[], r: ScheduleResult): void {
  const g = r.regimen;
  expect(figure(steps, "Dosing weight")).toBe(r.patient.dosingWeightKg);
  expect(figure(steps, "Rounding")).toBe(g.courseDoseG);
  if (g.scig === null) {
    expect(figure(steps, "Exact course dose")).toBe(g.exactCourseDoseG);
    expect(figure(steps, "Days per course")).toBe(g.daysPerCourse);
    expect(figure(steps, "Monthly dose")).toBe(g.monthlyDoseGPerKg);
    const course = r.infusions.filter((i) => i.course === r.infusions[0]!.course);
    const split = figure(steps, "Split");
    if (split !== undefined) for (const i of course) expect(i.doseG).toBe(split);
    else expect(new Set(course.map((i) => i.doseG)).size).toBeGreaterThan(1);
    // No day holds more than the cap explained, unless a rounding or --days put it there (a note or warning says so).
    const cap = figure(steps, "Daily cap")!;
    const said = [...r.notes, ...r.warnings].some((m) => /ROUNDED_DAY|DAYS_ABOVE|MAX_DAILY/.test(m.code));
    if (!said) for (const i of r.infusions) expect(i.doseG).toBeLessThanOrEqual(cap + 0.001);
  } else {
    expect(figure(steps, "IVIG course dose converted")).toBe(g.scig.ivigCourseDoseG);
    expect(figure(steps, "Weekly SCIG dose")).toBe(g.scig.weeklyDoseG);
    expect(figure(steps, "Dose per infusion")).toBe(g.exactCourseDoseG);
  }
}

describe("--explain: every step's value is the plan's own figure", () => {
  test.prop([anyInput], { numRuns: 250 })(
    "for random weights, policies, days, caps, roundings, products, SCIG",
    (drawn) => {
      const e = explained(drawn);
      if (!e) return;
      const r = e.planned.result;
      expectDoseFigures(e.steps, r);
      expectInfusionFigures(e.steps, r);
      for (const s of e.steps) expect(s.value === undefined).toBe(s.unit === undefined);
    },
  );
});

describe("--explain renders the planner's record, not the input", () => {
  it("--max-daily 1 at 70 kg: 70 g a day, the value the infusions give", () => {
    // 70 kg × 1 g/kg = 70 g a day; 70 kg × 2 g/kg = 140 g over ⌈140 / 70⌉ = 2 days of 70 g.
    const planned = planDerivedSchedule(scheduleInput({ weightKg: 70, maxDailyGPerKg: 1 }), "2026-11-25");
    const cap = explainSchedule(planned).find((s) => s.step === "Daily cap")!;
    expect(cap).toMatchObject({ formula: "70 kg × --max-daily 1 g/kg", result: "70 g a day", value: 70, unit: "g" });
    expect(planned.result.infusions.every((i) => i.doseG === 70)).toBe(true);
  });

  it("a split rule that sets the cap apart from --max-daily is explained as the planner applied it", () => {
    // A planner rule that caps a day at 50 g (as a new option might) with --max-daily still 1 g/kg:
    // the explanation follows the record, where working it out again from --max-daily gave 70 g.
    const planned = planDerivedSchedule(scheduleInput({ weightKg: 70, maxDailyGPerKg: 1 }), "2026-11-25");
    const d = planned.derivations[0]!.derivation;
    const dose = d.dose as IvigDoseDerivation;
    const changed: DerivedSchedule = {
      ...planned,
      derivations: [{ derivation: { ...d, dose: { ...dose, cap: { ...dose.cap, mg: 50_000, gPerKg: 50 / 70 } } } }],
    };
    const cap = explainSchedule(changed).find((s) => s.step === "Daily cap")!;
    expect(cap).toMatchObject({ result: "50 g a day", value: 50 });
    expect(cap.formula).toBe("70 kg × --max-daily 0.71 g/kg");
  });
});

describe("--explain of an SCIG schedule that ends within HyQvia's ramp-up", () => {
  // 70 kg × 2 g/kg = 140 g every 4 weeks ÷ 4 = 35 g a week; 140 g (1400 mL) is over HyQvia's 1200 mL a
  // day, so every 3 weeks: 105 g. The ramp-up starts with a 1-week dose of 35 g, all this schedule gives.
  const input = scheduleInput({ route: "scig", scig: { productId: "hyqvia", doses: 1 } });
  const planned = planDerivedSchedule(input, "2026-11-25");
  const steps = explainSchedule(planned);

  it("explains the prescription's full dose, and only the ramp-up dose this schedule gives", () => {
    expect(planned.result.infusions.map((i) => i.doseG)).toEqual([35]);
    // 140 g ÷ 4 weeks = 35 g a week; HyQvia every 3 weeks (the 1200 mL/day limit) = 105 g a dose.
    expect(planned.result.regimen.courseDoseG).toBe(105);
    expect(planned.result.regimen.intervalWeeks).toBe(3);
    expect(steps.find((s) => s.step === "Dose per infusion")).toMatchObject({
      formula: "35 g a week × 3 weeks between infusions",
      value: 105,
    });
    expect(steps.find((s) => s.step === "Ramp-up doses")?.result).toBe("35 g");
  });
});
