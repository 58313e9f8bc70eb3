import { DomainError } from "./domainError.js";
import { KG_PER_LB } from "./units.js";
import {
  HEAVY_WITHOUT_HEIGHT_KG,
  INCHES_SUSPECTED_CM,
  POUNDS_SUSPECTED_BMI,
  WEIGHT_NEEDS_HEIGHT_KG,
} from "../data/unitSlips.js";
import { formatNumber } from "./format.js";
import { message } from "./messages.js";
import type { Message } from "./resultSchema.js";
import {
  ADJUSTMENT_FACTOR,
  DEVINE,
  DEVINE_EXTRAPOLATION_MIN_CM,
  DEVINE_MIN_HEIGHT_CM,
  POLICIES,
  THRESHOLD_RULES,
  type AdjustWhen,
  type DosingRule,
  type Policy,
  type PolicyId,
} from "../data/policies.js";
import { SOURCES } from "../data/sources.js";
import { option } from "./optionKeys.js";

/** `--sex`: what Devine's ideal weight needs. */
export const SEXES = ["male", "female"] as const;

export type Sex = (typeof SEXES)[number];

/** `--dosing-weight`: a basis, or a policy's threshold rule on its own. */
export const DOSING_WEIGHT_CHOICES = ["actual", "ideal", "adjusted", "bmi30", "ibw120"] as const;

export type DosingWeightChoice = (typeof DOSING_WEIGHT_CHOICES)[number];
type DosingWeightBasis = "actual" | "ideal" | "adjusted";

/** What is known of the patient's body. Heights in cm, weights in kg, full precision. */
export interface Body {
  readonly weightKg: number;
  readonly heightCm?: number | undefined;
  readonly sex?: Sex | undefined;
  readonly ageYears?: number | undefined;
  readonly pregnant?: boolean | undefined;
}

export interface DosingWeightRequest {
  readonly body: Body;
  /** `--dosing-weight`, when given; it overrides a policy's weight rule. */
  readonly choice?: DosingWeightChoice | undefined;
  readonly policy?: PolicyId | undefined;
}

/** Body measures derived by the rule's own conversion (null when the inputs for one are missing). */
interface BodyMeasures {
  readonly bmi: number | null;
  readonly idealWeightKg: number | null;
  readonly adjustedWeightKg: number | null;
}

/** The decision record: which weight doses the patient, by which rule, and why. */
export interface DosingWeightDecision extends BodyMeasures {
  readonly dosingWeightKg: number;
  readonly basis: DosingWeightBasis;
  /** `actual`, `ideal`, `adjusted`, `bmi30`, `ibw120`, or `policy:<id>`. */
  readonly rule: string;
  /** One plain sentence: why this weight. */
  readonly reason: string;
  readonly warnings: readonly Message[];
  readonly notes: readonly Message[];
}

/**
 * Devine ideal body weight: 50 kg (male) or 45.5 kg (female) + 2.3 kg per inch over 60 in.
 *
 * @example
 * devineIdealWeightKg(175, "male") //=> 70.4646… (docs/clinical.md D4)
 * devineIdealWeightKg(177.8, "male") //=> 73 (5 ft 10 in, worldlycalc)
 */
export function devineIdealWeightKg(heightCm: number, sex: Sex, inchesPerCm = 1 / 2.54): number {
  return DEVINE.baseKg[sex] + DEVINE.kgPerInchOver60 * (heightCm * inchesPerCm - 60);
}

/**
 * Adjusted (dose-determining) weight: IBW + 0.4 × (actual − IBW).
 *
 * @example
 * adjustedWeightKg(100, 70.4646) //=> 82.2788 (docs/clinical.md D4)
 */
export function adjustedWeightKg(actualKg: number, idealKg: number): number {
  return idealKg + ADJUSTMENT_FACTOR.value * (actualKg - idealKg);
}

/** Body-mass index, kg/m². */
export function bodyMassIndex(weightKg: number, heightCm: number): number {
  return weightKg / (heightCm / 100) ** 2;
}

/**
 * BMI, IBW and adjusted weight from what is known, converting inches as the rule does. No ideal
 * (or adjusted) weight below {@link DEVINE_EXTRAPOLATION_MIN_CM}: Devine is not extrapolated that far,
 * and would reach 0 kg near 1 m.
 */
