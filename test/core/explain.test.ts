import { describe, expect, it } from "vitest";
import { explainSchedule as explainScheduleData } from "../../src/core/explain.js";
import { formatNumber, formatPercent } from "../../src/core/format.js";
import type { ScheduleInput } from "../../src/core/input.js";
import type { ExplainStep, Infusion, ScheduleResult } from "../../src/core/resultSchema.js";
import { planDerivedSchedule as planDerivedScheduleData } from "../../src/core/schedule.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged, inFlags } from "../helpers/inFlags.js";

const explainSchedule = flagged(explainScheduleData);
const planDerivedSchedule = flagged(planDerivedScheduleData);

const TODAY = "2026-11-25";

function explained(overrides: Partial<ScheduleInput> = {}) {
  const input = scheduleInput(overrides);
  const planned = planDerivedSchedule(input, TODAY);
  const result = planned.result;
  const steps = explainSchedule(planned);
  const byName = (name: string): ExplainStep => {
    const found = steps.find((s) => s.step === name);
    if (!found) throw new Error(`no step '${name}' in ${steps.map((s) => s.step).join(", ")}`);
    return found;
  };
  return { input, result, steps, byName };
}

describe("--explain: 70 kg, Gammagard Liquid, 2 g/kg every 4 weeks (defaults), by hand", () => {
  const { steps, byName } = explained({ rounding: undefined });

  it("doses on actual weight, with no source (no rule applied)", () => {
    expect(byName("Dosing weight")).toEqual({
      step: "Dosing weight",
      formula: "actual weight: no --dosing-weight or --policy given",
      result: "70 kg (actual)",
      value: 70,
      unit: "kg",
      source: null,
    });
    expect(steps.some((s) => s.step.startsWith("Ideal weight"))).toBe(false);
  });

  it("works out the course: 70 × 2 = 140 g; cap 70 × 1 = 70 g; ⌈140 / 70⌉ = 2 days of 70 g", () => {
    expect(byName("Exact course dose").result).toBe("140 g");
    expect(byName("Exact course dose").formula).toBe("70 kg × 2 g/kg");
    expect(byName("Daily cap").result).toBe("70 g a day");
    expect(byName("Daily cap").source).toMatch(/^https:\/\/transfusionontario\.org\//);
    expect(byName("Days per course").result).toBe("2 days");
    expect(byName("Rounding").result).toBe("140 g (0 %)");
    expect(byName("Rounding").formula).toContain("--round vial (default)");
    expect(byName("Rounding").source).toBe(
      "https://allergy.org.au/hp/papers/ascia-guidelines-ivig-infusion-rates-for-irt",
    );
    expect(byName("Split").result).toBe("70 g + 70 g");
    // 140 g / 70 kg × 30.4375 / 28 = 2.174 g/kg/month
    expect(byName("Monthly dose").result).toBe("2.17 g/kg/month");
  });

  it("dispenses 70 g as 2 × 30 g + 1 × 10 g, 70 g / 0.1 g/mL = 700 mL", () => {
    expect(byName("Vials for 70 g").result).toBe("2 × 30 g + 1 × 10 g");
    expect(byName("Volume of 70 g")).toMatchObject({ formula: "70 g ÷ 0.1 g/mL", result: "700 mL" });
  });

  it("scales each rate by 70 kg: 0.5, 0.6, 1.2, 2.4, 3.6, 4.8, 5.4 mL/kg/h", () => {
    expect(byName("Rate plan, later infusions").result).toBe("35 → 42 → 84 → 168 → 252 → 336 → 378 mL/h");
    expect(byName("Rate plan, later infusions").formula).toContain(
      "from 0:30: 0.6 mL/kg/h (0.01 mL/kg/min) × 70 kg = 42 mL/h",
    );
    // First infusions stop at NL-IVIG002's 0.08 mL/kg/min = 4.8 mL/kg/h.
    expect(byName("Rate plan, first infusions").result).toBe("35 → 42 → 84 → 168 → 252 → 336 mL/h");
  });

  it("runs 700 mL through each plan", () => {
    // Later: 30 min each at 35, 42, 84, 168, 252, 336 mL/h = 17.5 + 21 + 42 + 84 + 126 + 168 = 458.5 mL in
    // 180 min; the other 241.5 mL at 378 mL/h take 38.33 min: 218.33 min, rounded up to 219 = 3:39.
    expect(byName("Chair time, later infusion of 700 mL").result).toBe("3:39 (219 min)");
    // First: 17.5 + 21 + 42 + 84 + 126 = 290.5 mL in 150 min; 409.5 mL at 336 mL/h = 73.125 min: 223.13 → 224 = 3:44.
    expect(byName("Chair time, first infusion of 700 mL").result).toBe("3:44 (224 min)");
    expect(byName("Chair time, first infusion of 700 mL").formula).toContain("73.13 min at 336 mL/h = 409.5 mL");
  });

  it("dates each course 4 weeks after the one before", () => {
    expect(byName("Course start dates").result).toBe(
      "2026-12-01, 2026-12-29, 2027-01-26, 2027-02-23, 2027-03-23, 2027-04-20",
    );
  });
});

describe("--explain: 100 kg, 170 cm, female, --policy ontario, by hand (Devine)", () => {
  const { byName } = explained({
    weightKg: 100,
    heightCm: 170,
    sex: "female",
    policy: "ontario",
    rounding: undefined,
  });

  it("computes BMI, IBW, adjusted weight and names the policy rule", () => {
    // BMI = 100 / 1.7² = 34.60
    expect(byName("Body mass index").result).toBe("34.6 kg/m²");
    // 170 cm / 2.54 = 66.929 in; IBW = 45.5 + 2.3 × 6.929 = 61.437 kg
    expect(byName("Ideal weight (Devine, female)").result).toBe("61.44 kg");
    expect(byName("Ideal weight (Devine, female)").formula).toBe(
      "45.5 kg + 2.3 kg/in × (170 cm ÷ 2.54 cm/in − 60 in) = 45.5 + 2.3 × 6.929",
    );
    // 61.437 + 0.4 × (100 − 61.437) = 76.862 kg
    expect(byName("Adjusted weight").result).toBe("76.86 kg");
    expect(byName("Dosing weight").result).toBe("76.86 kg (adjusted)");
    expect(byName("Dosing weight").formula).toContain("--policy ontario: adjusted weight: height ≥ 152.4 cm");
    expect(byName("Dosing weight").source).toBe("https://ivig.transfusionontario.org/dose");
  });

  it("rounds 76.862 × 2 = 153.72 g to the nearest 5 g = 155 g (+0.83 %), 2 days of 77.5 g", () => {
    expect(byName("Exact course dose").result).toBe("153.72 g");
    // (155 − 153.724) / 153.724 = +0.83 %
    expect(byName("Rounding").result).toBe("155 g (+0.83 %)");
    expect(byName("Rounding").formula).toContain("--round 5g from --policy ontario");
    expect(byName("Split").result).toBe("77.5 g + 77.5 g");
    expect(byName("Vials for 77.5 g").result).toBe("2 × 30 g + 1 × 10 g + 1 × 5 g + 1 × 2.5 g");
    expect(byName("Volume of 77.5 g").result).toBe("775 mL");
  });
});

// ---------------------------------------------------------------------------------------------
// Every explained result equals the number the schedule prints, for a spread of requests.

const gText = (x: number) => `${formatNumber(x)} g`;
const vialsText = (i: Infusion) =>
  i.vials.map((v) => `${v.count} × ${formatNumber(v.sizeG)} g`).join(" + ") +
  (i.wasteG > 0 ? ` (${gText(i.wasteG)} left over)` : "");
const clock = (m: number) => `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/** What each step's result must equal, read from the schedule; a step with no rule here fails the test. */
function expectedResults(r: ScheduleResult, s: ExplainStep): string[] {
  const { patient: p, regimen: g } = r;
  const number = /(?:of|for) ([\d.]+) (?:g|mL)$/.exec(s.step)?.[1];
  const withDose = (x: string) => r.infusions.filter((i) => formatNumber(i.doseG) === x);
  const kind = s.step.includes("first") ? "first" : "later";
  const rules: [RegExp, () => string[]][] = [
    [/^Body mass index$/, () => [`${formatNumber(p.bmi!)} kg/m²`]],
    [/^Ideal weight/, () => [`${formatNumber(p.idealWeightKg!)} kg`]],
    [/^Adjusted weight$/, () => [`${formatNumber(p.adjustedWeightKg!)} kg`]],
    [/^Dosing weight$/, () => [`${formatNumber(p.dosingWeightKg)} kg (${p.dosingWeightBasis})`]],
    [/^Exact course dose$|^Dose per infusion$/, () => [gText(g.exactCourseDoseG)]],
    [/^Daily cap$/, () => [`${gText(p.dosingWeightKg * g.maxDailyGPerKg)} a day`]],
    [/^Days per course$/, () => [days(g.daysPerCourse)]],
    [/^Rounding$/, () => [`${gText(g.courseDoseG)} (${formatPercent(g.roundingDifferencePercent)})`]],
    [/^Split$/, () => [g.dayDosesG.map(gText).join(" + ")]],
    [/^Monthly dose$/, () => [`${formatNumber(g.monthlyDoseGPerKg)} g/kg/month`]],
    [/^IVIG course dose converted$/, () => [gText(g.scig!.ivigCourseDoseG)]],
    [/^Weekly SCIG dose$/, () => [`${gText(g.scig!.weeklyDoseG)} a week`]],
    [
      /^Ramp-up doses$/,
      () => [[...new Set(r.courseTotals.slice(0, g.scig!.everyWeeks - 1).map((c) => gText(c.doseG)))].join(", ")],
    ],
    [/^Vials for /, () => withDose(number!).map(vialsText)],
    [/^Volume of /, () => withDose(number!).map((i) => `${formatNumber(i.volumeMl, 1)} mL`)],
    [
      /^Chair time/,
      () =>
        r.infusions
          .filter((i) => i.infusionKind === kind && formatNumber(i.volumeMl, 1) === number)
          .map((i) => `${clock(i.durationMinutes)} (${i.durationMinutes} min)`),
    ],
    [
      /^Sites, /,
      () =>
        r.infusions
          .filter((i) => i.infusionKind === kind && formatNumber(i.volumeMl, 1) === number)
          .map(
            (i) =>
              `${i.sites} site${i.sites === 1 ? "" : "s"} × ${formatNumber(i.volumePerSiteMl!, 1)} mL${(i.siteRounds ?? 1) > 1 ? `, ${i.sitesAtOnce} at once` : ""}`,
          ),
    ],
    [
      /^Rate plan/,
      () =>
        r.infusions
          .filter((i) => i.infusionKind === kind && (!g.scig || s.step.includes(` ${i.sitesAtOnce} site`)))
          .map((i) => `${i.ratePlan.map((x) => formatNumber(x.mlPerHour, 1)).join(" → ")} mL/h`),
    ],
    [
      /^Course start dates$/,
      () => [
        r.infusions
          .filter((i) => i.day === 1)
          .map((i) => i.plannedDate ?? i.date)
          .join(", "),
      ],
    ],
    [
      /^Infusion dates$/,
      () => [
        r.infusions
          .filter((i) => i.day === 1)
          .map((i) => i.plannedDate ?? i.date)
          .join(", "),
      ],
    ],
    [
      /^Moved: /,
      () => {
        const [, c, d] = /course (\d+) day (\d+)/.exec(s.step)!;
        return r.infusions
          .filter((i) => i.course === Number(c) && i.day === Number(d))
          .map((i) => `${i.weekday} ${i.date}`);
      },
    ],
  ];
  const rule = rules.find(([pattern]) => pattern.test(s.step));
  if (!rule) throw new Error(`no check for the step '${s.step}'`);
  return rule[1]();
}

const CASES: [string, Partial<ScheduleInput>][] = [
  ["defaults", {}],
  ["--round none, --days 3", { rounding: "none", daysPerCourse: 3 }],
  ["--policy uk, 120 kg 165 cm male", { weightKg: 120, heightCm: 165, sex: "male", policy: "uk", rounding: undefined }],
  [
    "--policy australia (NBA inches)",
    { weightKg: 95, heightCm: 160, sex: "female", policy: "australia", rounding: undefined },
  ],
  ["--dosing-weight ideal", { weightKg: 90, heightCm: 180, sex: "male", dosingWeight: "ideal" }],
  ["--vials 10,20, --dose 1 --every 2", { vialSizesG: [10, 20], doseGPerKg: 1, intervalWeeks: 2, weightKg: 63 }],
  ["--product privigen, 58 kg", { productId: "privigen", weightKg: 58 }],
  ["--skip-weekends from a Friday", { startDate: "2026-12-04", avoid: { weekends: true, dates: ["2027-01-04"] } }],
  ["--route scig (Hizentra)", { route: "scig", courses: 1 }],
  ["--route scig --sessions 2", { route: "scig", courses: 1, weightKg: 110, scig: { sessions: 2 } }],
  ["--route scig, HyQvia ramp-up", { route: "scig", courses: 2, scig: { productId: "hyqvia" } }],
  [
    "--route scig --policy ontario",
    { route: "scig", weightKg: 100, heightCm: 170, sex: "female", policy: "ontario", rounding: undefined },
  ],
];

describe("--explain agrees with the schedule, step by step", () => {
  it.each(CASES)("%s", (_name, overrides) => {
    const { result, steps } = explained(overrides);
    expect(steps.length).toBeGreaterThan(5);
    for (const s of steps) {
      const expected = expectedResults(result, s);
      expect(expected.length, s.step).toBeGreaterThan(0);
      for (const e of expected) expect(s.result, s.step).toBe(e);
      expect(s.source === null || /^https?:\/\//.test(s.source)).toBe(true);
    }
    // Every distinct day dose is explained (vials and volume).
    for (const dose of new Set(result.infusions.map((i) => i.doseG))) {
      expect(
        steps.some((s) => s.step === `Vials for ${gText(dose)}`),
        `vials for ${dose} g`,
      ).toBe(true);
    }
    // Every moved day is explained.
    const moved = result.infusions.filter((i) => i.movedBecause !== undefined);
    expect(steps.filter((s) => s.step.startsWith("Moved: "))).toHaveLength(moved.length);
  });
});

describe("--explain: a weight typed in pounds and a height in feet and inches, converted first", () => {
  // 154 lb × 0.45359237 kg/lb = 69.8532 kg; 5 ft 9 in = 69 in × 2.54 cm/in = 175.26 cm (exact definitions).
  const { steps, byName } = explained({
    weightKg: 154 * 0.45359237,
    weightAsEntered: "154lb",
    heightCm: 175.26,
    heightAsEntered: "5ft9in",
  });

  it("shows each conversion before the BMI, with its value in kg and cm", () => {
    expect(steps.slice(0, 3).map((s) => s.step)).toEqual(["Weight in kg", "Height in cm", "Body mass index"]);
    expect(byName("Weight in kg")).toMatchObject({ formula: "154 lb × 0.45359237 kg/lb", value: 69.853, unit: "kg" });
    expect(byName("Height in cm")).toMatchObject({ formula: "5ft9in = 69 in × 2.54 cm/in", value: 175.26, unit: "cm" });
  });

  it("a weight and height typed in kg and cm need no conversion step", () => {
    const plain = explained({ heightCm: 175, heightAsEntered: "175" }).steps.map((s) => s.step);
    expect(plain).not.toContain("Weight in kg");
    expect(plain).not.toContain("Height in cm");
  });
});

describe("--explain: a label's steps cut short by a lower maximum are not all the label's", () => {
  // Octagam 10 % steps 0.01, 0.02, 0.04, 0.08, 0.12 mL/kg/min; at risk it stops at its 0.03 cap
  // (docs/clinical.md §7.2): 0.6 → 1.2 → 1.8 mL/kg/h × 70 kg = 42 → 84 → 126 mL/h.
  const { result, byName } = explained({ productId: "octagam-10", rates: { atRisk: true } });

  it("names the at-risk top as where the label's steps stop", () => {
    const plan = byName("Rate plan, first infusions");
    expect(plan.result).toBe("42 → 84 → 126 mL/h");
    expect(plan.formula).toContain("the Octagam 10 % label's steps up to the maximum from --at-risk");
    const note = inFlags(result.notes.find((n) => n.code === "RATE_PLAN")!.message);
    expect(note).toContain("label's steps (chronic ITP (US label)) up to the plan's maximum");
  });
});
