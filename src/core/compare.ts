import { roundTo } from "./format.js";
import type { ScheduleInput } from "./input.js";
import type { Message, Patient, ScheduleResult } from "./resultSchema.js";
import { DAYS_PER_MONTH } from "../data/guidelines.js";
import type { Route } from "../data/products.js";

/**
 * `mmn-dose compare`: regimens side by side for one patient, in steady state, per year. Pure: it takes
 * schedules the usual pipeline planned (`steadyStateInput` says how long) and sums their last course.
 *
 * A year is 365.25 days, a month 365.25 / 12 = 30.4375 days (DAYS_PER_MONTH, as the schedule's g/kg/month).
 * Steady state is the last course of the plan: later infusions, not the first ones (an IVIG course more
 * than 8 weeks after the previous infusion is a first infusion again, NL-IVIG002, so at such intervals
 * every course runs at the first-infusion plan and so does the comparison).
 */

/** Days in the comparison's year. */
const DAYS_PER_YEAR = 365.25;

/**
 * Weeks a plan covers before its last course is counted: past every product's first infusions (at most
 * 6 weekly, Cutaquig) and HyQvia's ramp-up (doses at weeks 0, 1, 3 and 6 before the full 4-weekly one).
 */
const STEADY_STATE_WEEKS = 26;

/**
 * The request as planned for a comparison: enough courses that the last one is in steady state, no
 * end date, no moved days, no forced first infusions, no SCIG start rule (dates do not change a year's sums).
 *
 * @example
 * steadyStateInput({ ...input, intervalWeeks: 4 }).courses //=> 8 (26 weeks / 4, rounded up, + 1)
 */
export function steadyStateInput(input: ScheduleInput): ScheduleInput {
  const courses = Math.max(3, Math.ceil(STEADY_STATE_WEEKS / input.intervalWeeks) + 1);
  return {
    ...input,
    courses,
    untilDate: undefined,
    avoid: undefined,
    firstInfusion: undefined,
    scig: input.scig === undefined ? undefined : { ...input.scig, lastIvigDate: undefined },
  };
}

interface VialsPerYear {
  readonly sizeG: number;
  readonly count: number;
}

/** One regimen's steady-state course and what it comes to in a year. */
export interface RegimenYear {
  /** The regimen as typed (`dose=2,every=4`). */
  readonly regimen: string;
  readonly route: Route;
  readonly product: string;
  readonly productName: string;
  /** As the schedule's regimen: for SCIG the SCIG dose itself, per kg of dosing weight per interval. */
  readonly doseGPerKg: number;
  readonly intervalWeeks: number;
  /** 365.25 / (7 × intervalWeeks). */
  readonly coursesPerYear: number;
  /** The steady-state course (for SCIG, one dose and its sessions). */
  readonly perCourse: {
    readonly infusionDays: number;
    readonly doseG: number;
    readonly dispensedG: number;
    readonly wasteG: number;
    readonly chairMinutes: number;
    readonly infusionKind: "first" | "later";
    readonly sites: number | null;
    readonly vials: readonly VialsPerYear[];
  };
  /** Grams given per kg of dosing weight per month of 365.25 / 12 days. */
  readonly gPerKgPerMonth: number;
  /** Grams dispensed (whole vials, waste included) per year. */
  readonly gramsPerYear: number;
  readonly infusionDaysPerYear: number;
  readonly chairHoursPerYear: number;
  /** SCIG needle sites a year; null for IVIG. */
  readonly sitesPerYear: number | null;
  readonly vialsPerYear: readonly VialsPerYear[];
  /** gramsPerYear × --price-per-g; null without a price. */
  readonly costPerYear: number | null;
  readonly warnings: readonly Message[];
  /** The notes that change what the regimen gives (its interval, its rounded dose, the SCIG factor). */
  readonly notes: readonly Message[];
}

/**
 * Notes a comparison carries: those that change what a regimen gives, so that no regimen is changed
 * silently (HyQvia given more often than typed, a dose rounded, the SCIG factor used). Notes on
 * dates, first infusions and the ramp-up do not apply to a steady-state year.
 */
const COMPARE_NOTE_CODES: ReadonlySet<string> = new Set([
  "SCIG_EVERY_SHORTENED",
  "ROUNDED",
  "ROUNDED_DAY_WITHIN_TOLERANCE",
  "ROUNDING_OVERRIDES_POLICY",
  "SCIG_FACTOR",
]);

/** A message without its remedies: they are flags of the one-patient command; here they would be regimen keys. */
const withoutRemedies = ({ code, message, sources }: Message): Message =>
  sources ? { code, message, sources } : { code, message };

export interface Comparison {
  readonly schemaVersion: 1;
  readonly patient: Patient;
  /** Steady state, per year of `daysPerYear` days. */
  readonly daysPerYear: number;
  readonly pricePerG: number | null;
  readonly regimens: readonly RegimenYear[];
  readonly sources: ScheduleResult["sources"];
}