function bodyMeasures(body: Body, inchesPerCm = 1 / 2.54): BodyMeasures {
  const bmi = body.heightCm === undefined ? null : bodyMassIndex(body.weightKg, body.heightCm);
  const ideal =
    body.heightCm === undefined || body.sex === undefined || body.heightCm < DEVINE_EXTRAPOLATION_MIN_CM
      ? null
      : devineIdealWeightKg(body.heightCm, body.sex, inchesPerCm);
  return {
    bmi,
    idealWeightKg: ideal,
    adjustedWeightKg: ideal === null ? null : adjustedWeightKg(body.weightKg, ideal),
  };
}

interface Outcome {
  readonly basis: DosingWeightBasis;
  readonly reason: string;
}

/**
 * Chooses the dosing weight. Pure; never returns a weight above the actual weight.
 *
 * - no choice and no policy: actual weight;
 * - `--dosing-weight` names a basis or a threshold rule and overrides a policy's weight rule;
 * - `--policy` applies its exclusions (age, height, pregnancy, actual below adjusted) then its
 *   threshold (docs/clinical.md §5.2).
 *
 * @example
 * decideDosingWeight({ body: { weightKg: 100, heightCm: 175, sex: "male" }, policy: "ontario" })
 * //=> { dosingWeightKg: 82.2788…, basis: "adjusted", rule: "policy:ontario", … }
 */
export function decideDosingWeight(request: DosingWeightRequest): DosingWeightDecision {
  return decide(request, true);
}

function decide(request: DosingWeightRequest, suggestPolicies: boolean): DosingWeightDecision {
  const { body, choice, policy: policyId } = request;
  const policy = policyId === undefined ? undefined : POLICIES[policyId];
  const warnings: Message[] = [];
  const notes: Message[] = [];
  if (body.pregnant && body.sex === "male") {
    throw new DomainError(
      "CONTRADICTORY_INPUT",
      "pregnant",
      `${option("pregnant")} contradicts ${option("sex", "male")}: check the patient's details`,
      ["sex"],
    );
  }
  const measures = bodyMeasures(body, policy?.inchesPerCm);

  let rule: string;
  let outcome: Outcome;
  if (choice !== undefined) {
    rule = choice;
    if (policy) {
      notes.push(
        message(
          "DOSING_WEIGHT_OVERRIDES_POLICY",
          `${option("dosingWeight", choice)} overrides the ${policy.name} weight rule (${policy.description})`,
        ),
      );
    }
    outcome = applyChoice(choice, body, measures, warnings);
  } else if (policy) {
    rule = `policy:${policy.id}`;
    outcome = applyPolicy(policy, body, measures, warnings, notes);
  } else {
    rule = "actual";
    outcome = { basis: "actual", reason: `actual weight: no ${option("dosingWeight")} or ${option("policy")} given` };
  }

  const dosingWeightKg =
    outcome.basis === "ideal"
      ? measures.idealWeightKg!
      : outcome.basis === "adjusted"
        ? measures.adjustedWeightKg!
        : body.weightKg;
  if (suggestPolicies && outcome.basis === "actual" && measures.bmi !== null && measures.bmi > 30) {
    warnings.push(obeseOnActualWeight(body, measures.bmi));
  }
  if (body.ageYears !== undefined && body.ageYears < 18) warnings.push(underEighteen(body.ageYears, policy));
  if (body.pregnant && !policy) warnings.push(pregnantWithoutPolicy(outcome.basis));
  const dosingWeight = Math.min(dosingWeightKg, body.weightKg);
  return {
    ...measures,
    dosingWeightKg: dosingWeight,
    basis: outcome.basis,
    rule,
    reason: outcome.reason,
    warnings,
    notes,
  };
}

