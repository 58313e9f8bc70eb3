import { EFNS_COURSE_DAYS, ONTARIO_ROUNDING_STEP_G, ROUNDING_TOLERANCE_PERCENT } from "../data/guidelines.js";
import { type DomainErrorCode, Refusal } from "./domainError.js";
import { formatNumber, plural } from "./format.js";
import type { VialStock } from "./vials.js";
import { type OptionKey, option } from "./optionKeys.js";

/** How the course total is rounded (`--round`). */
export const ROUNDINGS = ["none", "vial", "5g"] as const;

export type Rounding = (typeof ROUNDINGS)[number];

/** A course has at most 5 infusion days (EFNS/PNS: 2 g/kg over 2–5 days; `--days` 1–5). */
export const MAX_DAYS_PER_COURSE = EFNS_COURSE_DAYS.value.max;

/** Without vial or 5 g rounding, doses are kept to 10 mg (0.01 g), far below what can be measured. */
export const UNROUNDED_STEP_MG = 10;

/** Ontario rounds the total to the nearest 5 g (source with the value in data/guidelines). */
const FIVE_G_STEP_MG = ONTARIO_ROUNDING_STEP_G.value * 1000;

/**
 * The nearest 5 g step to `exactMg`, half up, never below 5 g: Ontario's rounding before the
 * stocked vials are considered.
 *
 * @example
 * nearestFiveGramsMg(146_000) //=> 145_000
 * nearestFiveGramsMg(2_000) //=> 5_000
 */
export function nearestFiveGramsMg(exactMg: number): number {
  return Math.max(FIVE_G_STEP_MG, Math.round(exactMg / FIVE_G_STEP_MG) * FIVE_G_STEP_MG);
}

/** Why a course has the number of days it has. */
type DaysReason = "requested" | "fewest-within-cap";

export interface CourseDoseInput {
  /** Dosing weight × g/kg, before any rounding, in mg. */
  readonly exactCourseDoseMg: number;
  /** Largest dose allowed on one day, in mg (dosing weight × `--max-daily`). */
  readonly maxDailyMg: number;
  /** `--days`, when the user set it; otherwise the fewest days that keep each day within the cap. */
  readonly requestedDays?: number | undefined;
  readonly rounding: Rounding;
  readonly stock: VialStock;
  /** What a refusal is about (the course and its cap, or the route); it prefixes the message. */
  readonly context?: RefusalContext | undefined;
}

export interface CourseDose {
  readonly courseDoseMg: number;
  /** One dose per infusion day; they add up to `courseDoseMg` and differ by at most one step. */
  readonly dayDosesMg: readonly number[];
  readonly daysReason: DaysReason;
}

/**
 * The dose and cap are kept to the milligram, each rounded once: a day this close above the cap is
 * at the cap (2 × 84 990 mg against a cap of 84 989 mg is 2 days of exactly 1 g/kg, not 3 days).
 */
export const CAP_SLACK_MG = 1;

/** What a refusal is about, written before its reason (IVIG: the course and its cap), and the options it names. */
export interface RefusalContext {
  readonly text: string;
  readonly options: readonly OptionKey[];
}

/** A refused split or rounding (`CANNOT_SPLIT_COURSE`, `ROUNDING_TOO_FAR`), after the context it concerns. */
function refusal(
  code: DomainErrorCode,
  option: OptionKey | undefined,
  reason: string,
  related: readonly OptionKey[],
  context?: RefusalContext,
): Refusal {
  const text = context ? `${context.text}: ${reason}` : reason;
  const options = [...(option === undefined ? [] : [option]), ...related, ...(context?.options ?? [])];
  return new Refusal(code, options[0], text, options.slice(1));
}

/**
 * The fewest days that keep the prescribed dose of each day within the cap (to {@link CAP_SLACK_MG}).
 *
 * @example
 * fewestDaysWithinCap(169_980, 84_989) //=> 2
 */
export function fewestDaysWithinCap(exactMg: number, capMg: number): number {
  return Math.max(1, Math.ceil(exactMg / (capMg + CAP_SLACK_MG)));
}

/**
 * Refuses a rounding that moves a dose more than the Siegel 2010 tolerance (10 %): 6 g made 30 g
 * by 30 g vials is not a rounding. `how` names the rounding and the options that would help.
 *
 * @example
 * checkRoundingTolerance(6_000, 30_000, "the nearest whole-vial total", roundingRemedy("vial")) // throws ROUNDING_TOO_FAR
 */
export function checkRoundingTolerance(
  exactMg: number,
  roundedMg: number,
  how: string,
  remedy: string,
  context?: RefusalContext,
): void {
  const refused = roundingRefusal(exactMg, roundedMg, how, remedy, context);
  if (refused) throw refused.error();
}

/** The refusal {@link checkRoundingTolerance} throws, or undefined when the rounding is within the tolerance. */
function roundingRefusal(
  exactMg: number,
  roundedMg: number,
  how: string,
  remedy: string,
  context?: RefusalContext,
): Refusal | undefined {
  const percent = ((roundedMg - exactMg) / exactMg) * 100;
  if (Math.abs(percent) <= ROUNDING_TOLERANCE_PERCENT.value) return undefined;
  return refusal(
    "ROUNDING_TOO_FAR",
    "round",
    `${how} gives ${formatNumber(roundedMg / 1000)} g, ${percent > 0 ? "+" : ""}${formatNumber(percent, 1)} % from the prescribed ` +
      `${formatNumber(exactMg / 1000)} g, beyond the ${ROUNDING_TOLERANCE_PERCENT.value} % a rounding may change a dose (Siegel 2010): ` +
      `${remedy}`,
    ["vials"],
    context,
  );
}

