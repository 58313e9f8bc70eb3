import type { Rounding } from "../core/courseDose.js";
import type { Sex } from "../core/dosingWeight.js";
import { SOURCES, type Source } from "./sources.js";

/** When a rule switches from actual to adjusted weight (docs/clinical.md §5.2). */
export type AdjustWhen =
  /** Every patient the exclusions leave (Australia from July 2026). */
  | { readonly kind: "always" }
  /** BMI above a threshold. */
  | { readonly kind: "bmiAbove"; readonly bmi: number }
  /** Actual weight above a percentage of ideal weight. */
  | { readonly kind: "ibwPercentAbove"; readonly percent: number }
  /** Either of the two (UK request form). */
  | { readonly kind: "bmiOrIbwPercentAbove"; readonly bmi: number; readonly percent: number }
  /**
   * Height at least a threshold and weight above a sex-specific threshold, or at any height a BMI
   * above `mustAboveBmi` (Ontario: "must" for BMI > 30, "should" for ≥ 152.4 cm and > 50/45.5 kg).
   */
  | {
      readonly kind: "heightAndWeight";
      readonly minHeightCm: number;
      readonly aboveWeightKg: Readonly<Record<Sex, number>>;
      readonly mustAboveBmi: number;
    };

/** A named rule for choosing the dosing weight; a policy adds exclusions and rounding. */
export interface DosingRule {
  readonly id: string;
  readonly description: string;
  readonly adjustWhen: AdjustWhen;
  /** Below this height the rule does not use Devine and doses on actual weight. */
  readonly minHeightCm: number;
  readonly source: Source;
}

export interface Policy extends DosingRule {
  readonly id: PolicyId;
  readonly name: string;
  /** The policy's rounding of the course total; `undefined` where it names none. */
  readonly rounding: Rounding | undefined;
  readonly roundingSource?: Source;
  /** Inches per centimetre the policy converts with (NBA prints 0.393701; 1 / 2.54 elsewhere). */
  readonly inchesPerCm: number;
  /** Under this age the policy doses on actual weight. */
  readonly minAgeYears?: number;
  /** What the policy does in pregnancy. */
  readonly pregnancy: "actual" | "prePregnancyWeight" | "notStated";
  /** Whether height is mandatory (Australia from July 2026). */
  readonly heightRequired: boolean;
  readonly sources: readonly Source[];
}

/** The dosing policies, in the order `--policy` lists them (then `none`); `POLICIES` has an entry for each. */
export const POLICY_IDS = ["ontario", "australia", "uk"] as const;

export type PolicyId = (typeof POLICY_IDS)[number];

/** Devine is generally valid only from 60 in (152.4 cm). */
export const DEVINE_MIN_HEIGHT_CM = 152.4;

/**
 * Below this height no rule extrapolates Devine and no ideal weight is computed: 132 cm is the
 * lowest height any stored source doses by ideal weight (the UK request form: actual weight below
 * 132 cm). Male Devine reaches 0 kg at 97.2 cm and female at 102.2 cm, so without a floor a very
 * short height would give a zero or negative ideal weight.
 */
export const DEVINE_EXTRAPOLATION_MIN_CM = 132;

export const POLICIES: Readonly<Record<PolicyId, Policy>> = {
  ontario: {
    id: "ontario",
    name: "Ontario (ORBCoN dose calculator, IGUM)",
    description:
      "adjusted weight when height ≥ 152.4 cm and weight > 50 kg (male) / > 45.5 kg (female), or at any height when BMI > 30 (Devine " +
      "extrapolated down to 132 cm); any age; nearest 5 g",
    // ORBCoN: "must" for all obese patients (BMI > 30), "should" for all ≥ 152.4 cm and > 50/45.5 kg;
    // "< 18 y not meeting criteria: actual weight", so the same criteria hold at any age.
    adjustWhen: {
      kind: "heightAndWeight",
      minHeightCm: 152.4,
      aboveWeightKg: { male: 50, female: 45.5 },
      mustAboveBmi: 30,
    },
    minHeightCm: DEVINE_EXTRAPOLATION_MIN_CM,
    rounding: "5g",
    roundingSource: SOURCES.ontarioDoseCalculator,
    inchesPerCm: 1 / 2.54,
    pregnancy: "prePregnancyWeight",
    heightRequired: true,
    source: SOURCES.ontarioDoseCalculator,
    sources: [SOURCES.ontarioDoseCalculator],
  },
  australia: {
    id: "australia",
    name: "Australia (BloodSTAR default from 1 July 2026)",
    description:
      "adjusted weight unless age < 18, height < 152 cm, pregnancy, or actual < adjusted (under 18: actual); whole vials",
    adjustWhen: { kind: "always" },
    minHeightCm: 152,
    rounding: "vial",
    roundingSource: SOURCES.asciaRounding,
    inchesPerCm: 0.393701,
    minAgeYears: 18,
    pregnancy: "actual",
    heightRequired: true,
    source: SOURCES.lifeblood2026,
    sources: [SOURCES.lifeblood2026, SOURCES.nbaBloodstarIbw, SOURCES.asciaRounding],
  },
  uk: {
    id: "uk",
    name: "UK (Immunoglobulin Request Form)",
    description:
      "adjusted weight when BMI > 30 or actual > 120 % of ideal; actual weight below 132 cm and for children (under 18)",
    adjustWhen: { kind: "bmiOrIbwPercentAbove", bmi: 30, percent: 120 },
    minHeightCm: DEVINE_EXTRAPOLATION_MIN_CM,
    rounding: undefined,
    inchesPerCm: 1 / 2.54,
    minAgeYears: 18,
    pregnancy: "notStated",
    heightRequired: true,
    source: SOURCES.ukIgRequestForm,
    sources: [SOURCES.ukIgRequestForm],
  },
};

/** `--dosing-weight bmi30` and `ibw120`: the two common thresholds without a policy's other rules. */
export const THRESHOLD_RULES = {
  bmi30: {
    id: "bmi30",
    description: "adjusted weight when BMI > 30",
    adjustWhen: { kind: "bmiAbove", bmi: 30 },
    minHeightCm: DEVINE_EXTRAPOLATION_MIN_CM,
    source: SOURCES.optionCareBmi30,
  },
  ibw120: {
    id: "ibw120",
    description: "adjusted weight when actual > 120 % of ideal weight",
    adjustWhen: { kind: "ibwPercentAbove", percent: 120 },
    minHeightCm: DEVINE_EXTRAPOLATION_MIN_CM,
    source: SOURCES.usOrderForm120,
  },
} as const satisfies Record<string, DosingRule>;

/** Devine IBW intercepts in kg (NBA BloodSTAR; Ontario cites Pai & Paloucek 2000). */
export const DEVINE = {
  baseKg: { male: 50, female: 45.5 },
  kgPerInchOver60: 2.3,
  source: SOURCES.nbaBloodstarIbw,
} as const;

/** Dose-determining (adjusted) weight = IBW + 0.4 × (actual − IBW). */
export const ADJUSTMENT_FACTOR = { value: 0.4, source: SOURCES.nbaBloodstarIbw } as const;
