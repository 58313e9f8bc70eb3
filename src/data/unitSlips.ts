import type { Sourced } from "./products.js";
import { SOURCES } from "./sources.js";

/**
 * Thresholds of the unit-slip checks (pounds typed as kg, inches typed as cm). ISMP reports the
 * confusion between pounds and kilograms as a common cause of weight-based dose errors; the
 * thresholds are [D] derived here, never a clinical limit: the checks only warn.
 */

/** [D] A BMI at or above this from the typed weight and height may be a weight in pounds. */
export const POUNDS_SUSPECTED_BMI: Sourced<number> = { value: 50, source: SOURCES.ismpIncorrectWeights };

/**
 * [D] A weight typed without a unit at or above this, with no height to compute a BMI, may be pounds:
 * 150 kg is BMI 50 (the with-height threshold) for a 173 cm adult. A 70 kg adult typed in pounds reads as 154.
 */
export const WEIGHT_NEEDS_HEIGHT_KG: Sourced<number> = { value: 150, source: SOURCES.ismpIncorrectWeights };

/**
 * [D] A weight typed without a unit at or above this, with no height, is a heavy patient dosed on actual
 * weight unless the user says otherwise: 100 kg is a BMI over 30 at every height below 182.6 cm
 * (√(100 / 30) m), taller than most adults (the mean US adult man is about 175 cm, NHANES), and BMI > 30 is
 * where Ontario's calculator "must" use adjusted weight. 100–150 typed as pounds is 45–68 kg, an ordinary
 * adult, so the same check names the pound slip. Below {@link WEIGHT_NEEDS_HEIGHT_KG}.
 */
export const HEAVY_WITHOUT_HEIGHT_KG: Sourced<number> = { value: 100, source: SOURCES.ontarioDoseCalculator };

/** [D] A height read as centimetres within this range is very short for an adult and may be inches (4–8 ft). */
export const INCHES_SUSPECTED_CM: Sourced<{ min: number; max: number }> = {
  value: { min: 48, max: 96 },
  source: SOURCES.ismpIncorrectWeights,
};