/** The Gammagard Liquid MMN label's indication is "adult patients with MMN"; its trial enrolled 44 adults. */
function underEighteen(ageYears: number, policy: Policy | undefined): Message {
  const rule =
    policy === undefined
      ? ""
      : policy.minAgeYears !== undefined && ageYears < policy.minAgeYears
        ? `; the ${policy.name} policy doses under-${policy.minAgeYears}s on actual weight`
        : `; the ${policy.name} policy applies its criteria at any age`;
  return message(
    "PATIENT_UNDER_18",
    `the patient is ${formatNumber(ageYears)}: Gammagard Liquid is indicated for "adult patients with Multifocal Motor Neuropathy" (US ` +
      `label; its MMN trial enrolled 44 adults), and no MMN dose for under-18s was found${rule}`,
    [SOURCES.gammagardMmn],
  );
}

/** `--pregnant` with no policy: nothing is applied, and the user is told what the policies say. */
function pregnantWithoutPolicy(basis: DosingWeightBasis): Message {
  return message(
    "PREGNANCY",
    `pregnancy: no ${option("policy")} is given, so no pregnancy rule is applied (dosed on ${basis} weight). ` +
      `Ontario doses on the pre-pregnancy weight (give it as ${option("weight")}); Australia's 2026 rule does not adjust ` +
      `the weight in pregnancy`,
    [SOURCES.ontarioDoseCalculator, SOURCES.lifeblood2026],
  );
}

/** Why a rule needs a measurement, and the option that asked for that rule. */
interface Need {
  readonly text: string;
  readonly option: "dosingWeight" | "policy";
}

function requireHeight(body: Body, why: Need): number {
  if (body.heightCm === undefined) {
    throw new DomainError("MISSING_HEIGHT", "height", `${option("height")} is required: ${why.text}`, [why.option]);
  }
  return body.heightCm;
}

function requireIdeal(body: Body, measures: BodyMeasures, why: Need): number {
  requireHeight(body, why);
  if (measures.idealWeightKg === null) {
    throw new DomainError(
      "MISSING_SEX",
      "sex",
      `${option("sex")} male|female is required: ${why.text} (Devine ideal weight differs by ` + `sex)`,
      [why.option],
    );
  }
  return measures.idealWeightKg;
}

/** Ideal or adjusted weight, unless it would exceed actual weight. */
function capAtActual(basis: "ideal" | "adjusted", body: Body, measures: BodyMeasures, reason: string): Outcome {
  const candidate = basis === "ideal" ? measures.idealWeightKg! : measures.adjustedWeightKg!;
  if (candidate >= body.weightKg) {
    return {
      basis: "actual",
      reason:
        `actual weight: it is below the ideal weight (${formatNumber(measures.idealWeightKg!)} kg), and a dosing weight never ` +
        `exceeds the actual weight`,
    };
  }
  return { basis, reason };
}

function applyChoice(choice: DosingWeightChoice, body: Body, measures: BodyMeasures, warnings: Message[]): Outcome {
  if (choice === "actual") return { basis: "actual", reason: `actual weight: ${option("dosingWeight", "actual")}` };
  const why: Need = { text: `${option("dosingWeight", choice)} needs the ideal weight`, option: "dosingWeight" };
  if (choice === "bmi30" || choice === "ibw120") return applyRule(THRESHOLD_RULES[choice], body, measures, warnings);
  const heightCm = requireHeight(body, why);
  // As the policies do: Devine extrapolated (with a warning) down to 132 cm, not below.
  if (heightCm < DEVINE_EXTRAPOLATION_MIN_CM) {
    warnings.push(
      devineNotValid(
        heightCm,
        `is below ${DEVINE_EXTRAPOLATION_MIN_CM} cm, where no rule extrapolates Devine ideal weight`,
      ),
    );
    return {
      basis: "actual",
      reason: `actual weight: Devine ideal weight is not extrapolated below ${DEVINE_EXTRAPOLATION_MIN_CM} cm`,
    };
  }
  requireIdeal(body, measures, why);
  if (heightCm < DEVINE_MIN_HEIGHT_CM) warnings.push(devineExtrapolated(heightCm, measures.idealWeightKg!));
  return capAtActual(choice, body, measures, `${choice} weight: ${option("dosingWeight", choice)}`);
}

