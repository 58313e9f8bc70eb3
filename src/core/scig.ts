import { addCalendarDays, daysBetween, weekdayOf, type IsoDate } from "./calendarDate.js";
import { checkRoundingTolerance, CourseSplitError, nearestFiveGramsMg, planCourseDose, roundingRemedy, UNROUNDED_STEP_MG } from "./courseDose.js";
import type { DosingWeightDecision } from "./dosingWeight.js";
import { formatNumber, formatPercent, roundPositive, roundTo } from "./format.js";
import { LIMITS, type ScheduleInput } from "./input.js";
import { message, type NoteCode, type WarningCode } from "./messages.js";
import { infusionMinutes, type RateStep } from "./ratePlan.js";
import type { CourseTotal, Infusion, Message, ScheduleResult } from "./resultSchema.js";
import { chooseVialSizes, courseTotal, g, movedNotes, patientJson, placeSchedule, regionLabelMessages, ScheduleInputError, usedSources, vialNotes, vialsInG } from "./shared.js";
import { createVialStock, gToMg, mgToG } from "./vials.js";
import { DAYS_PER_MONTH, EFNS_MAINTENANCE, ONTARIO_ROUNDING_STEP_G } from "../data/guidelines.js";
import type { Policy } from "../data/policies.js";
import { DEFAULT_REGION, DEFAULT_SCIG_PRODUCT_ID, findScigProduct, mmnIndicationFor, type ScigPhase, type ScigProduct, type Sourced } from "../data/products.js";
import { SOURCES, type Source } from "../data/sources.js";

/** Weekly SCIG above this is above the EU SCIG CIDP maximum (0.4 g/kg/week). */
export const MAX_WEEKLY_G_PER_KG: Sourced<number> = { value: 0.4, source: SOURCES.euScigCidp11 };

/** The factors people use, with the source that names each (CLINICAL.md §9 item 2). */
export const NAMED_FACTORS: readonly { factor: number; text: string; sources: readonly Source[] }[] = [
  { factor: 1, text: "1:1, MMN and CIDP practice (EU SCIG CIDP SmPC; Harbo 2009; JPNS 2009)", sources: [SOURCES.euScigCidp11, SOURCES.harbo2009, SOURCES.jpns2009] },
  { factor: 1.37, text: "1.37, the current Hizentra / Gammagard SC US PI factor", sources: [SOURCES.hizentraPiFactor] },
  { factor: 1.3, text: "1.30, the Cuvitru / Cutaquig PI factor", sources: [SOURCES.cuvitruInitiation] },
  { factor: 1.53, text: "1.53, the older Hizentra label; Muscle Nerve 2016 for IVIG below 2 g/kg/month", sources: [SOURCES.muscleNerve2016, SOURCES.hizentraOlder153] },
];

/** One week's gap after the last IVIG before the first SCIG (Hizentra and EU SCIG CIDP labels). */
export const WEEKS_AFTER_LAST_IVIG: Sourced<number> = { value: 1, source: SOURCES.hizentraCidp };

interface ScigInfusionPlan {
  readonly weekOffset: number;
  /** Weeks of treatment this dose covers (HyQvia ramp-up: 1, 2, …; otherwise `everyWeeks`). */
  readonly weeksCovered: number;
}

/**
 * Plans the SCIG equivalent of an IVIG regimen: weekly dose = IVIG course dose ÷ weeks between
 * courses × factor (CLINICAL.md §4.3), given every `everyWeeks` (double the weekly dose every 2
 * weeks), in 1 or 2 sessions, with sites and rates from the product's per-site limits.
 */
