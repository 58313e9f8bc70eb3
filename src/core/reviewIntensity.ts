import { addCalendarDays, daysBetween, type IsoDate } from "./calendarDate.js";
import { roundTo } from "./format.js";
import { type History, type InfusionEvent, type ReviewPatient, dosingWeightOn } from "./reviewHistory.js";
import { DAYS_PER_MONTH, SCHEDULING_WINDOW_DAYS } from "../data/guidelines.js";
import type { Route } from "../data/products.js";

/** A window of 12 weeks: the dose intensity's unit of time (3 courses every 4 weeks, 4 every 3). */
const WINDOW_DAYS = 84;

/** An IVIG course: a run of infusion days on consecutive calendar days. */
export interface Course {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly days: number;
  readonly grams: number;
  readonly dosingWeightKg: number;
  readonly gPerKg: number;
  readonly products: readonly string[];
  /** Days since the previous course's start (null for the first). */
  readonly daysSincePrevious: number | null;
}

/** g/kg/month over a span of days: each infusion's grams over its own date's dosing weight. */
export interface IntensitySpan {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly days: number;
  readonly grams: number;
  readonly gPerKgPerMonth: number;
  /** SCIG only: g/kg per week over the span (null when no SCIG was given in it). */
  readonly scigWeeklyGPerKg: number | null;
  /** The span starts before the first infusion of the history or ends after the review date. */
  readonly partial: boolean;
}

interface Lateness {
  readonly course: IsoDate;
  readonly daysSincePrevious: number;
  readonly expectedDays: number;
  /** Days past the expected date beyond nothing (positive: late; negative: early). */
  readonly daysLate: number;
  readonly missedCourses: number;
}

interface ProductChange {
  readonly date: IsoDate;
  readonly from: string;
  readonly to: string;
  readonly route: Route;
}

export interface DoseIntensity {
  readonly courses: readonly Course[];
  readonly windows: readonly IntensitySpan[];
  readonly quarters: readonly IntensitySpan[];
  /** Latest 12 weeks against the 12 weeks ending 52 weeks earlier (null when history is shorter). */
  readonly trend: { readonly now: number; readonly yearBefore: number; readonly percent: number | null } | null;
  /** Against --dose/--every: the prescribed g/kg/month and the latest window's difference in %. */
  readonly prescribed: { readonly gPerKgPerMonth: number; readonly percent: number | null } | null;
  /** Courses more than the ± 4-day window away from --every (only with --every). */
  readonly offSchedule: readonly Lateness[] | null;
  readonly productChanges: readonly ProductChange[];
}

/** Infusions of one date summed (two vials' rows on one day are one infusion day). */
function ivigDays(infusions: readonly InfusionEvent[]): { date: IsoDate; grams: number; products: string[] }[] {
  const days: { date: IsoDate; grams: number; products: string[] }[] = [];
  for (const inf of infusions) {
    if (inf.route !== "ivig") continue;
    const last = days.at(-1);
    if (last?.date === inf.date) {
      last.grams += inf.grams;
      if (!last.products.includes(inf.product)) last.products.push(inf.product);
    } else days.push({ date: inf.date, grams: inf.grams, products: [inf.product] });
  }
  return days;
}

/**
 * Courses: runs of IVIG infusion days on consecutive calendar days; the course's g/kg is its grams
 * over the dosing weight of its first day.
 *
 * @example
 * // 35 g on 1 and 2 March at 70 kg: one course of 70 g, 1 g/kg
 */
export function findCourses(history: History, patient: ReviewPatient): Course[] {
  const runs: { date: IsoDate; grams: number; products: string[] }[][] = [];
  for (const day of ivigDays(history.infusions)) {
    const run = runs.at(-1);
    if (run && daysBetween(run.at(-1)!.date, day.date) === 1) run.push(day);
    else runs.push([day]);
  }
  return runs.map((run, i) => {
    const start = run[0]!.date;
    const grams = roundTo(
      run.reduce((sum, d) => sum + d.grams, 0),
      3,
    );
    const kg = dosingWeightOn(start, history, patient);
    const previous = runs[i - 1]?.[0]?.date;
    return {
      start,
      end: run.at(-1)!.date,
      days: run.length,
      grams,
      dosingWeightKg: roundTo(kg, 2),
      gPerKg: roundTo(grams / kg, 3),
      products: [...new Set(run.flatMap((d) => d.products))],
      daysSincePrevious: previous === undefined ? null : daysBetween(previous, start),
    };
  });
}

/** An infusion with its g/kg at its own date's dosing weight (computed once per infusion). */
interface Given {
  readonly date: IsoDate;
  readonly route: Route;
  readonly grams: number;
  readonly gPerKg: number;
}