/** A threshold rule (bmi30, ibw120, or a policy's own threshold after its exclusions). */
function applyRule(rule: DosingRule, body: Body, measures: BodyMeasures, warnings: Message[]): Outcome {
  const key = rule.id.startsWith("bmi") || rule.id.startsWith("ibw") ? "dosingWeight" : "policy";
  const why: Need = { text: `${option(key, rule.id)} (${rule.description})`, option: key };
  const heightCm = requireHeight(body, why);
  if (heightCm < rule.minHeightCm) {
    const must = rule.adjustWhen.kind === "heightAndWeight" && measures.bmi! > rule.adjustWhen.mustAboveBmi;
    if (rule.id === "bmi30" || rule.id === "ibw120") {
      warnings.push(
        devineNotValid(heightCm, `is below ${rule.minHeightCm} cm, where no rule extrapolates Devine ideal weight`),
      );
    } else if (must)
      warnings.push(
        devineNotValid(
          heightCm,
          `is below ${rule.minHeightCm} cm: BMI ${formatNumber(measures.bmi!, 1)} > 30 ` +
            `calls for adjusted weight, but Devine is not extrapolated that far`,
        ),
      );
    return {
      basis: "actual",
      reason: `actual weight: height ${formatNumber(heightCm, 1)} cm is below the rule's ${rule.minHeightCm} cm`,
    };
  }
  const verdict = thresholdMet(rule.adjustWhen, body, measures, () => requireIdeal(body, measures, why));
  if (!verdict.adjust) return { basis: "actual", reason: `actual weight: ${verdict.because}` };
  requireIdeal(body, measures, why);
  if (heightCm < DEVINE_MIN_HEIGHT_CM) warnings.push(devineExtrapolated(heightCm, measures.idealWeightKg!));
  return capAtActual("adjusted", body, measures, `adjusted weight: ${verdict.because}`);
}

function thresholdMet(
  when: AdjustWhen,
  body: Body,
  measures: BodyMeasures,
  ideal: () => number,
): { adjust: boolean; because: string } {
  const bmi = measures.bmi!;
  const bmiText = `BMI ${formatNumber(bmi, 1)}`;
  const percentOfIdeal = () => (body.weightKg / ideal()) * 100;
  switch (when.kind) {
    case "always":
      return { adjust: true, because: "the policy adjusts every patient it does not exclude" };
    case "bmiAbove":
      return bmi > when.bmi
        ? { adjust: true, because: `${bmiText} > ${when.bmi}` }
        : { adjust: false, because: `${bmiText} is not above ${when.bmi}` };
    case "ibwPercentAbove": {
      const p = percentOfIdeal();
      return p > when.percent
        ? { adjust: true, because: `actual is ${formatNumber(p, 1)} % of ideal, above ${when.percent} %` }
        : { adjust: false, because: `actual is ${formatNumber(p, 1)} % of ideal, not above ${when.percent} %` };
    }
    case "bmiOrIbwPercentAbove": {
      if (bmi > when.bmi) return { adjust: true, because: `${bmiText} > ${when.bmi}` };
      const p = percentOfIdeal();
      return p > when.percent
        ? { adjust: true, because: `actual is ${formatNumber(p, 1)} % of ideal, above ${when.percent} %` }
        : {
            adjust: false,
            because:
              `${bmiText} is not above ${when.bmi} and actual is ${formatNumber(p, 1)} % of ideal, not above ` +
              `${when.percent} %`,
          };
    }
    case "heightAndWeight": {
      ideal(); // the threshold is by sex
      const limit = when.aboveWeightKg[body.sex!];
      const tallEnough = body.heightCm! >= when.minHeightCm;
      if (tallEnough && body.weightKg > limit)
        return { adjust: true, because: `height ≥ ${when.minHeightCm} cm and weight > ${limit} kg ` + `(${body.sex})` };
      if (bmi > when.mustAboveBmi) return { adjust: true, because: `${bmiText} > ${when.mustAboveBmi}` };
      return {
        adjust: false,
        because: tallEnough
          ? `weight is not above ${limit} kg (${body.sex})`
          : `height is below ${when.minHeightCm} cm and ${bmiText} is not above ${when.mustAboveBmi}`,
      };
    }
  }
}

