import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  decideDosingWeight as decideDosingWeightData,
  unitWarnings as unitWarningsData,
} from "../../src/core/dosingWeight.js";
import { planSchedule as planScheduleData } from "../../src/core/schedule.js";
import { SCHEDULE_OPTIONS } from "../../src/cli/options.js";
import { DEVINE_EXTRAPOLATION_MIN_CM, POLICIES, THRESHOLD_RULES } from "../../src/data/policies.js";
import { SOURCES } from "../../src/data/sources.js";
import { scheduleInput } from "../helpers/input.js";
import { flagged } from "../helpers/inFlags.js";

const decideDosingWeight = flagged(decideDosingWeightData);
const unitWarnings = flagged(unitWarningsData);
const planSchedule = flagged(planScheduleData);

const TODAY = "2026-11-25";
const codes = (r: { warnings: readonly { code: string }[] }) => r.warnings.map((w) => w.code);

describe("Ontario's 'must' for BMI > 30 holds below 152.4 cm (docs/clinical.md §5.2)", () => {
  it("145 cm, 70 kg woman: BMI 33.3 > 30 → adjusted 51.28 kg, with the Devine-extrapolation warning", () => {
    // By hand: IBW = 45.5 + 2.3 × (145 / 2.54 − 60) = 38.799 kg; AdjBW = 38.799 + 0.4 × (70 − 38.799) = 51.280 kg.
    const d = decideDosingWeight({ body: { weightKg: 70, heightCm: 145, sex: "female" }, policy: "ontario" });
    expect(d.basis).toBe("adjusted");
    expect(d.dosingWeightKg).toBeCloseTo(51.28, 2);
    expect(d.warnings.map((w) => w.code)).toContain("DEVINE_EXTRAPOLATED");
  });

  it("145 cm, 50 kg woman (BMI 23.8): below 152.4 cm and not obese → actual weight", () => {
    const d = decideDosingWeight({ body: { weightKg: 50, heightCm: 145, sex: "female" }, policy: "ontario" });
    expect(d.basis).toBe("actual");
  });

  it("at or above 152.4 cm the 'should' rule is unchanged (D4: 175 cm, 100 kg man → 82.28 kg)", () => {
    const d = decideDosingWeight({ body: { weightKg: 100, heightCm: 175, sex: "male" }, policy: "ontario" });
    expect(d.dosingWeightKg).toBeCloseTo(82.279, 3);
  });
});

describe("no zero or negative ideal weight", () => {
  it("--height 90: no ideal weight (Devine would give −6.5 kg for a man); Ontario doses on actual weight and says why", () => {
    const d = decideDosingWeight({ body: { weightKg: 70, heightCm: 90, sex: "male" }, policy: "ontario" });
    expect(d.idealWeightKg).toBeNull();
    expect(d.adjustedWeightKg).toBeNull();
    expect(d).toMatchObject({ basis: "actual", dosingWeightKg: 70 });
    expect(d.warnings.find((w) => w.code === "DEVINE_NOT_VALID")!.message).toMatch(/below 132 cm.*BMI 86\.4 > 30/);
    const r = planSchedule(scheduleInput({ heightCm: 90, sex: "male", dosingWeight: "ideal" }), TODAY);
    expect(r.patient.idealWeightKg).toBeNull();
    expect(r.patient.dosingWeightKg).toBe(70);
  });

  it("every rule's own height floor is at or above the floor where ideal weight is computed", () => {
    for (const rule of [...Object.values(POLICIES), ...Object.values(THRESHOLD_RULES)]) {
      expect(rule.minHeightCm).toBeGreaterThanOrEqual(DEVINE_EXTRAPOLATION_MIN_CM);
    }
  });

  test.prop([
    fc.integer({ min: 500, max: 2500 }).map((n) => n / 10),
    fc.integer({ min: 20, max: 3500 }).map((n) => n / 10),
    fc.constantFrom("male" as const, "female" as const),
    fc.constantFrom(undefined, "ontario" as const, "australia" as const, "uk" as const),
    fc.constantFrom(undefined, "ideal" as const, "adjusted" as const, "bmi30" as const, "ibw120" as const),
  ])(
    "any height, weight, sex and rule: ideal and adjusted weight are null or positive; 0 < dosing weight ≤ actual",
    (heightCm, weightKg, sex, policy, choice) => {
      const d = decideDosingWeight({ body: { weightKg, heightCm, sex, ageYears: 40 }, policy, choice });
      if (d.idealWeightKg !== null) expect(d.idealWeightKg).toBeGreaterThan(0);
      if (d.adjustedWeightKg !== null) expect(d.adjustedWeightKg).toBeGreaterThan(0);
      expect(d.dosingWeightKg).toBeGreaterThan(0);
      expect(d.dosingWeightKg).toBeLessThanOrEqual(weightKg);
    },
  );
});

