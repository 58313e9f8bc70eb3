/**
 * Body measurements as people type them. A bare number is kg or cm; `lb`, `in` and `5ft9in` are
 * converted with exact definitions (1 lb = 0.45359237 kg, 1 in = 2.54 cm). Text that is not a
 * measurement is bad input: a `DomainError` (WEIGHT_FORMAT, HEIGHT_FORMAT) naming the option.
 */

import { DomainError } from "./domainError.js";
import { option } from "./optionKeys.js";

export const KG_PER_LB = 0.45359237;
export const CM_PER_IN = 2.54;
const IN_PER_FT = 12;

export type WeightUnit = "kg" | "lb";
export type HeightUnit = "cm" | "in" | "ftin";

export interface Measured<U> {
  /** The value in kg or cm. */
  readonly value: number;
  /** The unit the user typed, or the default when they typed a bare number. */
  readonly unit: U;
  /** Whether the user typed the unit (a bare `70` did not). */
  readonly unitTyped: boolean;
}

/** A weight that cannot be read: a `DomainError` about `--weight`. */
function weightFormatError(text: string): DomainError {
  return new DomainError(
    "WEIGHT_FORMAT",
    "weight",
    `${option("weight")} '${text}' is not a weight such as 70, 70kg or 154lb`,
  );
}

/** A height that cannot be read: a `DomainError` about `--height`. */
function heightFormatError(text: string, why: string): DomainError {
  return new DomainError("HEIGHT_FORMAT", "height", `${option("height")} '${text}' ${why}`);
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const WEIGHT = new RegExp(`^${NUMBER}(kg|kgs|lb|lbs)?$`, "i");
const METRIC_OR_INCH = new RegExp(`^${NUMBER}(cm|in)?$`, "i");
const FEET_INCHES = new RegExp(`^(\\d+)ft(?:${NUMBER}in)?$`, "i");

/**
 * Reads a weight: `70`, `70kg`, `154lb`. No space, sign, comma or exponent.
 *
 * @example
 * parseWeight("154lb") //=> { value: 69.85322498, unit: "lb", unitTyped: true }
 */
export function parseWeight(text: string): Measured<WeightUnit> {
  const m = WEIGHT.exec(text);
  if (!m) throw weightFormatError(text);
  const unit: WeightUnit = m[2]?.toLowerCase().startsWith("lb") ? "lb" : "kg";
  const n = Number(m[1]);
  return { value: unit === "lb" ? n * KG_PER_LB : n, unit, unitTyped: m[2] !== undefined };
}

/**
 * Reads a height: `175`, `175cm`, `69in`, `5ft`, `5ft9in`, `5ft9.5in`.
 *
 * @example
 * parseHeight("5ft9in").value //=> 175.26
 */
export function parseHeight(text: string): Measured<HeightUnit> {
  const ftIn = FEET_INCHES.exec(text);
  if (ftIn) {
    const inches = ftIn[2] === undefined ? 0 : Number(ftIn[2]);
    if (inches >= IN_PER_FT) throw heightFormatError(text, `has ${inches} inches; use fewer than 12 after ft`);
    return { value: (Number(ftIn[1]) * IN_PER_FT + inches) * CM_PER_IN, unit: "ftin", unitTyped: true };
  }
  const m = METRIC_OR_INCH.exec(text);
  if (!m) throw heightFormatError(text, "is not a height such as 175, 175cm, 69in or 5ft9in");
  const unit: HeightUnit = m[2]?.toLowerCase() === "in" ? "in" : "cm";
  const n = Number(m[1]);
  return { value: unit === "in" ? n * CM_PER_IN : n, unit, unitTyped: m[2] !== undefined };
}