function applyPolicy(
  policy: Policy,
  body: Body,
  measures: BodyMeasures,
  warnings: Message[],
  notes: Message[],
): Outcome {
  if (policy.minAgeYears !== undefined) {
    if (body.ageYears === undefined) {
      notes.push(
        message(
          "AGE_ASSUMED_ADULT",
          `${option("age")} not given: treated as ${policy.minAgeYears} or over for the ${policy.name} policy`,
        ),
      );
    } else if (body.ageYears < policy.minAgeYears) {
      return {
        basis: "actual",
        reason:
          `actual weight: the ${policy.name} policy doses patients under ${policy.minAgeYears} on actual ` + `weight`,
      };
    }
  }
  if (body.pregnant) {
    if (policy.pregnancy === "actual") {
      return { basis: "actual", reason: `actual weight: the ${policy.name} policy does not adjust in pregnancy` };
    }
    warnings.push(
      message(
        "PREGNANCY",
        policy.pregnancy === "prePregnancyWeight"
          ? `pregnancy: the ${policy.name} policy doses on the pre-pregnancy weight; give that as ${option("weight")}`
          : `pregnancy: the ${policy.name} policy says nothing about pregnancy; the prescriber decides the weight`,
        [policy.source],
      ),
    );
  }
  return applyRule(policy, body, measures, warnings);
}

function devineExtrapolated(heightCm: number, idealKg: number): Message {
  return message(
    "DEVINE_EXTRAPOLATED",
    `height ${formatNumber(heightCm, 1)} cm is below ${DEVINE_MIN_HEIGHT_CM} cm, where Devine is validated; the rule still uses it ` +
      `(ideal weight ${formatNumber(idealKg)} kg)`,
    [SOURCES.devineValidity],
  );
}

function devineNotValid(
  heightCm: number,
  why = `is below ${DEVINE_MIN_HEIGHT_CM} cm, where Devine ideal weight is not valid`,
): Message {
  return message("DEVINE_NOT_VALID", `height ${formatNumber(heightCm, 1)} cm ${why}: dosed on actual weight`, [
    SOURCES.devineValidity,
  ]);
}

/** BMI above 30 on actual weight: name the rules that would adjust, with their weight. */
function obeseOnActualWeight(body: Body, bmi: number): Message {
  const adjusting: string[] = [];
  for (const id of Object.keys(POLICIES) as PolicyId[]) {
    try {
      const d = decide({ body, policy: id }, false);
      if (d.basis === "adjusted") adjusting.push(`${option("policy", id)} (${formatNumber(d.dosingWeightKg)} kg)`);
    } catch (e) {
      // A policy that needs --sex cannot be judged yet; the hint below says so.
      if (!(e instanceof DomainError)) throw e;
    }
  }
  const suggestion =
    adjusting.length > 0
      ? `${adjusting.join(", ")} would use adjusted weight`
      : body.sex === undefined
        ? `give ${option("sex")} to see what ${option("policy", "ontario")}, australia or uk would use`
        : "no named policy adjusts this patient";
  return message(
    "OBESE_ON_ACTUAL_WEIGHT",
    `BMI ${formatNumber(bmi, 1)} is above 30 and the dose uses actual weight; ${suggestion}`,
    [SOURCES.ontarioDoseCalculator],
  );
}

/** How the weight and height were typed, for the unit sanity checks. */
export interface TypedMeasures {
  readonly weightKg: number;
  readonly weightInPounds: boolean;
  readonly heightCm?: number | undefined;
  /** A bare number or `cm`: read as centimetres. */
  readonly heightInCentimetres: boolean;
  /** `--dosing-weight` was given: the user chose the weight the dose is based on. */
  readonly dosingWeightChosen?: boolean | undefined;
}

/**
 * Catches the classic unit slips (ISMP, PSNet "A Weighty Mistake"): pounds typed as kg (BMI ≥ 50,
 * or ≥ {@link HEAVY_WITHOUT_HEIGHT_KG} kg with no height; thresholds in src/data/unitSlips.ts), inches typed
 * as cm. Warnings only: the numbers could be real.
 *
 * @example
 * unitWarnings({ weightKg: 200, weightInPounds: false, heightCm: 170, heightInCentimetres: true })
 * //=> [{ code: "WEIGHT_LOOKS_LIKE_POUNDS", … }]
 */