describe("under-18s: help, README and behaviour agree", () => {
  const body = { weightKg: 70, heightCm: 170, sex: "male" as const, ageYears: 16 };
  it("Ontario applies its criteria at any age; Australia and the UK dose under-18s on actual weight", () => {
    expect(decideDosingWeight({ body, policy: "ontario" }).basis).toBe("adjusted");
    expect(decideDosingWeight({ body, policy: "australia" }).basis).toBe("actual");
    expect(decideDosingWeight({ body: { ...body, weightKg: 100 }, policy: "uk" }).basis).toBe("actual");
  });

  it("PATIENT_UNDER_18 quotes the Gammagard Liquid MMN indication ('adult patients') and cites it", () => {
    const w = decideDosingWeight({ body, policy: "ontario" }).warnings.find((x) => x.code === "PATIENT_UNDER_18")!;
    expect(w.message).toContain("adult patients with Multifocal Motor Neuropathy");
    expect(w.message).toContain("Ontario");
    expect(w.sources).toEqual([SOURCES.gammagardMmn.url]);
  });

  it("--age help says what each policy does with under-18s", () => {
    const age = SCHEDULE_OPTIONS.find((o) => o.flags.startsWith("--age"))!;
    expect(age.description).toMatch(/ontario.*any age/i);
    expect(age.description).toMatch(/australia.*uk|uk.*australia/i);
  });
});