/** g/kg/month over [from, to]: the span's g/kg × (days per month ÷ days in the span). */
function span(from: IsoDate, to: IsoDate, given: readonly Given[], asOf: IsoDate): IntensitySpan {
  const days = daysBetween(from, to) + 1;
  let gPerKg = 0;
  let scigGPerKg = 0;
  let grams = 0;
  let hasScig = false;
  for (const inf of given) {
    if (inf.date < from || inf.date > to) continue;
    gPerKg += inf.gPerKg;
    grams += inf.grams;
    if (inf.route === "scig") {
      scigGPerKg += inf.gPerKg;
      hasScig = true;
    }
  }
  const first = given[0]?.date ?? from;
  return {
    from,
    to,
    days,
    grams: roundTo(grams, 3),
    gPerKgPerMonth: roundTo((gPerKg * DAYS_PER_MONTH) / days, 2),
    scigWeeklyGPerKg: hasScig ? roundTo((scigGPerKg * 7) / days, 3) : null,
    partial: from < first || to > asOf,
  };
}

/** 12-week windows ending on the review date, back to the first infusion (oldest first). */
function windows(given: readonly Given[], asOf: IsoDate): IntensitySpan[] {
  const first = given[0]?.date;
  if (first === undefined) return [];
  const out: IntensitySpan[] = [];
  for (let to = asOf; to >= first; to = addCalendarDays(to, -WINDOW_DAYS)) {
    out.push(span(addCalendarDays(to, 1 - WINDOW_DAYS), to, given, asOf));
  }
  return out.reverse();
}

/** Calendar quarters from the first infusion's to the review date's (the last one ends at the review date). */
function quarters(given: readonly Given[], asOf: IsoDate): IntensitySpan[] {
  const first = given[0]?.date;
  if (first === undefined) return [];
  const out: IntensitySpan[] = [];
  let year = Number(first.slice(0, 4));
  let q = Math.floor((Number(first.slice(5, 7)) - 1) / 3);
  for (;;) {
    const from = `${year}-${String(q * 3 + 1).padStart(2, "0")}-01`;
    if (from > asOf) break;
    const next = q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, "0")}-01`;
    const end = addCalendarDays(next, -1);
    const s = span(from, end < asOf ? end : asOf, given, asOf);
    out.push({ ...s, partial: s.partial || end > asOf });
    [year, q] = q === 3 ? [year + 1, 0] : [year, q + 1];
  }
  return out;
}

function percentChange(now: number, then: number): number | null {
  return then > 0 ? Math.round(((now - then) / then) * 100) : null;
}

/** Each course more than the ± 4-day scheduling window away from --every after the one before. */
function offSchedule(courses: readonly Course[], everyWeeks: number): Lateness[] {
  const expectedDays = everyWeeks * 7;
  const window = SCHEDULING_WINDOW_DAYS.value;
  return courses
    .filter((c) => c.daysSincePrevious !== null && Math.abs(c.daysSincePrevious - expectedDays) > window)
    .map((c) => {
      const gap = c.daysSincePrevious!;
      return {
        course: c.start,
        daysSincePrevious: gap,
        expectedDays,
        daysLate: gap - expectedDays,
        missedCourses: Math.max(0, Math.round(gap / expectedDays) - 1),
      };
    });
}

function productChanges(infusions: readonly InfusionEvent[]): ProductChange[] {
  const changes: ProductChange[] = [];
  for (let i = 1; i < infusions.length; i++) {
    const [a, b] = [infusions[i - 1]!, infusions[i]!];
    if (a.product !== b.product && a.date !== b.date)
      changes.push({ date: b.date, from: a.product, to: b.product, route: b.route });
  }
  return changes;
}

export interface Prescribed {
  readonly doseGPerKg: number;
  readonly everyWeeks: number;
}

/** The dose intensity of a history up to the review date. Pure. */
export function doseIntensity(
  history: History,
  patient: ReviewPatient,
  asOf: IsoDate,
  prescribed?: Prescribed,
): DoseIntensity {
  const upToDate = history.infusions.filter((i) => i.date <= asOf);
  const given = upToDate.map((i) => ({
    date: i.date,
    route: i.route,
    grams: i.grams,
    gPerKg: i.grams / dosingWeightOn(i.date, history, patient),
  }));
  const w = windows(given, asOf);
  const latest = w.at(-1);
  const yearEnd = addCalendarDays(asOf, -364);
  const first = upToDate[0]?.date;
  const yearBefore =
    first !== undefined && addCalendarDays(yearEnd, 1 - WINDOW_DAYS) >= first
      ? span(addCalendarDays(yearEnd, 1 - WINDOW_DAYS), yearEnd, given, asOf)
      : undefined;
  const monthly = prescribed && roundTo((prescribed.doseGPerKg * DAYS_PER_MONTH) / (7 * prescribed.everyWeeks), 2);
  const courses = findCourses({ ...history, infusions: upToDate }, patient);
  return {
    courses,
    windows: w,
    quarters: quarters(given, asOf),
    trend:
      latest && yearBefore
        ? {
            now: latest.gPerKgPerMonth,
            yearBefore: yearBefore.gPerKgPerMonth,
            percent: percentChange(latest.gPerKgPerMonth, yearBefore.gPerKgPerMonth),
          }
        : null,
    prescribed: monthly
      ? { gPerKgPerMonth: monthly, percent: latest ? percentChange(latest.gPerKgPerMonth, monthly) : null }
      : null,
    offSchedule: prescribed ? offSchedule(courses, prescribed.everyWeeks) : null,
    productChanges: productChanges(upToDate),
  };
}
