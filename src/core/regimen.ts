import type { PlacedDay } from "./avoid.js";
import { weekdayOf, type IsoDate } from "./calendarDate.js";
import type { Rounding } from "./courseDose.js";
import { formatNumber, plural, roundPositive, roundTo } from "./format.js";
import { DEFAULTS, type ScheduleInput } from "./input.js";
import { message } from "./messages.js";
import type { CourseTotal, Infusion, Message, Regimen } from "./resultSchema.js";
import { mgToG, type Dispensing, type VialCount } from "./vials.js";
import { sumVials, vialsInG } from "./vialChoice.js";
import { DAYS_PER_MONTH, EFNS_MAINTENANCE } from "../data/guidelines.js";
import type { Policy } from "../data/policies.js";
import { mmnIndicationFor, type Product, type Region } from "../data/products.js";

/** The pieces both planners build their output from: infusion records, course totals, the regimen, common checks. */

/**
 * The rounding of a request: `--round`, else the policy's, else the default, and which one decided.
 *
 * @example
 * roundingOf({ ...input, rounding: undefined }, POLICIES.ontario) //=> { rounding: "5g", source: "policy" }
 */
export function roundingOf(
  input: ScheduleInput,
  policy: Policy | undefined,
): { rounding: Rounding; source: Regimen["roundingSource"] } {
  if (input.rounding !== undefined) return { rounding: input.rounding, source: "option" };
  if (policy?.rounding !== undefined) return { rounding: policy.rounding, source: "policy" };
  return { rounding: DEFAULTS.rounding, source: "default" };
}

/**
 * A regimen in g/kg per average calendar month.
 *
 * @example
 * monthlyDoseGPerKg(140_000, 70, 4) //=> 2.17
 */
export function monthlyDoseGPerKg(courseMg: number, kg: number, intervalWeeks: number): number {
  return roundPositive((mgToG(courseMg) / kg) * (DAYS_PER_MONTH / (7 * intervalWeeks)), 2);
}

/**
 * How far rounding moved a course, in g to the milligram.
 *
 * @example
 * roundingDifferenceG(146_000, 145_000) //=> -1
 */
function roundingDifferenceG(exactMg: number, roundedMg: number): number {
  return roundTo(mgToG(roundedMg) - mgToG(exactMg), 3);
}

/**
 * How far rounding moved a course, in % of the exact dose (2 decimals).
 *
 * @example
 * roundingDifferencePercent(146_000, 145_000) //=> -0.68
 */
export function roundingDifferencePercent(exactMg: number, roundedMg: number): number {
  return roundTo((roundingDifferenceG(exactMg, roundedMg) / mgToG(exactMg)) * 100, 2);
}

/**
 * `OUTSIDE_EFNS_MAINTENANCE` when the IVIG dose and interval are not an EFNS/PNS typical maintenance
 * regimen; `what` names the regimen (the SCIG planner says it converts it).
 *
 * @example
 * efnsMaintenanceWarnings({ doseGPerKg: 2, intervalWeeks: 4 }, "2 g/kg every 4 weeks") //=> []
 */
export function efnsMaintenanceWarnings(
  input: Pick<ScheduleInput, "doseGPerKg" | "intervalWeeks">,
  what: string,
): Message[] {
  const typical = EFNS_MAINTENANCE.value.some(
    (r) => r.doseGPerKg === input.doseGPerKg && input.intervalWeeks >= r.minWeeks && input.intervalWeeks <= r.maxWeeks,
  );
  if (typical) return [];
  const text = `${what} is not an EFNS/PNS typical maintenance regimen (1 g/kg every 2–4 weeks or 2 g/kg every 4–8 weeks)`;
  return [message("OUTSIDE_EFNS_MAINTENANCE", text, [EFNS_MAINTENANCE.source])];
}

/**
 * The IVIG regimen as the messages name it.
 *
 * @example
 * ivigRegimenText({ doseGPerKg: 2, intervalWeeks: 4 }) //=> "2 g/kg every 4 weeks"
 */
export function ivigRegimenText(input: Pick<ScheduleInput, "doseGPerKg" | "intervalWeeks">): string {
  return `${formatNumber(input.doseGPerKg)} g/kg every ${plural(input.intervalWeeks, "week")}`;
}

/** One infusion day before its route's fields: where it falls, its dose and the vials dispensed. */
export interface InfusionDay {
  readonly placed: PlacedDay;
  readonly course: number;
  readonly day: number;
  readonly daysInCourse: number;
  readonly doseMg: number;
  readonly dosingWeightKg: number;
  readonly volumeMl: number;
  readonly given: Dispensing;
  readonly kind: "first" | "later";
}