export function planScigSchedule(input: ScheduleInput, today: IsoDate, decision: DosingWeightDecision, policy: Policy | undefined): ScheduleResult {
  const options = input.scig ?? {};
  const productId = options.productId ?? DEFAULT_SCIG_PRODUCT_ID;
  const product = findScigProduct(productId);
  if (!product) throw new ScheduleInputError("UNKNOWN_PRODUCT", `unknown SCIG product '${productId}'`);
  if (input.weightKg < product.limitsFromKg) {
    throw new ScheduleInputError(
      "SCIG_LIMITS_NOT_ENCODED",
      `--route scig with ${product.name}: its per-site limits for patients under ${product.limitsFromKg} kg are not encoded; the label gives other limits`,
    );
  }
  const kg = decision.dosingWeightKg;
  const warnings: Message[] = [];
  const notes: Message[] = [];
  // Once each: a volume above HyQvia's daily limit on every infusion is one warning, not one per infusion.
  const warn: Warn = (code, text, sources = [], remedies = []) => {
    if (!warnings.some((w) => w.code === code && w.message === text)) warnings.push(message(code, text, sources, remedies));
  };
  const note = (code: NoteCode, text: string, sources: readonly Source[] = []) => notes.push(message(code, text, sources));
  const noteOnce: Note = (code, text, sources = [], remedies = []) => {
    if (!notes.some((n) => n.code === code && n.message === text)) notes.push(message(code, text, sources, remedies));
  };

  // Factor.
  const factor = resolveFactor(product, options.factor);
  note("SCIG_FACTOR", `SCIG:IVIG factor ${factor.text}`, factor.sources);
  if (factor.value < 1) {
    warn("SCIG_FACTOR_BELOW_1", `a factor of ${formatNumber(factor.value)} gives less than the IVIG dose: starting SCIG at 50 % of the IVIG dose failed in 4 of 5 MMN patients`, [SOURCES.jpns2009]);
  }

  // IVIG dose converted: Ontario divides its 5 g-rounded dose.
  const ivigExactMg = gToMg(kg * input.doseGPerKg);
  const rounding = input.rounding ?? policy?.rounding ?? "vial";
  const ivigBaseMg = rounding === "5g" ? nearestFiveGramsMg(ivigExactMg) : ivigExactMg;
  const weeklyExactMg = (ivigBaseMg / input.intervalWeeks) * factor.value;
  // Doses are kept to 10 mg; below that the weekly dose would read as 0 g (e.g. 0.1 g/kg a year at 2 kg, factor 0.1).
  if (weeklyExactMg < UNROUNDED_STEP_MG) {
    throw new ScheduleInputError(
      "SCIG_DOSE_TOO_SMALL",
      `the SCIG dose works out to ${formatNumber(weeklyExactMg, 2)} mg a week, below the 10 mg the tool resolves: check --dose, --every and --scig-factor`,
    );
  }
  const mmnStudy = mmnStudyFactorWarning(input, factor.value, (ivigBaseMg / input.intervalWeeks) * MMN_STUDY_FACTOR.value, () =>
    accepts(() => planScigSchedule({ ...input, scig: { ...options, factor: MMN_STUDY_FACTOR.value } }, today, decision, policy)),
  );
  if (mmnStudy) warnings.push(mmnStudy);
  if (rounding === "5g") {
    scigRounding(() => checkRoundingTolerance(ivigExactMg, ivigBaseMg, "the nearest 5 g of the IVIG course dose", roundingRemedy("5g")));
    note("ROUNDED", `IVIG course dose ${g(ivigExactMg)} rounded to the nearest 5 g = ${g(ivigBaseMg)} before dividing by the weeks (Ontario)`, [ONTARIO_ROUNDING_STEP_G.source]);
  }
  if (weeklyExactMg / 1000 / kg > MAX_WEEKLY_G_PER_KG.value + 1e-9) {
    warn(
      "SCIG_WEEKLY_ABOVE_0_4_G_PER_KG",
      `${g(weeklyExactMg)} a week is ${formatNumber(weeklyExactMg / 1000 / kg, 3)} g/kg, above the ${MAX_WEEKLY_G_PER_KG.value} g/kg/week SCIG CIDP maximum`,
      [MAX_WEEKLY_G_PER_KG.source],
    );
  }

  // Interval and sessions.
  const allowed = product.intervalsWeeks.value;
  const everyWeeks = options.everyWeeks ?? defaultEveryWeeks(product, input.intervalWeeks, weeklyExactMg, noteOnce);
  checkDailyVolume(product, everyWeeks, weeklyExactMg);
  if (!allowed.includes(everyWeeks)) {
    throw new ScheduleInputError(
      "SCIG_INTERVAL_NOT_ALLOWED",
      `--scig-every ${everyWeeks}: ${product.name} is given every ${allowed.join(" or ")} week${allowed.length > 1 || allowed[0] !== 1 ? "s" : ""} (label)`,
    );
  }
  const sessions = options.sessions ?? 1;
  if (product.facilitated && sessions !== 1) {
    throw new ScheduleInputError("SCIG_SESSIONS_NOT_ALLOWED", `--sessions ${sessions}: HyQvia is given in one session (1–3 sites)`);
  }

  const region = input.region ?? DEFAULT_REGION;
  const vialSizesG = chooseVialSizes(product, input.vialSizesG, region);
  const stock = createVialStock(vialSizesG.map(gToMg));
  const doseRounding = rounding === "none" ? "none" : "vial";

  // Dates.
  let startDate = input.startDate ?? today;
  let startRule = input.startDate ? "--start" : "today";
  if (options.lastIvigDate !== undefined) {
    startDate = addCalendarDays(options.lastIvigDate, 7 * WEEKS_AFTER_LAST_IVIG.value);
    startRule = `1 week after the last IVIG on ${options.lastIvigDate}`;
    note("SCIG_START", `SCIG starts ${startDate}, one week after the last IVIG infusion (label)`, [WEEKS_AFTER_LAST_IVIG.source]);
  } else {
    note("SCIG_START", `SCIG starts ${startDate} (${startRule}); the labels start SCIG one week after the last IVIG: give --last-ivig to date it from there`, [WEEKS_AFTER_LAST_IVIG.source]);
  }
  const periodWeeks = scigPeriodWeeks(input, startDate);
  const plan = infusionWeeks(product, everyWeeks, periodWeeks);
  if (plan.length > LIMITS.courses.max * 4) {
    throw new ScheduleInputError("TOO_MANY_COURSES", `the period gives ${plan.length} SCIG infusions; at most ${LIMITS.courses.max * 4} are scheduled at once`);
  }
  if (product.facilitated && plan.some((p) => p.weeksCovered < everyWeeks)) {
    note("HYQVIA_RAMP_UP", `HyQvia ramp-up: ${product.facilitated.rampUp.value} (${product.facilitated.rampUp.note})`, [product.facilitated.rampUp.source]);
  }

  // Doses: one rounding per distinct number of weeks covered.
  const doses = new Map<number, { totalMg: number; sessionsMg: readonly number[]; exactMg: number }>();
  for (const p of plan) {
    if (doses.has(p.weeksCovered)) continue;
    const exactMg = Math.round(weeklyExactMg * p.weeksCovered);
    const d = scigRounding(() => planCourseDose({ exactCourseDoseMg: exactMg, maxDailyMg: Number.MAX_SAFE_INTEGER, requestedDays: sessions, rounding: doseRounding, stock }));
    doses.set(p.weeksCovered, { totalMg: d.courseDoseMg, sessionsMg: d.dayDosesMg, exactMg });
  }
  const full = doses.get(plan.at(-1)!.weeksCovered)!;
  if (full.totalMg !== full.exactMg) {
    note(
      "ROUNDED",
      `each ${everyWeeks === 1 ? "weekly" : `${everyWeeks}-weekly`} dose ${g(full.exactMg)} rounded to ${doseRounding === "none" ? "0.01 g" : "whole vials"} = ${g(full.totalMg)} (${formatPercent(((full.totalMg - full.exactMg) / full.exactMg) * 100)})`,
    );
  }

  const conc = product.concentrationGPerMl.value;
  const volumeMl = (mg: number) => roundTo(mgToG(mg) / conc, 1);
  const infusions: Infusion[] = [];
  const courseTotals: CourseTotal[] = [];
  let index = 0;
  const placement = placeSchedule(
    plan.map((p) => ({ plannedStart: addCalendarDays(startDate, 7 * p.weekOffset), count: doses.get(p.weeksCovered)!.sessionsMg.length })),
    input.avoid,
  );
  plan.forEach((p, c) => {
    const dose = doses.get(p.weeksCovered)!;
    const dispensed = dose.sessionsMg.map((mg) => stock.select(mg));
    const placed = placement.courses[c]!;
    dose.sessionsMg.forEach((mg, s) => {
      const phaseName = index < product.firstInfusions.value ? "first" : "later";
      const ml = volumeMl(mg);
      const session = scigSession(product, phaseName, ml, kg, { given: options, everyWeeks, warn, note: noteOnce });
      const { date, ...move } = placed[s]!;
      infusions.push({
        date,
        weekday: weekdayOf(date),
        course: c + 1,
        day: s + 1,
        daysInCourse: dose.sessionsMg.length,
        doseG: mgToG(mg),
        doseGPerKg: roundPositive(mgToG(mg) / kg, 3),
        volumeMl: ml,
        vials: vialsInG(dispensed[s]!.vials),
        dispensedG: mgToG(dispensed[s]!.dispensedMg),
        wasteG: mgToG(dispensed[s]!.wasteMg),
        infusionKind: phaseName,
        ...session,
        ...(product.facilitated ? { hyaluronidaseMl: roundTo(mgToG(mg) * product.facilitated.hyaluronidaseMlPerG.value, 1) } : {}),
        ...(move.movedBecause ? move : {}),
      });
      index++;
    });
    courseTotals.push(courseTotal(c + 1, placed, dose.totalMg, volumeMl(dose.totalMg), dispensed.map((d) => d.vials)));
  });

  const typical = EFNS_MAINTENANCE.value.some(
    (r) => r.doseGPerKg === input.doseGPerKg && input.intervalWeeks >= r.minWeeks && input.intervalWeeks <= r.maxWeeks,
  );
  if (!typical) {
    warn(
      "OUTSIDE_EFNS_MAINTENANCE",
      `the IVIG regimen converted, ${formatNumber(input.doseGPerKg)} g/kg every ${input.intervalWeeks} weeks, is not an EFNS/PNS typical maintenance regimen (1 g/kg every 2–4 weeks or 2 g/kg every 4–8 weeks)`,
      [EFNS_MAINTENANCE.source],
    );
  }
  const label = regionLabelMessages(product, region, region === "us" ? "no SCIG product is labelled for MMN in the US" : "no SCIG in the catalog was found with an EU MMN indication");
  warnings.push(...label.warnings);
  notes.push(...label.notes, ...vialNotes(product, input.vialSizesG, region), ...movedNotes(infusions, input.avoid), ...placement.notes);
  warnings.push(...placement.warnings);
  const allWarnings = [...decision.warnings, ...warnings];
  const allNotes = [...decision.notes, ...notes];
  const exactFullMg = full.exactMg;
  const roundingDifferenceG = roundTo(mgToG(full.totalMg - exactFullMg), 3);

  return {
    schemaVersion: 1,
    patient: patientJson(input, decision),
    regimen: {
      route: "scig",
      region,
      mmnIndication: mmnIndicationFor(product, region).value,
      product: product.id,
      productName: product.name,
      concentrationGPerMl: conc,
      vialSizesG: [...vialSizesG],
      rates: null,
      scig: {
        factor: factor.value,
        factorSource: factor.text,
        ivigDoseGPerKg: input.doseGPerKg,
        ivigCourseDoseG: mgToG(ivigBaseMg),
        ivigIntervalWeeks: input.intervalWeeks,
        weeklyDoseG: roundTo(weeklyExactMg / 1000, 3),
        everyWeeks,
        sessions,
        rampUp: plan.some((p) => p.weeksCovered < everyWeeks),
        startRule,
      },
      // The SCIG regimen itself, so that doseGPerKg × dosing weight ≈ courseDoseG every intervalWeeks
      // holds for both routes; the IVIG prescription it converts is under scig.
      doseGPerKg: roundPositive(mgToG(exactFullMg) / kg, 3),
      intervalWeeks: everyWeeks,
      daysPerCourse: sessions,
      daysPerCourseReason: "requested",
      maxDailyGPerKg: input.maxDailyGPerKg,
      exactCourseDoseG: mgToG(exactFullMg),
      courseDoseG: mgToG(full.totalMg),
      roundingDifferenceG,
      roundingDifferencePercent: roundTo((roundingDifferenceG / mgToG(exactFullMg)) * 100, 2),
      rounding: doseRounding,
      roundingSource: input.rounding !== undefined ? "option" : policy?.rounding !== undefined ? "policy" : "default",
      dayDosesG: full.sessionsMg.map(mgToG),
      monthlyDoseGPerKg: roundPositive((mgToG(full.totalMg) / kg) * (DAYS_PER_MONTH / (7 * everyWeeks)), 2),
      courses: plan.length,
      startDate,
      untilDate: input.untilDate ?? null,
    },
    infusions,
    courseTotals,
    warnings: allWarnings,
    notes: allNotes,
    sources: usedSources(product, policy, allWarnings, allNotes, region),
  };
}

