import { SOURCES } from "./sources.js";
import type { Sourced } from "./products.js";

/** A maintenance regimen the guideline names as typical: `doseGPerKg` every `minWeeks`–`maxWeeks`. */
export interface TypicalRegimen {
  readonly doseGPerKg: number;
  readonly minWeeks: number;
  readonly maxWeeks: number;
}

/**
 * EFNS/PNS 2006 good practice point: "Typical treatment regimens are 1 g/kg every 2–4 weeks or
 * 2 g/kg every 4–8 weeks". The 2010 revision says "2 g/kg every 1–2 months"; we encode the 2006
 * wording in weeks (docs/clinical.md §4.1, §9 item 1).
 */
export const EFNS_MAINTENANCE: Sourced<readonly TypicalRegimen[]> = {
  value: [
    { doseGPerKg: 1, minWeeks: 2, maxWeeks: 4 },
    { doseGPerKg: 2, minWeeks: 4, maxWeeks: 8 },
  ],
  source: SOURCES.efnsPns2006,
};

/** EFNS/PNS: induction 2 g/kg given over 2–5 days. */
export const EFNS_COURSE_DAYS: Sourced<{ min: number; max: number }> = {
  value: { min: 2, max: 5 },
  source: SOURCES.efnsPns2006,
};

/**
 * A course's days may spread over at most this many calendar days before it warns (a week).
 * [D] from EFNS/PNS's 2–5 consecutive days: a 5-day course over a weekend still fits in 7.
 */
export const MAX_COURSE_SPAN_DAYS: Sourced<number> = {
  value: 7,
  source: SOURCES.efnsPns2006,
};

/**
 * Option Care Health's IG order form lets an infusion be given up to 4 days either side of its date
 * for scheduling (docs/clinical.md §5.2). A move that brings a course closer than that to the one before
 * gives more drug in a shorter time than prescribed, so the tool warns.
 */
export const SCHEDULING_WINDOW_DAYS: Sourced<number> = {
  value: 4,
  source: SOURCES.optionCareScheduling,
};

/** Gammagard Liquid US MMN label: 0.5 to 2.4 g/kg/month, based on clinical response. */
export const GAMMAGARD_MMN_MONTHLY_G_PER_KG: Sourced<{ min: number; max: number }> = {
  value: { min: 0.5, max: 2.4 },
  source: SOURCES.gammagardMmn,
};

/**
 * Days in the average calendar month (365.25 / 12), used to express a regimen in g/kg/month.
 * [D] The label does not define "month"; the calendar month is the stricter reading of an upper
 * limit (a 4-week month would make every regimen look 8 % smaller).
 */
export const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Ontario IGUM: "maximum 1 g/kg/day", stated in its relapsing-remitting MS entry (docs/clinical.md
 * §7.1). No MMN-specific daily maximum was found; the tool uses this one as the --max-daily default.
 */
export const MAX_DAILY_G_PER_KG: Sourced<number> = {
  value: 1,
  source: SOURCES.ontarioIgumMaxDaily,
};

/** Siegel 2010: when rounding, stay within 10 % of the original order. */
export const ROUNDING_TOLERANCE_PERCENT: Sourced<number> = {
  value: 10,
  source: SOURCES.siegelRounding,
};

/** Ontario dose calculator: round the total dose to the nearest 5 g. */
export const ONTARIO_ROUNDING_STEP_G: Sourced<number> = {
  value: 5,
  source: SOURCES.ontarioDoseCalculator,
};

/**
 * NL-IVIG002: the lowest (first-infusion) rate is used for the "first infusion or if greater than
 * 8 weeks since last treatment". In days (8 × 7), counted between the actual infusion dates.
 */
export const FIRST_INFUSION_GAP_DAYS: Sourced<number> = {
  value: 56,
  source: SOURCES.nlIvig002,
  note: "first infusion or if greater than 8 weeks since last treatment",
};

/**
 * Gammagard Liquid PI dosing: "Patients beginning treatment or switching from one IVIG product to
 * another should be started at the lower infusion rate" (docs/clinical.md §13.1).
 */
export const PRODUCT_SWITCH_STARTS_LOW: Sourced<string> = {
  value: "a change of product starts at the lower (first-infusion) rate",
  source: SOURCES.gammagardPi,
  note: "patients beginning treatment or switching from one IVIG product to another should be started at the lower infusion rate",
};

/** Renal and thrombosis risk factors from the IGIV boxed warning (docs/clinical.md §1.4, §7.2), as `--at-risk` lists them. */
export const IGIV_RISK_FACTORS: Sourced<string> = {
  value:
    "renal: pre-existing renal insufficiency, diabetes, age > 65, volume depletion, sepsis, paraproteinaemia, nephrotoxic drugs; " +
    "thrombosis: advanced age, immobilisation, hypercoagulable state, prior thrombosis, oestrogens, indwelling catheters, " +
    "hyperviscosity, cardiovascular risk factors",
  source: SOURCES.gammagardBoxedWarning,
};

/** Age > 65 predisposes to renal dysfunction (IGIV boxed warning; docs/clinical.md §1.4); advanced age to thrombosis. */
export const RENAL_RISK_AGE_YEARS: Sourced<number> = { value: 65, source: SOURCES.gammagardBoxedWarning };

/**
 * A day of 1 g/kg is the "high-dose regimen" the Gamunex-C label does not recommend where fluid volume
 * may be a concern: for an at-risk patient the plan offers more days instead.
 */
export const AT_RISK_DAY_G_PER_KG: Sourced<number> = {
  value: 1,
  source: SOURCES.gamunexCDosage,
  note: "1 g/kg in a day: not recommended if fluid volume may be a concern",
};

/** The same label's smaller day (CIDP maintenance 0.5 g/kg on 2 days instead of 1 g/kg on 1): the days offered. */
export const AT_RISK_SPLIT_DAY_G_PER_KG: Sourced<number> = {
  value: 0.5,
  source: SOURCES.gamunexCDosage,
  note: "0.5 g/kg a day (CIDP maintenance 0.5 g/kg on 2 days)",
};
