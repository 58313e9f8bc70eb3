import type { WarningCode } from "../core/messages.js";
import type { Message } from "../core/resultSchema.js";

// Warnings as a calendar event shows them: one short line each. The full text, with its numbers,
// sources and remedies, stays in the table and JSON; the event says where to find it.

/** The longest warning line in an event description, "Warning CODE: " included. */
export const WARNING_LINE_MAX = 120;

/**
 * What each warning is about, in a few words, for a warning whose own text is too long for a
 * line: written from the message each code is built with (src/core), without its numbers.
 */
const SUMMARIES: Readonly<Record<WarningCode, string>> = {
  DAY_ABOVE_MAX_DAILY: "a day's dose is above --max-daily",
  ROUNDED_DAY_ABOVE_MAX_DAILY: "rounding puts a day's dose above --max-daily, beyond the rounding tolerance",
  DAY_ABOVE_1_G_PER_KG: "a day's dose is above the 1 g/kg/day maximum",
  OUTSIDE_EFNS_MAINTENANCE: "the regimen is not an EFNS/PNS typical maintenance regimen",
  ABOVE_LABEL_MONTHLY_DOSE: "the monthly dose is above the Gammagard Liquid MMN label's range",
  BELOW_LABEL_MONTHLY_DOSE: "the monthly dose is below the Gammagard Liquid MMN label's range",
  OBESE_ON_ACTUAL_WEIGHT: "BMI above 30 and the dose uses actual weight",
  DEVINE_NOT_VALID: "Devine ideal weight is not valid at this height: dosed on actual weight",
  DEVINE_EXTRAPOLATED: "height below the range where Devine ideal weight is validated",
  PATIENT_UNDER_18: "under 18: the MMN label is for adults; no MMN dose for under-18s was found",
  PREGNANCY: "pregnancy: check which weight the dose is based on",
  WEIGHT_LOOKS_LIKE_POUNDS: "the weight may have been given in pounds: check it",
  HEAVY_WITHOUT_HEIGHT: "a heavy weight with no height: dosed on actual weight; or is it pounds?",
  HEIGHT_LOOKS_LIKE_INCHES: "the height may have been given in inches: check it",
  MAX_RATE_ABOVE_LABEL: "--max-rate is above the label maximum",
  INITIAL_RATE_ABOVE_LABEL: "--initial-rate is above the label's initial rate",
  AT_RISK: "at risk of renal dysfunction or thrombosis: hydrate; minimum practicable dose and rate",
  AT_RISK_HOLDS_LABEL_RATE: "at risk: the plan keeps the label's rate, not the faster one asked for",
  AT_RISK_DAY_VOLUME: "at risk: a day of 1 g/kg or more; more days offered (fluid volume)",
  STEP_MINUTES_BELOW_LABEL: "each rate runs shorter than the label's step time",
  RATE_TIMING_NOT_IN_LABEL: "the label does not say how long each rate runs",
  NOT_LABELLED_FOR_MMN: "the product is not labelled for MMN under the chosen region's label",
  SCIG_FACTOR_BELOW_1: "the SCIG factor gives less than the IVIG dose",
  SCIG_WEEKLY_ABOVE_0_4_G_PER_KG: "weekly SCIG dose above the 0.4 g/kg CIDP maximum",
  SCIG_SITES_ABOVE_LABEL: "more infusion sites than the label allows in one infusion",
  SCIG_FACTOR_BELOW_MMN_STUDY: "SCIG factor below the one the cited MMN study used at this dose",
  AGE_OVER_65: "over 65: a thrombosis (and renal) risk factor; hydrate; minimum practicable dose and rate",
  COURSE_SPREAD_OVER_WEEK: "moved days spread a course over more than a week",
  COURSES_CLOSE_TOGETHER: "after the moves, courses are closer together than prescribed",
  PHASE_STARTS_EARLY: "a plan's phase starts before the previous phase's next course date: phases stacked",
  SCIG_STARTS_EARLY: "SCIG starts less than a week after the last IVIG (the labels: one week)",
  REVIEW_OVERDUE: "the programme's next review is past due",
  COURSE_OFF_SCHEDULE: "a course started more than 4 days from the prescribed interval",
};

/**
 * A warning as one line of at most {@link WARNING_LINE_MAX} characters: "Warning CODE: " and its
 * text when it fits; else its first clause (up to "; " or ". " outside parentheses) ended by "…"
 * when that fits; else what the code is about, without the numbers.
 *
 * @example
 * warningLine({ code: "AT_RISK", message: "at risk of renal dysfunction or thrombosis: maximum rate capped at …; hydrate …" })
 * //=> "Warning AT_RISK: at risk of renal dysfunction or thrombosis: maximum rate capped at …"
 */
export function warningLine(w: Message): string {
  const head = `Warning ${w.code}: `;
  const room = WARNING_LINE_MAX - head.length;
  if (w.message.length <= room) return head + w.message;
  const clause = firstClause(w.message).replace(/[\s,:;.]+$/, "");
  if (clause.length < room) return `${head}${clause}…`;
  const summary = (SUMMARIES as Readonly<Record<string, string>>)[w.code];
  return summary !== undefined && summary.length <= room ? head + summary : `${head}${cutOnWord(clause, room - 1)}…`;
}

const ABBREVIATION = /\b(e\.g|i\.e|vs|approx)\.$/;

/** The text up to the first "; " or ". " at parenthesis depth 0 (so "(PI; CIDP)" stays whole). */
function firstClause(text: string): string {
  let depth = 0;
  for (let k = 0; k < text.length - 1; k++) {
    const c = text[k]!;
    if (c === "(") depth++;
    else if (c === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === ";" || c === ".") && text[k + 1] === " " && !ABBREVIATION.test(text.slice(0, k + 1)))
      return text.slice(0, k);
  }
  return text;
}

/** At most `max` characters, ended at a space, never leaving a "(" open, no trailing punctuation. */
function cutOnWord(text: string, max: number): string {
  const space = text.lastIndexOf(" ", max);
  const cut = text.slice(0, space > 0 ? space : max);
  const open = cut.lastIndexOf("(");
  return (open > cut.lastIndexOf(")") && open > 0 ? cut.slice(0, open) : cut).replace(/[\s,:;.]+$/, "");
}

/** Every code with a summary, for the test that each line fits. */
export const SUMMARISED_CODES: readonly WarningCode[] = Object.keys(SUMMARIES) as WarningCode[];