/** Muscle Nerve 2016 (MMN): 1.53:1 SCIg:IVIg for patients on less than 2 g/kg/month IVIG, 1:1 at 2 g/kg/month. */
export const MMN_STUDY_FACTOR: Sourced<number> = { value: 1.53, source: SOURCES.muscleNerve2016 };
export const MMN_STUDY_MONTHLY_G_PER_KG: Sourced<number> = { value: 2, source: SOURCES.muscleNerve2016 };

/**
 * IVIG below 2 g/kg/month converted at less than 1.53: name the study's factor and the weekly dose
 * it gives; offer `--scig-factor 1.53` when no factor was given and the tool accepts it.
 */
function mmnStudyFactorWarning(input: ScheduleInput, factor: number, weeklyAtStudyMg: number, studyFactorAccepted: () => boolean): Message | undefined {
  const monthly = input.doseGPerKg * (DAYS_PER_MONTH / (7 * input.intervalWeeks));
  if (monthly >= MMN_STUDY_MONTHLY_G_PER_KG.value - 1e-9 || factor >= MMN_STUDY_FACTOR.value - 1e-9) return undefined;
  const remedy = input.scig?.factor === undefined && studyFactorAccepted() ? ["--scig-factor 1.53"] : [];
  return message(
    "SCIG_FACTOR_BELOW_MMN_STUDY",
    `the IVIG converted is ${formatNumber(monthly, 2)} g/kg/month, below ${MMN_STUDY_MONTHLY_G_PER_KG.value}: the MMN study the tool cites (Muscle Nerve 2016) used 1.53:1 SCIG:IVIG there, and 3 of 6 patients on less than 1.53:1 developed intolerable weakness by month 3; a factor of 1.53 gives ${g(weeklyAtStudyMg)} a week (this plan: ${formatNumber(factor)})`,
    [MMN_STUDY_FACTOR.source],
    remedy,
  );
}

