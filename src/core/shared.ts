import { formatNumber } from "./format.js";
import { message } from "./messages.js";
import type { CourseTotal, Infusion, Message, Patient, SourceRef } from "./resultSchema.js";
import { placeCourses, type AvoidRules, type PlacedCourse, type PlacedDay, type PlannedCourse } from "./avoid.js";
import { daysBetween, weekdayOf } from "./calendarDate.js";
import { EFNS_COURSE_DAYS, SCHEDULING_WINDOW_DAYS } from "../data/guidelines.js";
import { mgToG, type VialCount } from "./vials.js";
import { roundTo } from "./format.js";
import { decideDosingWeight, DosingWeightInputError, unitWarnings, type DosingWeightDecision } from "./dosingWeight.js";
import type { ScheduleInput } from "./input.js";
import type { Policy } from "../data/policies.js";
import { mmnIndicationFor, productSources, REGION_LABEL, vialSizesFor, type Product, type Region } from "../data/products.js";
import { SOURCES, type Source } from "../data/sources.js";

/** Pieces both planners (IVIG and SCIG) use. */

/** The input cannot be scheduled as given (a domain error; the CLI reports it as bad input, exit 2). */
export class ScheduleInputError extends Error {
  override readonly name = "ScheduleInputError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}


/** A course's days may spread over at most this many calendar days before it warns (a week). */
const MAX_COURSE_SPAN_DAYS = 7;

/** Every course placed, with a note for each pushed course and a warning for a course spread over more than a week. */
export interface SchedulePlacement {
  readonly courses: readonly (readonly PlacedDay[])[];
  readonly notes: readonly Message[];
  readonly warnings: readonly Message[];
}

/**
 * Places all courses of a schedule (IVIG courses or SCIG doses) by one rule ({@link placeCourses}):
 * never two infusions on one date, dates strictly increasing; a rule set that blocks everything is
 * bad input.
 */
export function placeSchedule(courses: readonly PlannedCourse[], rules: AvoidRules | undefined): SchedulePlacement {
  let placed: PlacedCourse[];
  try {
    placed = placeCourses(courses, rules);
  } catch (e) {
    if (e instanceof RangeError) throw new ScheduleInputError("NO_ALLOWED_DAY", `--avoid/--skip-weekends leave ${e.message}`);
    throw e;
  }
  const notes = placed.flatMap((p, c) =>
    p.pushedBecause === undefined
      ? []
      : [
          message(
            "COURSE_PUSHED",
            `course ${c + 1} pushed to start ${weekdayOf(p.days[0]!.date)} ${p.days[0]!.date} instead of ${courses[c]!.plannedStart}: ${p.pushedBecause}, and no two infusions share a date`,
          ),
        ],
  );
  return { courses: placed.map((p) => p.days), notes, warnings: [...spreadWarnings(placed, courses, rules), ...closeTogetherWarnings(placed, courses)] };
}

/**
 * One warning naming every course that the moves brought closer to the course before it than the
 * plan spaces them, by more than the scheduling window (a course moved 3 weeks by a closure while
 * the next keeps its date would give two courses a week apart).
 */
function closeTogetherWarnings(placed: readonly PlacedCourse[], courses: readonly PlannedCourse[]): Message[] {
  const window = SCHEDULING_WINDOW_DAYS.value;
  const close = placed.flatMap((p, c) => {
    if (c === 0) return [];
    const planned = daysBetween(courses[c - 1]!.plannedStart, courses[c]!.plannedStart);
    const actual = daysBetween(placed[c - 1]!.days[0]!.date, p.days[0]!.date);
    return planned - actual > window ? [`course ${c + 1} starts ${actual} days after course ${c} (planned ${planned})`] : [];
  });
  if (close.length === 0) return [];
  return [
    message(
      "COURSES_CLOSE_TOGETHER",
      `after the moves, ${close.join("; ")}: more than ${window} days closer than prescribed, so more drug is given in less time; check the dose or move the later course with --avoid`,
      [SCHEDULING_WINDOW_DAYS.source],
    ),
  ];
}

/** One warning naming every course whose days, after the moves, span more than a week of calendar days. */
function spreadWarnings(placed: readonly PlacedCourse[], courses: readonly PlannedCourse[], rules: AvoidRules | undefined): Message[] {
  const span = (days: readonly PlacedDay[]) => daysBetween(days[0]!.date, days.at(-1)!.date) + 1;
  const spread = placed.map((p, c) => ({ course: c + 1, days: p.days })).filter((p) => span(p.days) > MAX_COURSE_SPAN_DAYS);
  if (spread.length === 0) return [];
  // Without the weekend rule the avoided dates alone may leave every course within a week.
  const withoutWeekends = rules?.weekends ? placeCourses(courses, { dates: rules.dates }) : undefined;
  const weekendsHelp = withoutWeekends !== undefined && withoutWeekends.every((p) => span(p.days) <= MAX_COURSE_SPAN_DAYS);
  const list = spread.map((p) => `course ${p.course} (${p.days.length} days from ${p.days[0]!.date} to ${p.days.at(-1)!.date}, ${span(p.days)} calendar days)`);
  return [
    message(
      "COURSE_SPREAD_OVER_WEEK",
      `the moves spread ${list.join("; ")} over more than a week, where a course is given over ${EFNS_COURSE_DAYS.value.min}–${EFNS_COURSE_DAYS.value.max} days: check the closures${weekendsHelp ? " or allow weekend infusions" : ""}`,
      [EFNS_COURSE_DAYS.source],
      weekendsHelp ? ["--no-skip-weekends"] : [],
    ),
  ];
}

/** One note per moved infusion day, and one stating the rule when any rule is set. */
export function movedNotes(infusions: readonly Infusion[], rules: AvoidRules | undefined): Message[] {
  if (!rules || (!rules.weekends && !rules.dates?.length)) return [];
  const rule = [rules.weekends ? "weekends" : "", rules.dates?.length ? `${rules.dates.length} avoided date${rules.dates.length > 1 ? "s" : ""}` : ""]
    .filter(Boolean)
    .join(" and ");
  const out = [
    message(
      "MOVE_RULE",
      `no infusion on ${rule}: a blocked day moves to the next allowed day, a course's days stay consecutive allowed days, and later courses keep their planned dates unless a moved day reaches them (then the later course is pushed to the next allowed day after it: never two infusions on one date)`,
    ),
  ];
  for (const i of infusions) {
    if (i.movedBecause) {
      out.push(message("MOVED", `course ${i.course} day ${i.day}: ${i.plannedDate} → ${i.weekday} ${i.date} (${i.movedBecause})`));
    }
  }
  return out;
}

/** The unit-slip checks for a request, from how its weight and height were typed. */
export function typedUnitWarnings(input: ScheduleInput): Message[] {
  return unitWarnings({
    weightKg: input.weightKg,
    weightInPounds: /lb/i.test(input.weightAsEntered),
    heightCm: input.heightCm,
    heightInCentimetres: input.heightAsEntered === undefined || /^[\d.]+(cm)?$/i.test(input.heightAsEntered),
  });
}

/** A course's totals: its first and last (placed) days, dose, volume and the vials of all its days. */
export function courseTotal(course: number, placed: readonly PlacedDay[], totalMg: number, volumeMl: number, vials: readonly (readonly VialCount[])[]): CourseTotal {
  return {
    course,
    startDate: placed[0]!.date,
    endDate: placed.at(-1)!.date,
    doseG: mgToG(totalMg),
    volumeMl,
    vials: vialsInG(sumVials(vials)),
  };
}

/** Decides the dosing weight for a request; a missing height or sex is bad input. */
export function dosingWeightFor(input: ScheduleInput): DosingWeightDecision {
  try {
    return decideDosingWeight({
      body: { weightKg: input.weightKg, heightCm: input.heightCm, sex: input.sex, ageYears: input.ageYears, pregnant: input.pregnant },
      choice: input.dosingWeight,
      policy: input.policy,
    });
  } catch (e) {
    if (e instanceof DosingWeightInputError) throw new ScheduleInputError(e.code, e.message);
    throw e;
  }
}

/** The `patient` object of the output: full precision inside, rounded here for display. */
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

/**
 * `--vials` restricts the sizes of the chosen region's label to what the pharmacy stocks; a
 * product without known sizes needs it.
 */
export function chooseVialSizes(product: Product, stocked: readonly number[] | undefined, region: Region = "us"): readonly number[] {
  const sizes = vialSizesFor(product, region);
  const marketed = sizes.value;
  if (stocked === undefined) {
    if (marketed === null) {
      throw new ScheduleInputError("VIALS_NEEDED", `--vials is required for ${product.name}: ${"notFound" in sizes ? sizes.notFound : "vial sizes unknown"}`);
    }
    return marketed;
  }
  if (marketed !== null) {
    const unknown = stocked.filter((s) => !marketed.includes(s));
    if (unknown.length > 0) {
      throw new ScheduleInputError(
        "UNKNOWN_VIAL_SIZE",
        `--vials ${unknown.join(",")}: ${product.name} comes in ${marketed.map((v) => formatNumber(v)).join(", ")} g vials`,
      );
    }
  }
  return [...new Set(stocked)].sort((a, b) => a - b);
}

export function vialNotes(product: Product, stocked: readonly number[] | undefined, region: Region = "us"): Message[] {
  if (stocked === undefined) return [];
  return [
    message(
      "VIALS_FROM_OPTION",
      `rounding and dispensing use only the stocked vials: ${[...new Set(stocked)].sort((a, b) => a - b).map((v) => formatNumber(v)).join(", ")} g (--vials)${vialSizesFor(product, region).value === null ? "; the catalog has no vial sizes for this product" : ""}`,
    ),
  ];
}

/**
 * What the chosen region's label says about MMN: `NOT_LABELLED_FOR_MMN` when it does not name MMN
 * or when no label text was found for that region (CONTRACT.md "Label region"), and a note where
 * the product is sold there under another name (Gammagard Liquid is Kiovig in the EU).
 */
export function regionLabelMessages(product: Product, region: Region, consequence: string): { warnings: Message[]; notes: Message[] } {
  const fact = mmnIndicationFor(product, region);
  const label = `the ${REGION_LABEL[region]}`;
  const warnings =
    fact.value === true
      ? []
      : [
          "source" in fact
            ? message("NOT_LABELLED_FOR_MMN", `${product.name} is not labelled for MMN under ${label} (${fact.note ?? "other indications"}); ${consequence}`, [fact.source])
            : message("NOT_LABELLED_FOR_MMN", `${product.name}: no MMN indication was found under ${label} (${fact.notFound}); ${consequence}`),
        ];
  const other = product.soldAs?.[region];
  const notes = other
    ? [
        message(
          "SOLD_AS",
          `${product.name} is sold as ${other.name} in the ${region.toUpperCase()}: ${label} of ${other.name} decides the MMN indication and vial sizes here; the rates are this entry's (${product.route === "ivig" ? product.rates.indication : "its SCIG limits"}); --product ${other.productId} uses the ${other.name} entry of the catalog`,
          "source" in fact ? [fact.source] : [],
        ),
      ]
    : [];
  return { warnings, notes };
}

export function vialsInG(vials: readonly VialCount[]): { sizeG: number; count: number }[] {
  return vials.map((v) => ({ sizeG: mgToG(v.sizeMg), count: v.count }));
}

export function sumVials(days: readonly (readonly VialCount[])[]): VialCount[] {
  const counts = new Map<number, number>();
  for (const day of days) for (const v of day) counts.set(v.sizeMg, (counts.get(v.sizeMg) ?? 0) + v.count);
  return [...counts.entries()].sort((a, b) => b[0] - a[0]).map(([sizeMg, count]) => ({ sizeMg, count }));
}

export const g = (mg: number) => `${formatNumber(mgToG(mg))} g`;
export const gPerKg = (mg: number, kg: number) => `${formatNumber(mgToG(mg) / kg, 3)} g/kg`;

export function usedSources(product: Product, policy: Policy | undefined, warnings: Message[], notes: Message[], region: Region = "us"): SourceRef[] {
  const all: Source[] = productSources(product, region);
  if (policy) all.push(...policy.sources);
  const urls = new Set([...warnings, ...notes].flatMap((m) => m.sources ?? []));
  for (const s of Object.values(SOURCES)) if (urls.has(s.url)) all.push(s);
  const seen = new Set<string>();
  return all.filter((s) => !seen.has(s.id) && seen.add(s.id)).map(({ id, title, url }) => ({ id, title, url }));
}
