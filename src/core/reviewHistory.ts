import type { IsoDate } from "./calendarDate.js";
import { type DosingWeightChoice, decideDosingWeight, type Sex } from "./dosingWeight.js";
import { DomainError } from "./domainError.js";
import type { MeasureId } from "../data/outcomeMeasures.js";
import type { PolicyId } from "../data/policies.js";
import type { Route } from "../data/products.js";
import { option } from "./optionKeys.js";

/** One infusion given (a history row of kind `infusion`). `row` is the data row, 1-based. */
export interface InfusionEvent {
  readonly row: number;
  readonly date: IsoDate;
  readonly route: Route;
  readonly product: string;
  readonly grams: number;
  readonly lot?: string | undefined;
}

export interface WeightEvent {
  readonly row: number;
  readonly date: IsoDate;
  readonly kg: number;
}

export interface MeasureEvent {
  readonly row: number;
  readonly date: IsoDate;
  readonly measure: MeasureId;
  readonly value: number;
  readonly unit: string;
}

/** A patient's history, each list in date order (rows of the same date in file order). */
export interface History {
  readonly infusions: readonly InfusionEvent[];
  readonly weights: readonly WeightEvent[];
  readonly measures: readonly MeasureEvent[];
}

/** The patient options, as the schedule takes them; `weightKg` (--weight) overrides every weight row. */
export interface ReviewPatient {
  readonly weightKg?: number | undefined;
  readonly heightCm?: number | undefined;
  readonly sex?: Sex | undefined;
  readonly policy?: PolicyId | undefined;
  readonly dosingWeight?: DosingWeightChoice | undefined;
}

/** Orders events by date, keeping file order within a date (a date out of order in the file is fine). */
export function byDate<T extends { readonly date: IsoDate; readonly row: number }>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.date === b.date ? a.row - b.row : a.date < b.date ? -1 : 1));
}

/** The actual weight on a date: --weight, else the latest weight row on or before it. */
function actualWeightOn(date: IsoDate, weights: readonly WeightEvent[], patient: ReviewPatient): number {
  if (patient.weightKg !== undefined) return patient.weightKg;
  let found: number | undefined;
  for (const w of weights) {
    if (w.date > date) break;
    found = w.kg;
  }
  if (found === undefined) {
    throw new DomainError(
      "REVIEW_INPUT",
      "weight",
      `history: no weight row on or before ${date} (the first infusion): add a weight row dated on or before it, ` +
        `or give ${option("weight")}`,
    );
  }
  return found;
}

/**
 * The dosing weight on a date: that date's actual weight through the schedule's own dosing-weight
 * rule (--dosing-weight, --policy, --height, --sex), so a review doses by the same weight as a schedule.
 */
export function dosingWeightOn(date: IsoDate, history: History, patient: ReviewPatient): number {
  const weightKg = actualWeightOn(date, history.weights, patient);
  return decideDosingWeight({
    body: { weightKg, heightCm: patient.heightCm, sex: patient.sex },
    choice: patient.dosingWeight,
    policy: patient.policy,
  }).dosingWeightKg;
}