type Infusion = ScheduleResult["infusions"][number];

/** Vials of several days, summed by size, largest first. */
function sumVials(days: readonly Infusion[]): VialsPerYear[] {
  const bySize = new Map<number, number>();
  for (const day of days) for (const v of day.vials) bySize.set(v.sizeG, (bySize.get(v.sizeG) ?? 0) + v.count);
  return [...bySize].sort((a, b) => b[0] - a[0]).map(([sizeG, count]) => ({ sizeG, count }));
}

const sum = (days: readonly Infusion[], value: (d: Infusion) => number) => days.reduce((t, d) => t + value(d), 0);

/**
 * The steady-state course of a schedule: its last course. Throws when the plan was too short for it
 * (a last SCIG dose that is a first infusion or a ramp-up dose): `steadyStateInput` prevents that.
 */
function steadyCourse(result: ScheduleResult): Infusion[] {
  const last = result.infusions.at(-1)!.course;
  const days = result.infusions.filter((d) => d.course === last);
  const doseG = roundTo(
    sum(days, (d) => d.doseG),
    3,
  );
  const scigSteady = result.regimen.route === "ivig" || days.every((d) => d.infusionKind === "later");
  if (!scigSteady || doseG !== result.regimen.courseDoseG) {
    throw new Error(`the plan of ${result.regimen.product} is too short to reach steady state`);
  }
  return days;
}

/**
 * One regimen's figures per year: the steady-state course × courses a year (365.25 / (7 × interval)),
 * each rounded to 2 decimals at the end (coursesPerYear to 4).
 *
 * @example
 * // 70 kg, 2 g/kg every 4 weeks: 140 g in 2 days of 70 g; 365.25 / 28 = 13.0446 courses a year
 * regimenYear("dose=2,every=4", result, 60).gramsPerYear //=> 1826.25 (140 × 13.0446), costPerYear 109575
 */
export function regimenYear(regimen: string, result: ScheduleResult, pricePerG: number | undefined): RegimenYear {
  const g = result.regimen;
  const days = steadyCourse(result);
  const perYear = DAYS_PER_YEAR / (7 * g.intervalWeeks);
  const doseG = sum(days, (d) => d.doseG);
  const dispensedG = sum(days, (d) => d.dispensedG);
  const chairMinutes = sum(days, (d) => d.durationMinutes);
  const sites = g.route === "scig" ? sum(days, (d) => d.sites ?? 0) : null;
  const vials = sumVials(days);
  const year = (value: number) => roundTo(value * perYear, 2);
  return {
    regimen,
    route: g.route,
    product: g.product,
    productName: g.productName,
    doseGPerKg: g.doseGPerKg,
    intervalWeeks: g.intervalWeeks,
    coursesPerYear: roundTo(perYear, 4),
    perCourse: {
      infusionDays: days.length,
      doseG: roundTo(doseG, 3),
      dispensedG: roundTo(dispensedG, 3),
      wasteG: roundTo(dispensedG - doseG, 3),
      chairMinutes,
      infusionKind: days.some((d) => d.infusionKind === "first") ? "first" : "later",
      sites,
      vials,
    },
    gPerKgPerMonth: roundTo((doseG / result.patient.dosingWeightKg) * (DAYS_PER_MONTH / (7 * g.intervalWeeks)), 2),
    gramsPerYear: year(dispensedG),
    infusionDaysPerYear: year(days.length),
    chairHoursPerYear: year(chairMinutes / 60),
    sitesPerYear: sites === null ? null : year(sites),
    vialsPerYear: vials.map((v) => ({ sizeG: v.sizeG, count: year(v.count) })),
    costPerYear: pricePerG === undefined ? null : year(dispensedG * pricePerG),
    warnings: result.warnings.map(withoutRemedies),
    notes: result.notes.filter((n) => COMPARE_NOTE_CODES.has(n.code)).map(withoutRemedies),
  };
}

/**
 * The comparison of planned regimens for one patient (the patient of the first: every regimen shares
 * the command line's patient), with the sources of every regimen once.
 */
export function compareRegimens(
  planned: readonly { readonly regimen: string; readonly result: ScheduleResult }[],
  pricePerG: number | undefined,
): Comparison {
  const sources = new Map<string, ScheduleResult["sources"][number]>();
  for (const { result } of planned) for (const s of result.sources) if (!sources.has(s.id)) sources.set(s.id, s);
  return {
    schemaVersion: 1,
    patient: planned[0]!.result.patient,
    daysPerYear: DAYS_PER_YEAR,
    pricePerG: pricePerG ?? null,
    regimens: planned.map((p) => regimenYear(p.regimen, p.result, pricePerG)),
    sources: [...sources.values()],
  };
}
