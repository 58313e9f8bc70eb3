import { addCalendarDays, type IsoDate } from "./calendarDate.js";
import { formatNumber, roundTo } from "./format.js";
import type { DoseIntensity, Prescribed } from "./reviewIntensity.js";
import type { OverallStatus } from "./reviewOutcomes.js";
import { DAYS_PER_MONTH } from "../data/guidelines.js";
import { REVIEW_SOURCES } from "../data/reviewSources.js";

/** One option for the prescriber: never a decision. `arithmetic` shows how its numbers were reached. */
export interface ReviewOption {
  readonly kind:
    | "interval-extension"
    | "dose-reduction"
    | "shorter-interval"
    | "higher-dose"
    | "scig"
    | "below-dose-response";
  readonly text: string;
  readonly arithmetic: string;
  readonly sources: readonly string[];
  /** The protocol comes from CIDP, not MMN. */
  readonly cidpProtocol: boolean;
}

/** `--taper interval+Nw` or `dose-N%`. */
export type Taper =
  | { readonly kind: "interval"; readonly weeks: number }
  | { readonly kind: "dose"; readonly percent: number };

/** The regimen a review starts from: --dose/--every, else the latest course and the interval before it. */
export interface CurrentRegimen {
  readonly doseGPerKg: number;
  readonly everyWeeks: number | null;
  readonly days: number;
  readonly product: string;
  readonly lastCourse: IsoDate;
  /** Where the numbers came from, in words. */
  readonly from: string;
}

/** The CIDP SCIG taper (J Neuromuscul Dis 2023): 90 %, 75 %, 50 %, 25 % (then 0 %) of the dose every 12th week. */
const CIDP_TAPER_PERCENTS = [90, 75, 50, 25] as const;
const TAPER_STEP_WEEKS = 12;
/** Vlam et al.: ≥ 1.6 g/kg/month gives a clinically meaningful grip gain in ≥ 70 % of patients (a model). */
const DOSE_RESPONSE_G_PER_KG_MONTH = 1.6;

const monthly = (dose: number, weeks: number) => roundTo((dose * DAYS_PER_MONTH) / (7 * weeks), 2);
const n = (x: number) => formatNumber(x);

/** The regimen the history shows (or --dose/--every), or null without an IVIG course. */
export function currentRegimen(intensity: DoseIntensity, prescribed?: Prescribed): CurrentRegimen | null {
  const last = intensity.courses.at(-1);
  if (!last) return null;
  const gap = last.daysSincePrevious;
  const weeks = prescribed?.everyWeeks ?? (gap !== null && gap % 7 === 0 ? gap / 7 : null);
  return {
    doseGPerKg: prescribed?.doseGPerKg ?? roundTo(last.gPerKg, 2),
    everyWeeks: weeks,
    days: last.days,
    product: last.products.at(-1)!,
    lastCourse: last.start,
    from: prescribed
      ? "--dose/--every"
      : `the latest course (${last.start}: ${n(last.grams)} g at ${n(last.dosingWeightKg)} kg) and the ${gap ?? "no"}` +
        " days since the course before",
  };
}

function taperOptions(r: CurrentRegimen): ReviewOption[] {
  const ontario = REVIEW_SOURCES.ontarioNeurology.url;
  const steps = CIDP_TAPER_PERCENTS.map((p) => `${p} % = ${n(roundTo((r.doseGPerKg * p) / 100, 2))} g/kg`);
  return [
    {
      kind: "dose-reduction",
      text:
        "Measures stable for 12 months: a dose-reduction trial is an option (Ontario: titrate to the lowest effective " +
        "dose). The only sourced stepwise protocol is from CIDP (SCIG, J Neuromuscul Dis 2023): 90 %, 75 %, 50 %, " +
        "25 %, then 0 % of the dose, each for 12 weeks while no deterioration occurs.",
      arithmetic: `${n(r.doseGPerKg)} g/kg per course: ${steps.join(", ")}, then stop`,
      sources: [ontario, REVIEW_SOURCES.scigTaperCidp.url],
      cidpProtocol: true,
    },
    {
      kind: "interval-extension",
      text:
        "An interval-extension trial is an option (Ontario: the longest interval); no MMN step size is sourced: give " +
        "it with --taper interval+Nw.",
      arithmetic:
        r.everyWeeks === null
          ? "the interval is not whole weeks: give --every"
          : `${n(r.doseGPerKg)} g/kg every ${r.everyWeeks} weeks = ${n(monthly(r.doseGPerKg, r.everyWeeks))} g/kg/month`,
      sources: [ontario],
      cidpProtocol: false,
    },
  ];
}