describe("prompts the sources call for", () => {
  it("--pregnant without a policy is not silently ignored: it says what Ontario and Australia do", () => {
    const d = decideDosingWeight({ body: { weightKg: 70, pregnant: true } });
    const w = d.warnings.find((x) => x.code === "PREGNANCY")!;
    expect(w.message).toMatch(/no --policy/);
    expect(w.message).toMatch(/pre-pregnancy weight/);
    expect(w.message).toMatch(/Australia/);
  });

  it("a weight of 150 kg or more typed without a unit and without a height warns of pounds; 149 kg is heavy; 200lb neither", () => {
    expect(
      unitWarnings({ weightKg: 200, weightInPounds: false, heightInCentimetres: true }).map((w) => w.code),
    ).toEqual(["WEIGHT_LOOKS_LIKE_POUNDS"]);
    expect(
      unitWarnings({ weightKg: 149, weightInPounds: false, heightInCentimetres: true }).map((w) => w.code),
    ).toEqual(["HEAVY_WITHOUT_HEIGHT"]);
    expect(unitWarnings({ weightKg: 90.7, weightInPounds: true, heightInCentimetres: true })).toEqual([]);
  });

  it("age over 65 prompts the boxed warning's renal/thrombosis risk; --at-risk is offered only where it is accepted alone", () => {
    const gammagard = planSchedule(scheduleInput({ ageYears: 66 }), TODAY);
    const w = gammagard.warnings.find((x) => x.code === "AGE_OVER_65")!;
    expect(w.message).toMatch(/renal/);
    // --at-risk alone is accepted for Gammagard (it stops at NL-IVIG002's 0.08 mL/kg/min), so it is offered.
    expect(w.remedies).toEqual(["--at-risk"]);
    // Kiovig with --initial-rate/--max-rate: --at-risk holds at --max-rate, so it is offered too.
    const kiovig = planSchedule(
      scheduleInput({ ageYears: 66, productId: "kiovig", rates: { initialMlPerKgPerHour: 0.5, maxMlPerKgPerHour: 5 } }),
      TODAY,
    );
    expect(kiovig.warnings.find((x) => x.code === "AGE_OVER_65")!.remedies).toEqual(["--at-risk"]);
    const octagam = planSchedule(scheduleInput({ ageYears: 66, productId: "octagam-10", vialSizesG: [5, 10] }), TODAY);
    expect(octagam.warnings.find((x) => x.code === "AGE_OVER_65")!.remedies).toEqual(["--at-risk"]);
    const atRisk = planSchedule(
      scheduleInput({ ageYears: 66, productId: "octagam-10", vialSizesG: [5, 10], rates: { atRisk: true } }),
      TODAY,
    );
    expect(codes(atRisk)).not.toContain("AGE_OVER_65");
    expect(codes(planSchedule(scheduleInput({ ageYears: 65 }), TODAY))).not.toContain("AGE_OVER_65");
    const scig = planSchedule(scheduleInput({ ageYears: 66, route: "scig", scig: {} }), TODAY);
    expect(scig.warnings.find((x) => x.code === "AGE_OVER_65")!.message).toMatch(/thrombosis/);
  });

  it("SCIG from IVIG below 2 g/kg/month names the 1.53 factor of Muscle Nerve 2016 and the dose it gives", () => {
    // 1 g/kg every 3 weeks = 1 × (365.25 / 12) / 21 = 1.45 g/kg/month; 70 g ÷ 3 weeks × 1.53 = 35.7 g a week.
    const r = planSchedule(scheduleInput({ doseGPerKg: 1, intervalWeeks: 3, route: "scig", scig: {} }), TODAY);
    const w = r.warnings.find((x) => x.code === "SCIG_FACTOR_BELOW_MMN_STUDY")!;
    expect(w.message).toContain("1.53");
    expect(w.message).toContain("35.7 g a week");
    expect(w.sources).toEqual([SOURCES.muscleNerve2016.url]);
    expect(w.remedies).toEqual(["--scig-factor 1.53"]);
    const at153 = planSchedule(
      scheduleInput({ doseGPerKg: 1, intervalWeeks: 3, route: "scig", scig: { factor: 1.53 } }),
      TODAY,
    );
    expect(codes(at153)).not.toContain("SCIG_FACTOR_BELOW_MMN_STUDY");
    const monthly2 = planSchedule(scheduleInput({ route: "scig", scig: {} }), TODAY); // 2 g/kg every 4 weeks = 2.17
    expect(codes(monthly2)).not.toContain("SCIG_FACTOR_BELOW_MMN_STUDY");
  });

  it("--pregnant with --sex male is refused as contradictory, naming --pregnant", () => {
    expect(() => planSchedule(scheduleInput({ sex: "male", pregnant: true }), TODAY)).toThrow(
      /--pregnant contradicts --sex male/,
    );
  });

  it("every warning's sources are in the schedule's source list, on both routes (SCIG once left AGE_OVER_65's out)", () => {
    for (const route of [undefined, "scig"] as const) {
      const r = planSchedule(scheduleInput({ ageYears: 70, ...(route ? { route, scig: {} } : {}) }), TODAY);
      const listed = new Set(r.sources.map((s) => s.url));
      for (const w of r.warnings)
        for (const url of w.sources ?? []) expect(listed.has(url), `${w.code} ${url}`).toBe(true);
    }
  });
});
