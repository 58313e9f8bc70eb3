import { addCalendarDays, daysBetween, type IsoDate } from "./calendarDate.js";
import { DomainError } from "./domainError.js";
import { plural } from "./format.js";
import type { PreviousInfusion, ScheduleInput } from "./input.js";
import { message } from "./messages.js";
import type { Continuation, Message } from "./resultSchema.js";
import { FIRST_INFUSION_GAP_DAYS, PRODUCT_SWITCH_STARTS_LOW } from "../data/guidelines.js";
import { DEFAULT_SCIG_PRODUCT_ID, PRODUCTS } from "../data/products.js";
import { option } from "./optionKeys.js";

/**
 * An established patient (`--last-course`, `--last-scig`, `--courses-given`, `--last-product`): where
 * the schedule starts, how its courses are numbered, and whether its first course runs at the
 * first-infusion or the maintenance rates, with the rule that decided it.
 */

/**
 * The number of the first course (SCIG: dose) this schedule prints: n+1 after `--courses-given n`.
 *
 * @example
 * firstCourseNumber({ ...input, continuing: { coursesGiven: 12 } }) //=> 13
 */
export function firstCourseNumber(input: ScheduleInput): number {
  return (input.continuing?.coursesGiven ?? 0) + 1;
}

/**
 * The first day of the schedule: `--start`, else `every` weeks after the last course (or SCIG dose),
 * else today.
 *
 * @example
 * continuedStart({ ...input, continuing: { lastCourseDate: "2026-11-03" } }, "2026-12-07", 4) //=> "2026-12-01"
 */
export function continuedStart(input: ScheduleInput, today: IsoDate, everyWeeks: number): IsoDate {
  if (input.startDate !== undefined) return input.startDate;
  const last = lastDateOf(input);
  return last === undefined ? today : addCalendarDays(last, 7 * everyWeeks);
}

function lastDateOf(input: ScheduleInput): IsoDate | undefined {
  return input.route === "scig" ? input.continuing?.lastScigDate : input.continuing?.lastCourseDate;
}

/**
 * The last infusion given before this schedule, from `--last-course` (its first day + (days − 1):
 * the last day of a course is not asked for, so a course of this regimen's days is assumed) or
 * `--last-scig`; a treatment plan's previous phase keeps its own. Undefined when nothing was given.
 */
export function continuedPrevious(input: ScheduleInput, daysPerCourse: number): PreviousInfusion | undefined {
  if (input.previousInfusion !== undefined) return input.previousInfusion;
  const c = input.continuing;
  const route = input.route ?? "ivig";
  const own = route === "scig" ? (input.scig?.productId ?? DEFAULT_SCIG_PRODUCT_ID) : input.productId;
  if (route === "ivig" && c?.lastCourseDate !== undefined) {
    const date = addCalendarDays(c.lastCourseDate, daysPerCourse - 1);
    return { date, route, productId: c.lastProductId ?? own };
  }
  if (route === "scig" && c?.lastScigDate !== undefined) {
    return { date: c.lastScigDate, route, productId: c.lastProductId ?? own };
  }
  return undefined;
}

/**
 * How the first course of a continued schedule is given, and why (the table, JSON and explain show
 * it): the maintenance rates unless more than 8 weeks passed since the last infusion (NL-IVIG002),
 * the product changed (Gammagard PI), `--first-infusion` asks for it, or the last infusion is not
 * known (`--courses-given` alone: the safe side). Undefined for a new patient.
 */
