import type { Message } from "./resultSchema.js";
import type { Source } from "../data/sources.js";

/**
 * Codes of warnings (outside a label or guideline, or an override the user forced) and notes
 * (every rounding, split and cap the tool applied). Codes are stable: scripts match on them.
 */
export type WarningCode =
  | "DAY_ABOVE_MAX_DAILY"
  | "ROUNDED_DAY_ABOVE_MAX_DAILY"
  | "DAY_ABOVE_1_G_PER_KG"
  | "OUTSIDE_EFNS_MAINTENANCE"
  | "ABOVE_LABEL_MONTHLY_DOSE"
  | "BELOW_LABEL_MONTHLY_DOSE"
  | "OBESE_ON_ACTUAL_WEIGHT"
  | "DEVINE_NOT_VALID"
  | "DEVINE_EXTRAPOLATED"
  | "PATIENT_UNDER_18"
  | "PREGNANCY"
  | "WEIGHT_LOOKS_LIKE_POUNDS"
  | "HEAVY_WITHOUT_HEIGHT"
  | "HEIGHT_LOOKS_LIKE_INCHES"
  | "MAX_RATE_ABOVE_LABEL"
  | "INITIAL_RATE_ABOVE_LABEL"
  | "AT_RISK"
  | "AT_RISK_HOLDS_LABEL_RATE"
  | "AT_RISK_DAY_VOLUME"
  | "STEP_MINUTES_BELOW_LABEL"
  | "RATE_TIMING_NOT_IN_LABEL"
  | "NOT_LABELLED_FOR_MMN"
  | "SCIG_FACTOR_BELOW_1"
  | "SCIG_WEEKLY_ABOVE_0_4_G_PER_KG"
  | "SCIG_SITES_ABOVE_LABEL"
  | "SCIG_FACTOR_BELOW_MMN_STUDY"
  | "AGE_OVER_65"
  | "COURSE_SPREAD_OVER_WEEK"
  | "COURSES_CLOSE_TOGETHER"
  | "PHASE_STARTS_EARLY"
  | "SCIG_STARTS_EARLY"
  | "REVIEW_OVERDUE"
  | "COURSE_OFF_SCHEDULE";

export type NoteCode =
  | "ROUNDED"
  | "NOT_ROUNDED"
  | "SPLIT"
  | "VIAL_LEFTOVER"
  | "DOSING_WEIGHT"
  | "DOSING_WEIGHT_OVERRIDES_POLICY"
  | "ROUNDING_OVERRIDES_POLICY"
  | "AGE_ASSUMED_ADULT"
  | "RATE_FROM_OPTION"
  | "RATE_PLAN"
  | "RATE_FASTEST_LABEL_PLAN"
  | "VIALS_FROM_OPTION"
  | "SCIG_FACTOR"
  | "SCIG_START"
  | "HYQVIA_RAMP_UP"
  | "SCIG_SITE_ROUNDS"
  | "SCIG_WEEKLY_MMN_STUDY"
  | "SCIG_EVERY_SHORTENED"
  | "RATE_TABLE_WEIGHT_RANGE"
  | "MOVE_RULE"
  | "MOVED"
  | "COURSE_PUSHED"
  | "ROUNDED_DAY_WITHIN_TOLERANCE"
  | "SOLD_AS"
  | "PHASE_START"
  | "PHASE_DAYS_NOT_INHERITED"
  | "FIRST_INFUSION_AFTER_GAP"
  | "CONTINUES";

/**
 * A warning or note. `remedies` are the options that address a warning, each one the tool accepts
 * when added to the same command (a property test re-runs them), e.g. `["--days 3", "--round none"]`.
 */
export function message(
  code: WarningCode | NoteCode,
  text: string,
  sources: readonly Source[] = [],
  remedies: readonly string[] = [],
): Message {
  return {
    code,
    message: text,
    ...(sources.length > 0 ? { sources: sources.map((s) => s.url) } : {}),
    ...(remedies.length > 0 ? { remedies: [...remedies] } : {}),
  };
}