/** Whether a plan is accepted: a remedy is only offered when planning with it succeeds. */
function accepts(plan: () => unknown): boolean {
  try {
    plan();
    return true;
  } catch (e) {
    if (e instanceof ScheduleInputError) return false;
    throw e;
  }
}

/** Runs a rounding of an SCIG dose; one too far from the dose is bad input, as for IVIG. */
function scigRounding<T>(round: () => T): T {
  try {
    return round();
  } catch (e) {
    if (e instanceof CourseSplitError) throw new ScheduleInputError(e.code, `--route scig: ${e.message}`);
    throw e;
  }
}

function resolveFactor(product: ScigProduct, asked: number | "label" | undefined): { value: number; text: string; sources: readonly Source[] } {
  if (asked === "label") {
    const f = product.labelFactor;
    if (f.value === null) throw new ScheduleInputError("SCIG_FACTOR_NOT_FOUND", `--scig-factor label: ${product.name}'s label factor was not found; give a number`);
    return { value: f.value, text: `${formatNumber(f.value)}, the ${product.name} label's${"note" in f && f.note ? ` (${f.note})` : ""}`, sources: [(f as Sourced<number>).source] };
  }
  const value = asked ?? 1;
  const named = NAMED_FACTORS.find((n) => Math.abs(n.factor - value) < 1e-9);
  return named ? { value, text: named.text, sources: named.sources } : { value, text: `${formatNumber(value)}, set with --scig-factor`, sources: [] };
}