/** The route's fields of an infusion: pump plan and chair time, and for SCIG its sites. */
export type RouteInfusionFields = Omit<
  Infusion,
  | "date"
  | "weekday"
  | "course"
  | "day"
  | "daysInCourse"
  | "doseG"
  | "doseGPerKg"
  | "volumeMl"
  | "vials"
  | "dispensedG"
  | "wasteG"
  | "infusionKind"
  | "plannedDate"
  | "movedBecause"
>;

/**
 * The output record of one infusion day: the common fields, the route's, then the move (if any).
 *
 * @example
 * infusionRecord(day, { ratePlan, durationMinutes: 300 }) //=> { date, weekday, course: 1, …, durationMinutes: 300 }
 */
export function infusionRecord(d: InfusionDay, route: RouteInfusionFields): Infusion {
  const { date, ...move } = d.placed;
  return {
    date,
    weekday: weekdayOf(date),
    course: d.course,
    day: d.day,
    daysInCourse: d.daysInCourse,
    doseG: mgToG(d.doseMg),
    doseGPerKg: roundPositive(mgToG(d.doseMg) / d.dosingWeightKg, 3),
    volumeMl: d.volumeMl,
    vials: vialsInG(d.given.vials),
    dispensedG: mgToG(d.given.dispensedMg),
    wasteG: mgToG(d.given.wasteMg),
    infusionKind: d.kind,
    ...route,
    ...(move.movedBecause ? move : {}),
  };
}

/**
 * A course's totals: its first and last (placed) days, dose, volume and the vials of all its days.
 *
 * @example
 * courseTotal(1, placed, 140_000, 1400, [[{ sizeMg: 30_000, count: 2 }, …], …]) //=> { course: 1, doseG: 140, … }
 */
export function courseTotal(
  course: number,
  placed: readonly PlacedDay[],
  totalMg: number,
  volumeMl: number,
  vials: readonly (readonly VialCount[])[],
): CourseTotal {
  return {
    course,
    startDate: placed[0]!.date,
    endDate: placed.at(-1)!.date,
    doseG: mgToG(totalMg),
    volumeMl,
    vials: vialsInG(sumVials(vials)),
  };
}

/** What both routes' regimens share, before and after their route fields. */
export interface RegimenFigures {
  readonly doseGPerKg: number;
  readonly intervalWeeks: number;
  readonly daysPerCourse: number;
  readonly daysPerCourseReason: Regimen["daysPerCourseReason"];
  readonly maxDailyGPerKg: number;
  readonly exactCourseDoseMg: number;
  readonly courseDoseMg: number;
  readonly rounding: Rounding;
  readonly roundingSource: Regimen["roundingSource"];
  readonly dayDosesMg: readonly number[];
  readonly dosingWeightKg: number;
  readonly courses: number;
  readonly startDate: IsoDate;
  readonly untilDate: IsoDate | undefined;
}

/** The route fields of a regimen, in the order each route prints them. */
export type RegimenRouteFields = Pick<Regimen, "rates" | "scig">;

/**
 * The `regimen` object: product and region, the route's fields, then the course figures with the
 * rounding difference and the monthly dose computed the same way for both routes.
 *
 * @example
 * regimenJson("ivig", product, "us", [10, 20], { scig: null, rates }, figures) //=> { route: "ivig", …, courseDoseG: 140, … }
 */
export function regimenJson(
  route: Regimen["route"],
  product: Product,
  region: Region,
  vialSizesG: readonly number[],
  routeFields: RegimenRouteFields,
  f: RegimenFigures,
): Regimen {
  const exactCourseDoseG = mgToG(f.exactCourseDoseMg);
  const courseDoseG = mgToG(f.courseDoseMg);
  return {
    route,
    region,
    mmnIndication: mmnIndicationFor(product, region).value,
    product: product.id,
    productName: product.name,
    concentrationGPerMl: product.concentrationGPerMl.value,
    vialSizesG: [...vialSizesG],
    ...routeFields,
    doseGPerKg: f.doseGPerKg,
    intervalWeeks: f.intervalWeeks,
    daysPerCourse: f.daysPerCourse,
    daysPerCourseReason: f.daysPerCourseReason,
    maxDailyGPerKg: f.maxDailyGPerKg,
    exactCourseDoseG,
    courseDoseG,
    roundingDifferenceG: roundingDifferenceG(f.exactCourseDoseMg, f.courseDoseMg),
    roundingDifferencePercent: roundingDifferencePercent(f.exactCourseDoseMg, f.courseDoseMg),
    rounding: f.rounding,
    roundingSource: f.roundingSource,
    dayDosesG: f.dayDosesMg.map(mgToG),
    monthlyDoseGPerKg: monthlyDoseGPerKg(f.courseDoseMg, f.dosingWeightKg, f.intervalWeeks),
    courses: f.courses,
    startDate: f.startDate,
    untilDate: f.untilDate ?? null,
  };
}