function worseOptions(r: CurrentRegimen & { everyWeeks: number }, kg: number): ReviewOption[] {
  const courseG = roundTo(r.doseGPerKg * kg, 2);
  const m = monthly(r.doseGPerKg, r.everyWeeks);
  const options: ReviewOption[] = [];
  if (r.everyWeeks >= 2) {
    const half = r.everyWeeks / 2;
    const shorter = Number.isInteger(half) ? half : Math.floor(half);
    const dose = roundTo((r.doseGPerKg * shorter) / r.everyWeeks, 2);
    options.push({
      kind: "shorter-interval",
      text: "The same monthly dose at shorter intervals (a model found a more consistent grip response).",
      arithmetic:
        `${n(r.doseGPerKg)} g/kg every ${r.everyWeeks} weeks → ${n(r.doseGPerKg)} × ${shorter}/${r.everyWeeks} = ` +
        `${n(dose)} g/kg every ${shorter} weeks (${n(m)} g/kg/month)`,
      sources: [REVIEW_SOURCES.vlamDoseResponse.url],
      cidpProtocol: false,
    });
  }
  const target = m < 1.2 ? 1.2 : 2;
  if (m < 2) {
    options.push({
      kind: "higher-dose",
      text: `A higher dose: a dose-increase study raised maintenance to 1.2 g/kg/month, then 2 g/kg/month if needed.`,
      arithmetic:
        `${n(target)} g/kg/month × 7 × ${r.everyWeeks} / ${DAYS_PER_MONTH} = ` +
        `${n(roundTo((target * 7 * r.everyWeeks) / DAYS_PER_MONTH, 2))} g/kg every ${r.everyWeeks} weeks (now ${n(m)} g/kg/month)`,
      sources: [REVIEW_SOURCES.doseIncreaseMmn.url],
      cidpProtocol: false,
    });
  }
  options.push({
    kind: "scig",
    text: "Weekly SCIG at the equivalent dose (Harbo 2009: equivalent dosages; mmn-dose --route scig plans it).",
    arithmetic:
      `${n(r.doseGPerKg)} g/kg × ${n(kg)} kg = ${n(courseG)} g per course / ${r.everyWeeks} weeks × 1.0 = ` +
      `${n(roundTo(courseG / r.everyWeeks, 2))} g a week`,
    sources: [REVIEW_SOURCES.harboScig.url],
    cidpProtocol: false,
  });
  return options;
}

/**
 * The options a review offers, never a decision: stable for 12 months → a dose-reduction or
 * interval-extension trial; worse with every course on time → shorter intervals at the same monthly
 * dose, a higher dose, or SCIG; worse below 1.6 g/kg/month → the dose–response model says so.
 */
export function reviewOptions(
  status: OverallStatus,
  stable: boolean,
  intensity: DoseIntensity,
  regimen: CurrentRegimen | null,
): ReviewOption[] {
  if (regimen === null) return [];
  if (status === "stable" && stable) return taperOptions(regimen);
  if (status !== "worse") return [];
  const options: ReviewOption[] = [];
  const latest = intensity.windows.at(-1)?.gPerKgPerMonth;
  if (latest !== undefined && latest < DOSE_RESPONSE_G_PER_KG_MONTH) {
    options.push({
      kind: "below-dose-response",
      text:
        `Worse at ${n(latest)} g/kg/month over the last 12 weeks, below 1.6 g/kg/month: a dose–response model found ` +
        "≥ 1.6 g/kg/month gives a clinically meaningful grip gain (≥ 4 kg) in ≥ 70 % of patients.",
      arithmetic: `${n(latest)} < ${n(DOSE_RESPONSE_G_PER_KG_MONTH)} g/kg/month`,
      sources: [REVIEW_SOURCES.vlamDoseResponse.url],
      cidpProtocol: false,
    });
  }
  const onTime = intensity.offSchedule !== null && intensity.offSchedule.length === 0;
  if (onTime && regimen.everyWeeks !== null) {
    options.push(
      ...worseOptions({ ...regimen, everyWeeks: regimen.everyWeeks }, intensity.courses.at(-1)!.dosingWeightKg),
    );
  }
  return options;
}

/** A `--plan` file for a taper trial: `{ phases: [...] }`, starting when the next course is due. */
export function taperPlan(regimen: CurrentRegimen, taper: Taper | undefined): { phases: Record<string, unknown>[] } {
  if (regimen.everyWeeks === null) throw new RangeError("a taper plan needs whole weeks between courses");
  const every = regimen.everyWeeks;
  const start = addCalendarDays(regimen.lastCourse, every * 7);
  const base = { product: regimen.product, days: regimen.days };
  const coursesIn = (weeks: number) => Math.max(1, Math.ceil(TAPER_STEP_WEEKS / weeks));
  if (taper?.kind === "interval") {
    const longer = every + taper.weeks;
    return { phases: [{ ...base, dose: regimen.doseGPerKg, every: longer, courses: coursesIn(longer), start }] };
  }
  const percents = taper?.kind === "dose" ? [100 - taper.percent] : CIDP_TAPER_PERCENTS;
  return {
    phases: percents.map((p, i) => ({
      ...base,
      dose: roundTo((regimen.doseGPerKg * p) / 100, 2),
      every,
      courses: coursesIn(every),
      ...(i === 0 ? { start } : {}),
    })),
  };
}