export function unitWarnings(m: TypedMeasures): Message[] {
  const out: Message[] = [];
  const inches = INCHES_SUSPECTED_CM.value;
  if (m.heightCm !== undefined && m.heightInCentimetres && m.heightCm >= inches.min && m.heightCm <= inches.max) {
    out.push(
      message(
        "HEIGHT_LOOKS_LIKE_INCHES",
        `${option("height")} was read as ${formatNumber(m.heightCm)} cm, very short for an adult; if it is inches, write ` +
          `${option("height", `${formatNumber(m.heightCm)}in`)} (${formatNumber(m.heightCm * 2.54, 1)} cm)`,
      ),
    );
    return out;
  }
  if (m.heightCm === undefined && !m.weightInPounds) {
    const heavy = heavyWithoutHeight(m);
    if (heavy) out.push(heavy);
  }
  if (m.heightCm !== undefined && !m.weightInPounds) {
    const bmi = bodyMassIndex(m.weightKg, m.heightCm);
    if (bmi >= POUNDS_SUSPECTED_BMI.value) {
      const asPounds = m.weightKg * KG_PER_LB;
      out.push(
        message(
          "WEIGHT_LOOKS_LIKE_POUNDS",
          `BMI ${formatNumber(bmi, 1)} at ${formatNumber(m.weightKg)} kg and ${formatNumber(m.heightCm, 1)} cm: if the weight is in ` +
            `pounds, write ${option("weight", `${formatNumber(m.weightKg)}lb`)} (${formatNumber(asPounds)} kg, BMI ` +
            `${formatNumber(bodyMassIndex(asPounds, m.heightCm), 1)})`,
        ),
      );
    }
  }
  return out;
}

/** The tallest whole centimetre at which this weight is still a BMI over 30 (131 kg: 208 cm). */
function bmi30HeightText(weightKg: number): string {
  return `${Math.floor(Math.sqrt(weightKg / 30) * 100)} cm`;
}

/**
 * A heavy weight with no height to check it: ≥ {@link WEIGHT_NEEDS_HEIGHT_KG} kg is most likely pounds;
 * from {@link HEAVY_WITHOUT_HEIGHT_KG} kg it is a BMI over 30 for most adults, dosed on actual weight unless
 * `--dosing-weight` says so, and still possibly pounds. One warning, never both.
 */
function heavyWithoutHeight(m: TypedMeasures): Message | undefined {
  const kg = formatNumber(m.weightKg);
  const pounds = `${option("weight", `${kg}lb`)} (${formatNumber(m.weightKg * KG_PER_LB)} kg)`;
  const height = option("height");
  const policy =
    `a ${option("policy")} (most programmes dose a BMI over 30 on adjusted weight: Ontario's calculator must be used above ` +
    `BMI 30; in Australia it is the default from 1 July 2026)`;
  if (m.weightKg >= WEIGHT_NEEDS_HEIGHT_KG.value) {
    const heavy = m.dosingWeightChosen
      ? `give ${height} to check the BMI`
      : `give ${height} and ${option("sex")}, and ${policy}`;
    return message(
      "WEIGHT_LOOKS_LIKE_POUNDS",
      `${option("weight")} was read as ${kg} kg and no ${height} was given to check it: if it is pounds, write ${pounds}; if ` +
        `it is kg, ${heavy}`,
      [
        SOURCES.ismpIncorrectWeights,
        ...(m.dosingWeightChosen ? [] : [SOURCES.ontarioDoseCalculator, SOURCES.lifeblood2026]),
      ],
    );
  }
  if (m.weightKg < HEAVY_WITHOUT_HEIGHT_KG.value || m.dosingWeightChosen) return undefined;
  return message(
    "HEAVY_WITHOUT_HEIGHT",
    `${option("weight")} was read as ${kg} kg with no ${height}, and the dose uses actual weight: ${kg} kg is a BMI over 30 at any ` +
      `height up to ${bmi30HeightText(m.weightKg)}. Give ${height} and ${option("sex")}, and ${policy}, or ` +
      `${option("dosingWeight", "actual")} ` +
      `to keep actual weight on purpose. If the weight is in pounds, write ${pounds}`,
    [SOURCES.ontarioDoseCalculator, SOURCES.lifeblood2026, SOURCES.ismpIncorrectWeights],
    // `--weight …lb` is named in the text, not offered as a remedy: --weight may be given only once.
    [option("dosingWeight", "actual")],
  );
}