/**
 * What a rounding refusal suggests instead: no rounding, or smaller vials.
 *
 * @example
 * roundingRemedy("5g") // "use --round none or --round vial, or stock smaller vials (--vials)", in mentions
 */
export function roundingRemedy(rounding: Exclude<Rounding, "none">): string {
  const none = option("round", "none");
  return `use ${none}${rounding === "5g" ? ` or ${option("round", "vial")}` : ""}, or stock smaller vials (${option("vials")})`;
}

/**
 * Splits a course over consecutive days and rounds its total.
 *
 * Days: `requestedDays`, else the fewest days that keep the prescribed (unrounded) dose of each
 * day within the cap, to the milligram ({@link fewestDaysWithinCap}). The cap applies to the
 * prescription; rounding is then applied as the policy says, so a rounded day can exceed the cap
 * by less than one rounding step (Ontario rounds 164.56 g to 165 g and gives 82.5 g a day to a
 * patient whose cap is 82.28 g). The caller reports that (a note within the 10 % rounding
 * tolerance, a warning beyond it) instead of silently adding a day or changing the total.
 * A vial or 5 g total more than the rounding tolerance from the dose is refused
 * ({@link checkRoundingTolerance}); `none` keeps the dose to 10 mg, the tool's resolution.
 *
 * Total:
 * - `none`: kept to 10 mg;
 * - `vial`: the total nearest the exact dose that splits into days of whole vials (ASCIA: round
 *   to the full vial size);
 * - `5g`: the nearest 5 g step (Ontario) that splits into days of whole vials.
 * Ties go to the larger total (ordinary half-up rounding). Days differ by at most one step, the
 * larger days first.
 *
 * @example
 * planCourseDose({ exactCourseDoseMg: 133_200, maxDailyMg: 66_600, rounding: "vial", stock })
 * //=> { courseDoseMg: 133_000, dayDosesMg: [66_500, 66_500], daysReason: "fewest-within-cap" }
 */
export function planCourseDose(input: CourseDoseInput): CourseDose {
  const planned = courseDoseOrRefusal(input);
  if (planned instanceof Refusal) throw planned.error();
  return planned;
}

/**
 * {@link planCourseDose}'s course, or why it is refused: the one code path, so a `--days` offered
 * because this finds no refusal is one the planner accepts.
 */
export function courseDoseOrRefusal(input: CourseDoseInput): CourseDose | Refusal {
  const { exactCourseDoseMg: exact, maxDailyMg: cap, requestedDays, rounding, stock } = input;
  const dayUnit = rounding === "none" ? UNROUNDED_STEP_MG : stock.gridMg;
  const totalStep = rounding === "none" ? UNROUNDED_STEP_MG : rounding === "vial" ? stock.gridMg : FIVE_G_STEP_MG;
  const vials = rounding === "none" ? undefined : stock;

  const days = requestedDays ?? fewestDaysWithinCap(exact, cap);
  if (days > MAX_DAYS_PER_COURSE) {
    const reason =
      `needs ${days} days, but a course has 1–${MAX_DAYS_PER_COURSE} days: raise ${option("maxDaily")} or ` +
      `lower ${option("dose")}`;
    return refusal("CANNOT_SPLIT_COURSE", "maxDaily", reason, ["dose"], input.context);
  }
  const total = nearestTotal(exact, totalStep, (t) => splitEvenly(t, days, dayUnit, vials) !== null, input.context);
  if (total instanceof Refusal) return total;
  if (rounding !== "none") {
    const how = rounding === "vial" ? "the nearest whole-vial total" : "the nearest 5 g that whole vials can make";
    const refused = roundingRefusal(
      exact,
      total,
      `${how} over ${plural(days, "day")}`,
      roundingRemedy(rounding),
      input.context,
    );
    if (refused) return refused;
  }
  return {
    courseDoseMg: total,
    dayDosesMg: splitEvenly(total, days, dayUnit, vials)!,
    daysReason: requestedDays === undefined ? "fewest-within-cap" : "requested",
  };
}

/**
 * Splits `total` into `days` parts that are multiples of `unit` and differ by at most one unit,
 * larger parts first; `null` when a part is not a whole-vial amount.
 */
export function splitEvenly(total: number, days: number, unit: number, stock?: VialStock): number[] | null {
  if (total % unit !== 0) return null;
  const units = total / unit;
  const base = Math.floor(units / days);
  const extra = units % days;
  const parts = Array.from({ length: days }, (_, i) => (base + (i < extra ? 1 : 0)) * unit);
  if (parts.some((p) => p <= 0)) return null;
  if (stock && !parts.every((p) => stock.canMakeExactly(p))) return null;
  return parts;
}

/** The multiple of `step` nearest `exact` that `ok` accepts (ties go to the larger total), or why there is none. */
function nearestTotal(
  exact: number,
  step: number,
  ok: (total: number) => boolean,
  context?: RefusalContext,
): number | Refusal {
  const centre = Math.round(exact / step);
  const candidates: number[] = [];
  for (let k = Math.max(1, centre - 60); k <= centre + 60; k++) candidates.push(k * step);
  candidates.sort((a, b) => Math.abs(a - exact) - Math.abs(b - exact) || b - a);
  const found = candidates.find(ok);
  if (found === undefined) {
    return refusal(
      "CANNOT_SPLIT_COURSE",
      undefined,
      "no course total near the prescribed dose can be made from whole vials",
      [],
      context,
    );
  }
  return found;
}