/** Weeks the SCIG schedule covers: the same period as the IVIG courses it replaces. */
function scigPeriodWeeks(input: ScheduleInput, startDate: IsoDate): number {
  if (input.untilDate !== undefined) {
    const days = daysBetween(startDate, input.untilDate);
    if (days < 0) throw new ScheduleInputError("UNTIL_BEFORE_START", `--until ${input.untilDate} is before the SCIG start ${startDate}`);
    return Math.floor(days / 7) + 1;
  }
  return (input.courses ?? 6) * input.intervalWeeks;
}

/**
 * The default interval: weekly, except HyQvia, which follows the IVIG interval within its label's
 * 2–4 weeks, shortened where that interval's dose would exceed its daily volume (1200 mL at 40 kg
 * or more): 140 g every 4 weeks is 1400 mL, so it is given every 3 weeks (1050 mL), with a note.
 */
function defaultEveryWeeks(product: ScigProduct, ivigWeeks: number, weeklyMg: number, note: Note): number {
  const allowed = product.intervalsWeeks.value;
  const f = product.facilitated;
  if (!f) return 1;
  const wanted = Math.min(Math.max(ivigWeeks, allowed[0]!), allowed.at(-1)!);
  const ml = (weeks: number) => (weeklyMg * weeks) / 1000 / product.concentrationGPerMl.value;
  const fits = allowed.filter((w) => w <= wanted && ml(w) <= f.maxMlPerDay.value);
  const weeks = fits.at(-1) ?? allowed[0]!;
  if (weeks < wanted) {
    note(
      "SCIG_EVERY_SHORTENED",
      `${product.name} every ${weeks} weeks, not ${wanted}: ${wanted} weeks' dose (${formatNumber(roundTo(ml(wanted), 1))} mL) is above its ${f.maxMlPerDay.value} mL a day; --scig-every sets another interval`,
      [f.maxMlPerDay.source],
    );
  }
  return weeks;
}