export function continuation(
  input: ScheduleInput,
  previous: PreviousInfusion | undefined,
  daysPerCourse: number,
  first: { readonly date: IsoDate; readonly course: number },
  productId: string,
): Continuation | undefined {
  const c = input.continuing;
  if (c === undefined || input.previousInfusion !== undefined) return undefined;
  const lastDate = lastDateOf(input) ?? null;
  if (previous !== undefined && previous.date >= first.date) {
    const key = input.route === "scig" ? "lastScig" : "lastCourse";
    throw new DomainError(
      "LAST_COURSE_NOT_BEFORE_START",
      key,
      `${option(key, String(lastDate))}: its last infusion (${previous.date}) is not before the first infusion of this schedule ` +
        `(${first.date}): give an earlier ${option(key)}, or a later ${option("start")}`,
    );
  }
  const gapDays = previous === undefined ? null : daysBetween(previous.date, first.date);
  const decided = rateRule(input, previous, gapDays, productId);
  const lastInfusionRule =
    previous === undefined
      ? null
      : input.route === "scig"
        ? "the last SCIG dose"
        : `the last course's first day + ${plural(daysPerCourse - 1, "day")}, ${plural(daysPerCourse, "day")} a course assumed`;
  return {
    lastCourse: input.route === "scig" ? null : lastDate,
    lastScig: input.route === "scig" ? lastDate : null,
    lastInfusion: previous?.date ?? null,
    lastInfusionRule,
    lastProduct: previous?.productId ?? null,
    coursesGiven: c.coursesGiven ?? 0,
    firstCourse: first.course,
    firstDate: first.date,
    gapDays,
    rates: decided.rule === "maintenance" ? "maintenance" : "first-infusion",
    rule: decided.rule,
    reason: decided.reason,
  };
}

type Rule = Continuation["rule"];

function rateRule(
  input: ScheduleInput,
  previous: PreviousInfusion | undefined,
  gapDays: number | null,
  productId: string,
): { rule: Rule; reason: string } {
  const limit = FIRST_INFUSION_GAP_DAYS.value;
  if (input.firstInfusion === true) return { rule: "asked", reason: `${option("firstInfusion")} asks for it` };
  if (previous === undefined || gapDays === null) {
    const key = input.route === "scig" ? "lastScig" : "lastCourse";
    return { rule: "unknown-gap", reason: `the last infusion's date is not known (give ${option(key)})` };
  }
  if (previous.productId !== productId) {
    return {
      rule: "product-change",
      reason:
        `the product changes from ${productName(previous.productId)} to ${productName(productId)} ` +
        `(Gammagard PI: ${PRODUCT_SWITCH_STARTS_LOW.note})`,
    };
  }
  if (gapDays > limit) {
    return {
      rule: "gap",
      reason:
        `${gapDays} days since the last infusion on ${previous.date}, more than ${limit} ` +
        `(8 weeks; NL-IVIG002: "${FIRST_INFUSION_GAP_DAYS.note}")`,
    };
  }
  return {
    rule: "maintenance",
    reason: `${gapDays} days since the last infusion on ${previous.date}, not more than ${limit} (8 weeks, NL-IVIG002), same product`,
  };
}

/**
 * CONTINUES: the note that says where an established patient's schedule starts and which rates
 * its first course runs at, and why.
 */
export function continuationNote(c: Continuation | undefined): Message[] {
  if (c === undefined) return [];
  const what = c.rates === "maintenance" ? "the maintenance rates" : "the first-infusion rates";
  const after = c.lastInfusion === null ? "" : ` (last infusion ${c.lastInfusion}: ${c.lastInfusionRule})`;
  const from =
    c.lastCourse !== null
      ? `continues from the last course on ${c.lastCourse}${after}`
      : c.lastScig !== null
        ? `continues from the last SCIG dose on ${c.lastScig}`
        : `continues after ${plural(c.coursesGiven, "course")} given`;
  const sources =
    c.rule === "product-change"
      ? [PRODUCT_SWITCH_STARTS_LOW.source]
      : c.rule === "asked"
        ? []
        : [FIRST_INFUSION_GAP_DAYS.source];
  return [
    // SCIG numbers doses, IVIG courses.
    message(
      "CONTINUES",
      `${from}; ${c.lastScig !== null ? "dose" : "course"} ${c.firstCourse} on ${c.firstDate} starts at ${what}: ${c.reason}`,
      sources,
    ),
  ];
}

/** A product's name as the label prints it ("Privigen 10 %"), for the reasons a pharmacist reads. */
function productName(id: string): string {
  return PRODUCTS.find((p) => p.id === id)?.name ?? id;
}
