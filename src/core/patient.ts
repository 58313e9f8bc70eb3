import { decideDosingWeight, unitWarnings, type DosingWeightDecision } from "./dosingWeight.js";
import { roundTo } from "./format.js";
import type { ScheduleInput } from "./input.js";
import type { Message, Patient } from "./resultSchema.js";
import { parseHeight, parseWeight } from "./units.js";

/** The patient of a request: dosing weight, unit-slip checks and the `patient` object of the output. */

/**
 * The unit-slip checks for a request, from the units its weight and height were typed in (read by
 * the same parsers that read the values).
 *
 * @example
 * typedUnitWarnings({ ...input, weightKg: 160, weightAsEntered: "160" }) //=> [{ code: "WEIGHT_LOOKS_LIKE_POUNDS", … }]
 */
export function typedUnitWarnings(input: ScheduleInput): Message[] {
  return unitWarnings({
    weightKg: input.weightKg,
    weightInPounds: parseWeight(input.weightAsEntered).unit === "lb",
    heightCm: input.heightCm,
    heightInCentimetres: input.heightAsEntered === undefined || parseHeight(input.heightAsEntered).unit === "cm",
    dosingWeightChosen: input.dosingWeight !== undefined,
  });
}

/**
 * Decides the dosing weight for a request; a missing height or sex is bad input (`DomainError`).
 *
 * @example
 * dosingWeightFor({ ...input, weightKg: 100, heightCm: 175, sex: "male", policy: "ontario" }).dosingWeightKg //=> 82.28…
 */
export function dosingWeightFor(input: ScheduleInput): DosingWeightDecision {
  return decideDosingWeight({
    body: {
      weightKg: input.weightKg,
      heightCm: input.heightCm,
      sex: input.sex,
      ageYears: input.ageYears,
      pregnant: input.pregnant,
    },
    choice: input.dosingWeight,
    policy: input.policy,
  });
}

/**
 * The `patient` object of the output: full precision inside, rounded here for display.
 *
 * @example
 * patientJson({ ...input, weightKg: 70, weightAsEntered: "70" }, decision) //=> { weightKg: 70, dosingWeightKg: 70, … }
 */
export function patientJson(input: ScheduleInput, decision: DosingWeightDecision): Patient {
  return {
    weightKg: roundTo(input.weightKg, 3),
    weightAsEntered: input.weightAsEntered,
    heightCm: input.heightCm === undefined ? null : roundTo(input.heightCm, 2),
    heightAsEntered: input.heightAsEntered ?? null,
    sex: input.sex ?? null,
    ageYears: input.ageYears ?? null,
    pregnant: input.pregnant ?? null,
    bmi: decision.bmi === null ? null : roundTo(decision.bmi, 2),
    idealWeightKg: decision.idealWeightKg === null ? null : roundTo(decision.idealWeightKg, 2),
    adjustedWeightKg: decision.adjustedWeightKg === null ? null : roundTo(decision.adjustedWeightKg, 2),
    dosingWeightKg: roundTo(decision.dosingWeightKg, 2),
    dosingWeightBasis: decision.basis,
    dosingWeightRule: decision.rule,
    dosingWeightReason: decision.reason,
    policy: input.policy ?? null,
  };
}