/**
 * HyQvia is one session a dose, at most its label's daily volume: a dose above it is refused,
 * naming the intervals whose dose would fit (issue 12 item 9: never planned with exit 0).
 */
function checkDailyVolume(product: ScigProduct, everyWeeks: number, weeklyMg: number): void {
  const f = product.facilitated;
  if (!f) return;
  const ml = (weeks: number) => (weeklyMg * weeks) / 1000 / product.concentrationGPerMl.value;
  if (ml(everyWeeks) <= f.maxMlPerDay.value) return;
  const fits = product.intervalsWeeks.value.filter((w) => w < everyWeeks && ml(w) <= f.maxMlPerDay.value);
  throw new ScheduleInputError(
    "HYQVIA_DAILY_VOLUME",
    `--route scig: ${formatNumber(roundTo(ml(everyWeeks), 1))} mL of HyQvia every ${everyWeeks} weeks is above its label's ${f.maxMlPerDay.value} mL a day (one session); ${fits.length > 0 ? `give it more often (--scig-every ${fits.join(" or ")})` : "lower --dose or --every, or choose another --scig-product"}`,
  );
}

/**
 * When each infusion falls. HyQvia ramps up: infusion k covers k weeks and the next comes k weeks
 * later, until the full interval (PI: 1-, 2-, 3-, then 4-week doses at weeks 1, 2, 4, 7).
 */
function infusionWeeks(product: ScigProduct, everyWeeks: number, periodWeeks: number): ScigInfusionPlan[] {
  const out: ScigInfusionPlan[] = [];
  let week = 0;
  if (product.facilitated) {
    for (let k = 1; k < everyWeeks && week < periodWeeks; k++) {
      out.push({ weekOffset: week, weeksCovered: k });
      week += k;
    }
  }
  for (; week < periodWeeks; week += everyWeeks) out.push({ weekOffset: week, weeksCovered: everyWeeks });
  if (out.length === 0) out.push({ weekOffset: 0, weeksCovered: everyWeeks });
  return out;
}

/** Where the sites of one infusion go: how many, how many run at once, in how many rounds. */
export interface SitePlan {
  /** The fewest sites that keep each within the per-site volume. */
  readonly sites: number;
  /** The largest group running at once: never above the label's simultaneous-site limit. */
  readonly sitesAtOnce: number;
  /** Groups run one after another (consecutive sites), as evenly sized as whole sites allow. */
  readonly rounds: number;
}

/**
 * Sites: the fewest that keep each within the per-site volume (HyQvia: 400 mL each with 3 sites),
 * run at most `maxSites` at once; the rest run in turn, in the fewest rounds, as evenly as whole
 * sites allow (Hizentra PI page: "up to 4 sites simultaneously or up to 12 consecutively").
 *
 * @example
 * sitesFor(hizentra, hizentra.first, 175) //=> { sites: 9, sitesAtOnce: 3, rounds: 3 }
 */
export function sitesFor(product: ScigProduct, phase: ScigPhase, volumeMl: number): SitePlan {
  const perSite = phase.maxMlPerSite.value;
  if (perSite === null) throw new ScheduleInputError("SCIG_LIMIT_NOT_FOUND", `${product.name}: the per-site volume was not found`);
  let sites = Math.max(1, Math.ceil(volumeMl / perSite - 1e-9));
  const f = product.facilitated;
  if (f && sites >= 3) sites = Math.max(3, Math.ceil(volumeMl / f.maxMlPerSiteWith3Sites.value - 1e-9));
  const atOnceLimit = product.maxSites.value ?? sites;
  const rounds = Math.ceil(sites / atOnceLimit);
  return { sites, sitesAtOnce: Math.ceil(sites / rounds), rounds };
}

/** Sites in each round: `rounds` groups of `sitesAtOnce` or one fewer, adding up to `sites`. */
export function roundSizes(plan: SitePlan): number[] {
  const small = Math.floor(plan.sites / plan.rounds);
  const larger = plan.sites - small * plan.rounds;
  return Array.from({ length: plan.rounds }, (_, i) => (i < larger ? small + 1 : small));
}

/**
 * Chair minutes: each round runs its sites' volume through the pump plan for that many sites
 * (a new round of sites starts again at the first step), one round after the other.
 */
export function chairMinutes(plan: SitePlan, volumeMl: number, planFor: (sites: number) => readonly RateStep[]): number {
  const perSite = volumeMl / plan.sites;
  return roundSizes(plan).reduce((sum, n) => sum + infusionMinutes(planFor(n), perSite * n), 0);
}

/** The longest chair time the tool plans: a longer infusion is refused (a day has 24 hours). */
export const MAX_CHAIR_MINUTES = 24 * 60;

/** What a session's warnings need: the options the user gave (a remedy never repeats one) and where to report. */
interface SessionContext {
  readonly given: NonNullable<ScheduleInput["scig"]>;
  readonly everyWeeks: number;
  readonly warn: Warn;
  readonly note: Note;
}

type Warn = (code: WarningCode, text: string, sources?: readonly Source[], remedies?: readonly string[]) => void;
type Note = (code: NoteCode, text: string, sources?: readonly Source[], remedies?: readonly string[]) => void;

/** The infusion fields of one SCIG session: its sites, pump plan and chair time, with their warnings. */
function scigSession(
  product: ScigProduct,
  phaseName: "first" | "later",
  ml: number,
  kg: number,
  context: SessionContext,
): Pick<Infusion, "ratePlan" | "durationMinutes" | "sites" | "sitesAtOnce" | "siteRounds" | "volumePerSiteMl"> {
  const conc = product.concentrationGPerMl.value;
  const site = sitesFor(product, product[phaseName], ml);
  const planFor = (n: number) => scigRatePlan(product, phaseName, n, kg, conc);
  const minutes = chairMinutes(site, ml, planFor);
  // Hizentra CIDP: "1 or 2 sessions over 1 or 2 consecutive days"; HyQvia is given in one session.
  const splitRemedy = !product.facilitated && context.given.sessions === undefined ? ["--sessions 2"] : [];
  if (minutes > MAX_CHAIR_MINUTES) {
    const sessions = context.given.sessions ?? 1;
    throw new ScheduleInputError(
      "SCIG_CHAIR_TIME_TOO_LONG",
      `--route scig: ${formatNumber(ml)} mL of ${product.name} at the label's ${phaseName}-infusion rates (${site.sites} sites, at most ${site.sitesAtOnce} at once) takes ${formatNumber(minutes / 60, 1)} h, over 24 h; the volume comes from --dose, --every and --scig-factor${context.everyWeeks > 1 ? `, doubled or more by --scig-every ${context.everyWeeks}` : ""}${!product.facilitated && sessions === 1 ? "; --sessions 2 splits it over 2 days" : ""}`,
    );
  }
  siteWarnings(product, phaseName, ml, site, minutes, splitRemedy, context);
  return {
    ratePlan: planFor(site.sitesAtOnce),
    durationMinutes: Math.max(1, Math.ceil(roundTo(minutes, 6))),
    sites: site.sites,
    sitesAtOnce: site.sitesAtOnce,
    siteRounds: site.rounds,
    volumePerSiteMl: roundTo(ml / site.sites, 1),
  };
}

/** Rounds of sites are a note; more sites than the label allows in all, or more than HyQvia's day, warn. */
function siteWarnings(
  product: ScigProduct,
  phaseName: "first" | "later",
  ml: number,
  site: SitePlan,
  minutes: number,
  splitRemedy: readonly string[],
  context: SessionContext,
): void {
  const perSite = product[phaseName].maxMlPerSite.value!;
  const needs = `${formatNumber(ml)} mL at ≤ ${formatNumber(perSite)} mL per site needs ${site.sites} sites`;
  const maxSites = product.maxSites;
  const f = product.facilitated;
  if (f) {
    if (ml > f.maxMlPerDay.value) {
      // HyQvia is given in one session; a shorter interval gives a smaller dose (label: every 2, 3 or 4 weeks).
      // Above the label's daily volume is refused, not warned (issue 12 item 9).
      const shorter = product.intervalsWeeks.value.filter((w) => w < context.everyWeeks);
      throw new ScheduleInputError(
        "HYQVIA_DAILY_VOLUME",
        `--route scig: ${formatNumber(ml)} mL of HyQvia in one day is above its label's ${f.maxMlPerDay.value} mL a day${site.sites > (maxSites.value ?? site.sites) ? ` and needs ${site.sites} sites, more than its ${maxSites.value}` : ""}; ${shorter.length > 0 ? `give it more often (--scig-every ${shorter.join(" or ")}) or lower --dose` : "lower --dose or --every, or choose another --scig-product"}`,
      );
    }
    return;
  }
  const consecutive = product.maxSitesConsecutive;
  if (consecutive && site.sites > consecutive.value) {
    // --sessions 2 only cures it when half the volume needs no more sites than the limit.
    const remedy = Math.ceil(ml / 2 / perSite - 1e-9) <= consecutive.value ? splitRemedy : [];
    context.warn(
      "SCIG_SITES_ABOVE_LABEL",
      `${needs}, more than the ${consecutive.value} the label allows in one infusion (${consecutive.note ?? "label"})${remedy.length > 0 ? ": split the dose with --sessions 2" : ": lower the dose or choose a product with larger per-site volumes"}`,
      [consecutive.source],
      remedy,
    );
  }
  if (site.rounds > 1 && maxSites.value !== null) {
    const rounds = roundSizes(site).join(" + ");
    context.note(
      "SCIG_SITE_ROUNDS",
      `${phaseName} infusions: ${needs}; the label allows ${maxSites.value} at once (${"note" in maxSites && maxSites.note ? maxSites.note : "label"}), so they run in ${site.rounds} rounds of ${rounds} sites, one after another: chair ${hoursMinutesText(minutes)}${splitRemedy.length > 0 ? "; --sessions 2 splits the dose over 2 days" : ""}`,
      ["source" in maxSites ? maxSites.source : product.concentrationGPerMl.source],
      splitRemedy,
    );
  }
}

function hoursMinutesText(minutes: number): string {
  const m = Math.ceil(roundTo(minutes, 6));
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

/** SCIG pump plan: every site at its per-site rate (HyQvia: its 10-minute steps), within the all-sites maximum. */
function scigRatePlan(product: ScigProduct, phaseName: "first" | "later", sites: number, kg: number, conc: number): RateStep[] {
  const phase = product[phaseName];
  const total = phase.maxMlPerHourTotal.value ?? Number.POSITIVE_INFINITY;
  const f = product.facilitated;
  const perSiteSteps = f ? (phaseName === "first" ? f.siteRateStepsFirst.value : f.siteRateStepsLater.value) : [phase.maxMlPerHourPerSite.value!];
  const stepMinutes = f ? f.stepMinutes.value : 0;
  return perSiteSteps.map((perSite, i) => {
    const mlPerHour = roundTo(Math.min(perSite * sites, total), 1);
    return {
      startMinute: i * stepMinutes,
      mlPerHour,
      mlPerKgPerHour: roundTo(mlPerHour / kg, 3),
      mgPerKgPerMin: roundTo(((mlPerHour / kg) * conc * 1000) / 60, 3),
    };
  });
}
