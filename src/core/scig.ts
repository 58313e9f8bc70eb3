import { addCalendarDays, daysBetween, type IsoDate } from "./calendarDate.js";
import {
  checkRoundingTolerance,
  nearestFiveGramsMg,
  planCourseDose,
  roundingRemedy,
  UNROUNDED_STEP_MG,
  type RefusalContext,
  type Rounding,
} from "./courseDose.js";
import { type Derivation, factSource, type ScigDoseDerivation, vialDerivations } from "./derivation.js";
import { accepts, DomainError } from "./domainError.js";
import { formatNumber, formatPercent, g, plural, roundPositive, roundTo } from "./format.js";
import { DEFAULTS, LIMITS, type ScheduleInput, type ScigOptions } from "./input.js";
import { labelMessages } from "./labelRegion.js";
import { message, type NoteCode } from "./messages.js";
import { movedNotes, placeSchedule, type SchedulePlacement } from "./placement.js";
import { planContext, type PlanContext, type RoutePlan } from "./planner.js";
import { ageRiskWarnings } from "./ageRiskWarnings.js";
import {
  courseTotal,
  efnsMaintenanceWarnings,
  infusionRecord,
  ivigRegimenText,
  regimenJson,
  roundingOf,
} from "./regimen.js";
import type { CourseTotal, Infusion, Message, Regimen } from "./resultSchema.js";
import {
  OTHER_PRODUCT_OPTIONS,
  OTHER_PRODUCT_REMEDY,
  scigEveryText,
  scigSession,
  type Note,
  type Warn,
} from "./scigSites.js";
import { chooseVialSizes, vialNotes } from "./vialChoice.js";
import { createVialStock, gToMg, mgToG, type VialStock } from "./vials.js";
import { continuation, continuationNote, continuedPrevious, continuedStart, firstCourseNumber } from "./continuing.js";
import { DAYS_PER_MONTH, FIRST_INFUSION_GAP_DAYS, ONTARIO_ROUNDING_STEP_G } from "../data/guidelines.js";
import {
  DEFAULT_SCIG_PRODUCT_ID,
  findScigProduct,
  type Region,
  type ScigProduct,
  type Sourced,
} from "../data/products.js";
import {
  DEFAULT_SCIG_FACTOR,
  MAX_WEEKLY_G_PER_KG,
  MIN_SCIG_FACTOR_WITHOUT_WARNING,
  MMN_STUDY_FACTOR,
  MMN_STUDY_MONTHLY_G_PER_KG,
  NAMED_FACTORS,
  WEEKS_AFTER_LAST_IVIG,
} from "../data/scigConversion.js";
import { SOURCES, type Source } from "../data/sources.js";
import { type OptionKey, option } from "./optionKeys.js";

/** A refused rounding of an SCIG dose says it is about the SCIG route, as for IVIG it names the course. */
const SCIG_REFUSAL: RefusalContext = { text: option("route", "scig"), options: ["route"] };

/** Warnings and notes as the planner finds them; `warn` and `noteOnce` keep one of each text. */
class MessageLog {
  readonly warnings: Message[] = [];
  readonly notes: Message[] = [];
  readonly warn: Warn = (code, text, sources = [], remedies = []) => {
    if (!this.warnings.some((w) => w.code === code && w.message === text))
      this.warnings.push(message(code, text, sources, remedies));
  };
  readonly note = (code: NoteCode, text: string, sources: readonly Source[] = []) => {
    this.notes.push(message(code, text, sources));
  };
  readonly noteOnce: Note = (code, text, sources = [], remedies = []) => {
    if (!this.notes.some((n) => n.code === code && n.message === text))
      this.notes.push(message(code, text, sources, remedies));
  };
}

/** When one SCIG infusion falls and how many weeks of treatment it covers. */
interface ScigInfusionPlan {
  readonly weekOffset: number;
  /** Weeks of treatment this dose covers (HyQvia ramp-up: 1, 2, …; otherwise `everyWeeks`). */
  readonly weeksCovered: number;
}

/** The IVIG dose converted to a weekly SCIG dose. */
interface ScigDose {
  readonly factor: ResolvedFactor;
  readonly rounding: Regimen["rounding"];
  readonly roundingSource: Regimen["roundingSource"];
  /** The IVIG course dose converted: Ontario divides its 5 g-rounded dose. */
  readonly ivigBaseMg: number;
  /** Dosing weight × g/kg, before any rounding. */
  readonly ivigExactMg: number;
  /** The rounding asked for, before the SCIG dose goes to whole vials (`5g` rounds the IVIG course). */
  readonly askedRounding: Rounding;
  readonly weeklyExactMg: number;
}

/** One rounded dose for a number of weeks covered, split into its sessions. */
interface RoundedDose {
  readonly totalMg: number;
  readonly sessionsMg: readonly number[];
  readonly exactMg: number;
}

/**
 * Plans the SCIG equivalent of an IVIG regimen: weekly dose = IVIG course dose ÷ weeks between
 * courses × factor (docs/clinical.md §4.3), given every `everyWeeks` (double the weekly dose every 2
 * weeks), in 1 or 2 sessions, with sites and rates from the product's per-site limits.
 *
 * @example
 * planScig({ ...input, route: "scig", weightKg: 70 }, "2026-12-01") //=> { regimen: { scig: { weeklyDoseG: 35, … } }, … }
 */
export function planScig(given: ScheduleInput, today: IsoDate): RoutePlan {
  // An established patient's last SCIG dose is the infusion before this schedule (--last-scig).
  const input: ScheduleInput = { ...given, previousInfusion: continuedPrevious(given, 1) };
  const context = planContext(input);
  const options = input.scig ?? {};
  const product = scigProductFor(input, context.region);
  const log = new MessageLog();
  const dose = convertDose(input, today, context, product, log);
  const everyWeeks = scigInterval(input, product, dose.weeklyExactMg, log);
  const sessions = options.sessions ?? 1;
  if (product.facilitated && sessions !== 1) {
    throw new DomainError(
      "SCIG_SESSIONS_NOT_ALLOWED",
      "sessions",
      `${option("sessions", sessions)}: HyQvia is given in one session (1–3 sites)`,
    );
  }
  const vialSizesG = chooseVialSizes(product, input.vialSizesG, context.region);
  const stock = createVialStock(vialSizesG.map(gToMg));
  const { startDate, startRule } = scigStart(input, today, everyWeeks, log);
  const plan = scigInfusionWeeks(input, product, everyWeeks, startDate, log);
  const firstCourse = firstCourseNumber(input);
  const doses = roundDoses(plan, dose, sessions, stock, everyWeeks, log);
  const givenWeeks = new Set(plan.map((p) => p.weeksCovered));
  const placement = placeSchedule(
    plan.map((p) => ({
      plannedStart: addCalendarDays(startDate, 7 * p.weekOffset),
      count: doses.get(p.weeksCovered)!.sessionsMg.length,
    })),
    input.avoid,
    firstCourse,
  );
  const { infusions, courseTotals } = scigInfusions(input, context, product, {
    plan,
    doses,
    stock,
    placement,
    everyWeeks,
    log,
    firstCourse,
  });
  const first = { date: infusions[0]!.date, course: firstCourse };
  const continued = continuation(given, input.previousInfusion, 1, first, product.id);
  const full = doses.get(everyWeeks)!;
  const scig = scigFields(input, dose, {
    everyWeeks,
    sessions,
    rampUp: [...givenWeeks].some((w) => w < everyWeeks),
    startRule,
  });
  const regimen = scigRegimen(input, context, product, vialSizesG, {
    scig,
    full,
    dose,
    courses: plan.length,
    startDate,
  });
  finishMessages(input, context, product, { infusions, placement, log });
  return {
    context,
    product,
    regimen,
    infusions,
    courseTotals,
    leadWarnings: ageRiskWarnings(input, undefined),
    // The age warning's source is not listed for SCIG.
    warnings: [...context.decision.warnings, ...log.warnings],
    notes: [...continuationNote(continued), ...context.decision.notes, ...log.notes],
    continuation: continued,
    derivation: scigDerivation(input, context, product, {
      dose,
      doses,
      stock,
      vialSizesG,
      everyWeeks,
      sessions,
      givenWeeks,
    }),
  };
}

/** How each figure of the SCIG dose was reached, as planned (what `--explain` renders). */
function scigDerivation(
  input: ScheduleInput,
  context: PlanContext,
  product: ScigProduct,
  p: {
    dose: ScigDose;
    doses: ReadonlyMap<number, RoundedDose>;
    stock: VialStock;
    vialSizesG: readonly number[];
    everyWeeks: number;
    sessions: number;
    /** The weeks covered by the doses the schedule gives. */
    givenWeeks: ReadonlySet<number>;
  },
): Derivation {
  const { dose, everyWeeks } = p;
  const figures = (weeksCovered: number, d: RoundedDose) => ({ weeksCovered, ...d });
  // The regimen's dose is the full interval's (always rounded, even when the schedule ends within the ramp-up).
  const fullWeeks = Math.max(...p.doses.keys());
  const full = figures(fullWeeks, p.doses.get(fullWeeks)!);
  const rampUp = [...p.doses]
    .filter(([weeks]) => weeks < fullWeeks)
    .sort(([a], [b]) => a - b)
    .map(([weeks, d]) => figures(weeks, d));
  const given = input.scig?.givenIvigCourse !== undefined;
  const scig: ScigDoseDerivation = {
    route: "scig",
    dosingWeightKg: context.dosingWeightKg,
    doseGPerKg: input.doseGPerKg,
    intervalWeeks: input.intervalWeeks,
    ivigExactMg: dose.ivigExactMg,
    ivigBaseMg: dose.ivigBaseMg,
    ivigBaseRule: given ? "given" : dose.ivigBaseMg === dose.ivigExactMg ? "exact" : "nearest-5g",
    factor: { value: dose.factor.value, text: dose.factor.text, source: dose.factor.sources[0] ?? null },
    weeklyExactMg: dose.weeklyExactMg,
    everyWeeks,
    everyWeeksSource: everyWeeks > 1 ? factSource(product.intervalsWeeks) : null,
    sessions: p.sessions,
    askedRounding: { mode: dose.askedRounding, setBy: dose.roundingSource },
    vialSizesG: p.vialSizesG,
    full,
    rampUp: product.facilitated ? rampUp : [],
    rampUpSource: product.facilitated ? product.facilitated.rampUp.source : null,
  };
  // Vials are explained for the doses this schedule dispenses (a schedule ending in the ramp-up never gives the full one).
  const fullGiven = p.givenWeeks.has(fullWeeks) ? full.sessionsMg : [];
  const sessionDoses = new Set([...fullGiven, ...scig.rampUp.flatMap((r) => r.sessionsMg)]);
  const conc = product.concentrationGPerMl.value;
  const distinct = [...sessionDoses]
    .sort((a, b) => b - a)
    .map((mg) => [mg, p.stock.select(mg), roundTo(mgToG(mg) / conc, 1)] as const);
  const sizes = { sizesG: p.vialSizesG, given: input.vialSizesG !== undefined };
  return {
    input,
    dosingWeight: context.decision,
    dose: scig,
    vials: vialDerivations(product, context.region, sizes, distinct),
  };
}

/**
 * The SCIG product asked for, with the chosen region's site limits; one whose per-site limits for this
 * weight are not encoded is refused.
 */
function scigProductFor(input: ScheduleInput, region: Region): ScigProduct {
  const productId = input.scig?.productId ?? DEFAULT_SCIG_PRODUCT_ID;
  const product = findScigProduct(productId, region);
  if (!product) throw new DomainError("UNKNOWN_PRODUCT", "scigProduct", `unknown SCIG product '${productId}'`);
  if (input.weightKg < product.limitsFromKg) {
    throw new DomainError(
      "SCIG_LIMITS_NOT_ENCODED",
      "scigProduct",
      `${option("route", "scig")} with ${product.name}: its per-site limits for patients under ${product.limitsFromKg} kg ` +
        `are not encoded; the label ` +
        `gives other limits`,
      ["route"],
    );
  }
  return product;
}

/** The factor and the weekly dose it gives, with the factor, study and weekly-maximum messages. */
function convertDose(
  input: ScheduleInput,
  today: IsoDate,
  context: PlanContext,
  product: ScigProduct,
  log: MessageLog,
): ScigDose {
  const kg = context.dosingWeightKg;
  const factor = resolveFactor(product, input.scig?.factor);
  const given = input.scig?.givenIvigCourse;
  const ivigExactMg = gToMg(kg * input.doseGPerKg);
  log.note(
    "SCIG_FACTOR",
    `SCIG:IVIG factor ${factor.text}${givenCourseText(given, kg, input.doseGPerKg)}`,
    factor.sources,
  );
  if (factor.value < MIN_SCIG_FACTOR_WITHOUT_WARNING.value) {
    const text =
      `a factor of ${formatNumber(factor.value)} gives less than the IVIG dose: starting SCIG at 50 % of the IVIG dose failed ` +
      `in 4 of 5 MMN patients`;
    log.warn("SCIG_FACTOR_BELOW_1", text, [MIN_SCIG_FACTOR_WITHOUT_WARNING.source]);
  }
  const { rounding, source: roundingSource } = roundingOf(input, context.policy);
  // A plan's SCIG phase converts the IVIG course the previous phase gave, already rounded as dispensed.
  const ivigBaseMg = given ? given.courseMg : rounding === "5g" ? nearestFiveGramsMg(ivigExactMg) : ivigExactMg;
  const weeklyExactMg = (ivigBaseMg / input.intervalWeeks) * factor.value;
  // Doses are kept to 10 mg; below that the weekly dose would read as 0 g (e.g. 0.1 g/kg a year at 2 kg, factor 0.1).
  if (weeklyExactMg < UNROUNDED_STEP_MG) {
    throw new DomainError(
      "SCIG_DOSE_TOO_SMALL",
      "dose",
      `the SCIG dose works out to ${formatNumber(weeklyExactMg, 2)} mg a week, below the 10 mg the tool resolves: check ` +
        `${option("dose")}, ${option("every")} and ${option("scigFactor")}`,
      ["every", "scigFactor"],
    );
  }
  const atStudyMg = (ivigBaseMg / input.intervalWeeks) * MMN_STUDY_FACTOR.value;
  const studyInput = { ...input, scig: { ...input.scig, factor: MMN_STUDY_FACTOR.value } };
  const mmnStudy = mmnStudyFactorWarning(input, factor.value, atStudyMg, () =>
    accepts(() => planScig(studyInput, today)),
  );
  if (mmnStudy) log.warnings.push(mmnStudy);
  if (rounding === "5g" && given === undefined) {
    const how = "the nearest 5 g of the IVIG course dose";
    checkRoundingTolerance(ivigExactMg, ivigBaseMg, how, roundingRemedy("5g"), SCIG_REFUSAL);
    const text = `IVIG course dose ${g(ivigExactMg)} rounded to the nearest 5 g = ${g(ivigBaseMg)} before dividing by the weeks (Ontario)`;
    log.note("ROUNDED", text, [ONTARIO_ROUNDING_STEP_G.source]);
  }
  weeklyMaximumMessage(input, kg, factor.value, weeklyExactMg, log);
  const vialOrNone = rounding === "none" ? "none" : "vial";
  return {
    factor,
    rounding: vialOrNone,
    roundingSource,
    ivigBaseMg,
    ivigExactMg,
    askedRounding: rounding,
    weeklyExactMg,
  };
}

/**
 * Above the 0.4 g/kg/week CIDP label maximum: a warning, unless it is the dose the MMN study used (Muscle
 * Nerve 2016: 1:1 for patients on 2 g/kg/month, 1.53:1 below; Harbo 2009: "equivalent dosages"), which is
 * a note citing the study that keeps the label maximum visible: 2 g/kg every 4 weeks 1:1 is 0.5 g/kg/week.
 */
function weeklyMaximumMessage(
  input: ScheduleInput,
  kg: number,
  factor: number,
  weeklyMg: number,
  log: MessageLog,
): void {
  const perKg = weeklyMg / 1000 / kg;
  if (perKg <= MAX_WEEKLY_G_PER_KG.value + 1e-9) return;
  const monthly = input.doseGPerKg * (DAYS_PER_MONTH / (7 * input.intervalWeeks));
  const studyFactor = monthly < MMN_STUDY_MONTHLY_G_PER_KG.value - 1e-9 ? MMN_STUDY_FACTOR.value : 1;
  // The study's patients were on up to 2 g/kg/month: 2 g/kg every 4 weeks (0.5 g/kg a week of IVIG) at most.
  const inStudy = factor <= studyFactor + 1e-9 && input.doseGPerKg / input.intervalWeeks <= 0.5 + 1e-9;
  const text =
    `${g(weeklyMg)} a week is ${formatNumber(perKg, 3)} g/kg, above the ${MAX_WEEKLY_G_PER_KG.value} g/kg/week SCIG CIDP ` +
    `label maximum`;
  if (!inStudy) {
    log.warn("SCIG_WEEKLY_ABOVE_0_4_G_PER_KG", text, [MAX_WEEKLY_G_PER_KG.source]);
    return;
  }
  log.note(
    "SCIG_WEEKLY_MMN_STUDY",
    `${text}: it is the MMN study's dose (Muscle Nerve 2016: ${formatNumber(studyFactor)}:1 SCIG:IVIG for patients on ` +
      `${studyFactor === 1 ? "" : "less than "}2 g/kg/month of IVIG; Harbo 2009: "equivalent dosages")`,
    [MAX_WEEKLY_G_PER_KG.source, SOURCES.muscleNerve2016, SOURCES.harbo2009],
  );
}

/** "; converts the 80 g IVIG course phase 1 gave (…), not the exact 82 kg × 1 g/kg = 82 g" in a plan. */
function givenCourseText(given: ScigOptions["givenIvigCourse"], kg: number, doseGPerKg: number): string {
  if (given === undefined) return "";
  const exactMg = gToMg(kg * doseGPerKg);
  const what = `; converts the ${g(given.courseMg)} IVIG course phase ${given.phase} gave (${given.productName}, as dispensed)`;
  if (given.courseMg === exactMg) return what;
  return `${what}, not the exact ${formatNumber(kg)} kg × ${formatNumber(doseGPerKg)} g/kg = ${g(exactMg)}`;
}

/** `--scig-every`, else the product's default; HyQvia's daily volume and the label's intervals are checked. */
function scigInterval(input: ScheduleInput, product: ScigProduct, weeklyExactMg: number, log: MessageLog): number {
  const allowed = product.intervalsWeeks.value;
  const everyWeeks =
    input.scig?.everyWeeks ?? defaultEveryWeeks(product, input.intervalWeeks, weeklyExactMg, log.noteOnce);
  checkDailyVolume(product, everyWeeks, weeklyExactMg);
  if (!allowed.includes(everyWeeks)) {
    const weeks = `week${allowed.length > 1 || allowed[0] !== 1 ? "s" : ""}`;
    throw new DomainError(
      "SCIG_INTERVAL_NOT_ALLOWED",
      "scigEvery",
      `${option("scigEvery", everyWeeks)}: ${product.name} is given every ${allowed.join(" or ")} ${weeks} (label)`,
    );
  }
  return everyWeeks;
}

/**
 * How many of the first sessions are first infusions: the product's count, or none when the same
 * SCIG product was given within the last 8 weeks (a treatment plan's previous phase).
 */
function firstInfusionsOf(input: ScheduleInput, product: ScigProduct, firstDate: IsoDate): number {
  const previous = input.previousInfusion;
  const continues =
    previous !== undefined &&
    previous.route === "scig" &&
    previous.productId === product.id &&
    daysBetween(previous.date, firstDate) <= FIRST_INFUSION_GAP_DAYS.value;
  return continues ? 0 : product.firstInfusions.value;
}

/** The first SCIG date: one week after --last-ivig, else --start or today, with a note either way. */
function scigStart(
  input: ScheduleInput,
  today: IsoDate,
  everyWeeks: number,
  log: MessageLog,
): { startDate: IsoDate; startRule: string } {
  const lastScig = input.continuing?.lastScigDate;
  if (lastScig !== undefined) {
    // An established SCIG patient goes on at the interval (the CONTINUES note gives the rates).
    const startDate = continuedStart(input, today, everyWeeks);
    const rule =
      input.startDate !== undefined ? option("start") : `${plural(everyWeeks, "week")} after the last SCIG dose`;
    log.note("SCIG_START", `SCIG goes on from ${startDate} (${rule} on ${lastScig})`);
    return { startDate, startRule: `${rule} on ${lastScig}` };
  }
  const lastIvig = input.scig?.lastIvigDate;
  if (lastIvig !== undefined && input.startDate !== undefined) {
    // A treatment plan's SCIG phase with its own start after an IVIG phase.
    const days = daysBetween(lastIvig, input.startDate);
    const labelDate = addCalendarDays(lastIvig, 7 * WEEKS_AFTER_LAST_IVIG.value);
    const text =
      `SCIG starts ${input.startDate} (its start), ${days} days after the last IVIG infusion on ${lastIvig}; the labels start SCIG one ` +
      `week after the last IVIG`;
    // Earlier than the labels' week is a warning, with the date the labels give.
    if (input.startDate < labelDate)
      log.warn("SCIG_STARTS_EARLY", `${text} (${labelDate})`, [WEEKS_AFTER_LAST_IVIG.source]);
    else log.note("SCIG_START", text, [WEEKS_AFTER_LAST_IVIG.source]);
    return { startDate: input.startDate, startRule: `start, ${days} days after the last IVIG on ${lastIvig}` };
  }
  const previous = input.previousInfusion;
  if (previous?.route === "scig" && input.startDate !== undefined) {
    // A treatment plan's SCIG phase after an SCIG phase: the patient is on SCIG already.
    log.note(
      "SCIG_START",
      `SCIG goes on from ${input.startDate}, after the previous phase's last SCIG infusion on ${previous.date}`,
    );
    return { startDate: input.startDate, startRule: `after the previous SCIG infusion on ${previous.date}` };
  }
  if (lastIvig !== undefined) {
    const startDate = addCalendarDays(lastIvig, 7 * WEEKS_AFTER_LAST_IVIG.value);
    log.note("SCIG_START", `SCIG starts ${startDate}, one week after the last IVIG infusion (label)`, [
      WEEKS_AFTER_LAST_IVIG.source,
    ]);
    return { startDate, startRule: `1 week after the last IVIG on ${lastIvig}` };
  }
  const startDate = input.startDate ?? today;
  const startRule = input.startDate ? option("start") : "today";
  const text =
    `SCIG starts ${startDate} (${startRule}); the labels start SCIG one week after the last IVIG: give ${option("lastIvig")} to date it ` +
    `from there`;
  log.note("SCIG_START", text, [WEEKS_AFTER_LAST_IVIG.source]);
  return { startDate, startRule };
}

/** The infusions of the period (with HyQvia's ramp-up), at most four times the course limit. */
function scigInfusionWeeks(
  input: ScheduleInput,
  product: ScigProduct,
  everyWeeks: number,
  startDate: IsoDate,
  log: MessageLog,
): ScigInfusionPlan[] {
  const doses = input.scig?.doses;
  // --doses counts SCIG doses; the period of n doses is at most n intervals (a ramp-up's doses are shorter).
  const period = doses !== undefined ? doses * everyWeeks : scigPeriodWeeks(input, startDate);
  // An established patient on this product goes on at the full dose; a switch to HyQvia ramps up
  // (HyQvia PI: patients switching from SCIG get the full interval after the ramp-up).
  const continues = input.continuing?.lastScigDate !== undefined && input.previousInfusion?.productId === product.id;
  const rampUp = !continues;
  const weeks = infusionWeeks(product, everyWeeks, period, rampUp);
  const plan = doses !== undefined ? weeks.slice(0, doses) : weeks;
  const max = LIMITS.courses.max * 4;
  if (plan.length > max) {
    throw new DomainError(
      "TOO_MANY_COURSES",
      input.untilDate !== undefined ? "until" : "courses",
      `the period gives ${plan.length} SCIG infusions; at most ${max} are scheduled at ` + `once`,
    );
  }
  const ramp = product.facilitated?.rampUp;
  if (ramp && plan.some((p) => p.weeksCovered < everyWeeks)) {
    log.note("HYQVIA_RAMP_UP", `HyQvia ramp-up: ${ramp.value} (${ramp.note})`, [ramp.source]);
  }
  return plan;
}

/** The regimen's `scig` object: the IVIG prescription converted, the factor, and how the SCIG dose is given. */
function scigFields(
  input: ScheduleInput,
  dose: ScigDose,
  given: { everyWeeks: number; sessions: number; rampUp: boolean; startRule: string },
): NonNullable<Regimen["scig"]> {
  return {
    factor: dose.factor.value,
    factorSource: dose.factor.text,
    ivigDoseGPerKg: input.doseGPerKg,
    ivigCourseDoseG: mgToG(dose.ivigBaseMg),
    ivigIntervalWeeks: input.intervalWeeks,
    weeklyDoseG: roundTo(dose.weeklyExactMg / 1000, 3),
    ...given,
  };
}

/** One rounding per distinct number of weeks covered, split into the sessions; a rounding note for the full dose. */
function roundDoses(
  plan: readonly ScigInfusionPlan[],
  dose: ScigDose,
  sessions: number,
  stock: VialStock,
  everyWeeks: number,
  log: MessageLog,
): Map<number, RoundedDose> {
  const doses = new Map<number, RoundedDose>();
  // The full interval's dose is the regimen's even when the schedule ends within HyQvia's ramp-up
  // (--doses 1 lists the 1-week dose; the prescription is still the full dose every interval).
  for (const weeksCovered of new Set([...plan.map((p) => p.weeksCovered), everyWeeks])) {
    const exactMg = Math.round(dose.weeklyExactMg * weeksCovered);
    const maxDailyMg = Number.MAX_SAFE_INTEGER;
    const request = { exactCourseDoseMg: exactMg, maxDailyMg, requestedDays: sessions, rounding: dose.rounding, stock };
    const d = planCourseDose({ ...request, context: SCIG_REFUSAL });
    doses.set(weeksCovered, { totalMg: d.courseDoseMg, sessionsMg: d.dayDosesMg, exactMg });
  }
  const full = doses.get(everyWeeks)!;
  if (full.totalMg !== full.exactMg) {
    const each = everyWeeks === 1 ? "weekly" : `${everyWeeks}-weekly`;
    const to = dose.rounding === "none" ? "0.01 g" : "whole vials";
    const percent = formatPercent(((full.totalMg - full.exactMg) / full.exactMg) * 100);
    log.note("ROUNDED", `each ${each} dose ${g(full.exactMg)} rounded to ${to} = ${g(full.totalMg)} (${percent})`);
  }
  return doses;
}

/** What the infusion records of an SCIG plan are built from. */
interface ScigDays {
  readonly plan: readonly ScigInfusionPlan[];
  readonly doses: ReadonlyMap<number, RoundedDose>;
  readonly stock: VialStock;
  readonly placement: SchedulePlacement;
  readonly everyWeeks: number;
  readonly log: MessageLog;
  /** The number of the first dose printed (--courses-given). */
  readonly firstCourse: number;
}

/** The infusion sessions of every placed dose: the product's first infusions, then later ones. */
function scigInfusions(
  input: ScheduleInput,
  context: PlanContext,
  product: ScigProduct,
  s: ScigDays,
): { infusions: Infusion[]; courseTotals: CourseTotal[] } {
  const kg = context.dosingWeightKg;
  const volumeMl = (mg: number) => roundTo(mgToG(mg) / product.concentrationGPerMl.value, 1);
  const sessionContext = { given: input.scig ?? {}, everyWeeks: s.everyWeeks, warn: s.log.warn, note: s.log.noteOnce };
  const infusions: Infusion[] = [];
  const courseTotals: CourseTotal[] = [];
  const firstCount = firstInfusionsOf(input, product, s.placement.courses[0]![0]!.date);
  s.plan.forEach((p, c) => {
    const dose = s.doses.get(p.weeksCovered)!;
    const dispensed = dose.sessionsMg.map((mg) => s.stock.select(mg));
    const placed = s.placement.courses[c]!;
    dose.sessionsMg.forEach((mg, i) => {
      const kind = infusions.length < firstCount ? "first" : "later";
      const ml = volumeMl(mg);
      const session = scigSession(product, kind, ml, kg, sessionContext);
      const f = product.facilitated;
      const hyaluronidase = f ? { hyaluronidaseMl: roundTo(mgToG(mg) * f.hyaluronidaseMlPerG.value, 1) } : {};
      const daysInCourse = dose.sessionsMg.length;
      const day = {
        placed: placed[i]!,
        course: c + s.firstCourse,
        day: i + 1,
        daysInCourse,
        doseMg: mg,
        dosingWeightKg: kg,
        volumeMl: ml,
      };
      infusions.push(infusionRecord({ ...day, given: dispensed[i]!, kind }, { ...session, ...hyaluronidase }));
    });
    courseTotals.push(
      courseTotal(
        c + s.firstCourse,
        placed,
        dose.totalMg,
        volumeMl(dose.totalMg),
        dispensed.map((d) => d.vials),
      ),
    );
  });
  return { infusions, courseTotals };
}

/** The regimen of an SCIG plan: the SCIG regimen itself, with the IVIG prescription it converts under `scig`. */
function scigRegimen(
  input: ScheduleInput,
  context: PlanContext,
  product: ScigProduct,
  vialSizesG: readonly number[],
  r: { scig: NonNullable<Regimen["scig"]>; full: RoundedDose; dose: ScigDose; courses: number; startDate: IsoDate },
): Regimen {
  const kg = context.dosingWeightKg;
  // The SCIG regimen itself, so that doseGPerKg × dosing weight ≈ courseDoseG every intervalWeeks
  // holds for both routes; the IVIG prescription it converts is under scig.
  return regimenJson(
    "scig",
    product,
    context.region,
    vialSizesG,
    { rates: null, scig: r.scig },
    {
      doseGPerKg: roundPositive(mgToG(r.full.exactMg) / kg, 3),
      intervalWeeks: r.scig.everyWeeks,
      daysPerCourse: r.scig.sessions,
      daysPerCourseReason: "requested",
      maxDailyGPerKg: input.maxDailyGPerKg,
      exactCourseDoseMg: r.full.exactMg,
      courseDoseMg: r.full.totalMg,
      rounding: r.dose.rounding,
      roundingSource: r.dose.roundingSource,
      dayDosesMg: r.full.sessionsMg,
      dosingWeightKg: kg,
      courses: r.courses,
      startDate: r.startDate,
      untilDate: input.untilDate,
    },
  );
}

/** The EFNS check of the IVIG regimen converted, the label, vial and placement messages. */
function finishMessages(
  input: ScheduleInput,
  context: PlanContext,
  product: ScigProduct,
  s: { infusions: readonly Infusion[]; placement: SchedulePlacement; log: MessageLog },
): void {
  const { log } = s;
  log.warnings.push(...efnsMaintenanceWarnings(input, `the IVIG regimen converted, ${ivigRegimenText(input)},`));
  const label = labelMessages(product, context.region);
  log.warnings.push(...label.warnings);
  const vials = vialNotes(product, input.vialSizesG, context.region, input.settingOrigins);
  log.notes.push(...label.notes, ...vials, ...movedNotes(s.infusions, input.avoid), ...s.placement.notes);
  log.warnings.push(...s.placement.warnings);
}

/**
 * IVIG below 2 g/kg/month converted at less than 1.53: name the study's factor and the weekly dose
 * it gives; offer `--scig-factor 1.53` when no factor was given and the tool accepts it.
 */
function mmnStudyFactorWarning(
  input: ScheduleInput,
  factor: number,
  weeklyAtStudyMg: number,
  studyFactorAccepted: () => boolean,
): Message | undefined {
  const monthly = input.doseGPerKg * (DAYS_PER_MONTH / (7 * input.intervalWeeks));
  if (monthly >= MMN_STUDY_MONTHLY_G_PER_KG.value - 1e-9 || factor >= MMN_STUDY_FACTOR.value - 1e-9) return undefined;
  const remedy =
    input.scig?.factor === undefined && studyFactorAccepted() ? [option("scigFactor", MMN_STUDY_FACTOR.value)] : [];
  return message(
    "SCIG_FACTOR_BELOW_MMN_STUDY",
    `the IVIG converted is ${formatNumber(monthly, 2)} g/kg/month, below ${MMN_STUDY_MONTHLY_G_PER_KG.value}: the MMN study the tool ` +
      `cites (Muscle Nerve 2016) used 1.53:1 SCIG:IVIG there, and 3 of 6 patients on less than 1.53:1 developed intolerable weakness by ` +
      `month 3; a factor of 1.53 gives ${g(weeklyAtStudyMg)} a week (this plan: ${formatNumber(factor)})`,
    [MMN_STUDY_FACTOR.source],
    remedy,
  );
}

/** A factor, the text that names where it comes from, and its sources. */
interface ResolvedFactor {
  readonly value: number;
  readonly text: string;
  readonly sources: readonly Source[];
}

/** `--scig-factor` (a number, or `label` for the product's PI factor), else 1:1; a named factor cites its sources. */
function resolveFactor(product: ScigProduct, asked: number | "label" | undefined): ResolvedFactor {
  if (asked === "label") {
    const f = product.labelFactor;
    if (f.value === null) {
      throw new DomainError(
        "SCIG_FACTOR_NOT_FOUND",
        "scigFactor",
        `${option("scigFactor", "label")}: ${product.name}'s label factor was not ` + `found; give a number`,
      );
    }
    return {
      value: f.value,
      text: `${formatNumber(f.value)}, the ${product.name} ` + `label's${"note" in f && f.note ? ` (${f.note})` : ""}`,
      sources: [(f as Sourced<number>).source],
    };
  }
  const value = asked ?? DEFAULT_SCIG_FACTOR.value;
  const named = NAMED_FACTORS.find((n) => Math.abs(n.factor - value) < 1e-9);
  return named
    ? { value, text: named.text, sources: named.sources }
    : { value, text: `${formatNumber(value)}, set with ${option("scigFactor")}`, sources: [] };
}

/** Weeks the SCIG schedule covers: the same period as the IVIG courses it replaces. */
function scigPeriodWeeks(input: ScheduleInput, startDate: IsoDate): number {
  if (input.untilDate !== undefined) {
    const days = daysBetween(startDate, input.untilDate);
    if (days < 0)
      throw new DomainError(
        "UNTIL_BEFORE_START",
        "until",
        `${option("until", input.untilDate)} is before the SCIG start ${startDate}`,
      );
    return Math.floor(days / 7) + 1;
  }
  return (input.courses ?? DEFAULTS.courses) * input.intervalWeeks;
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
      `${product.name} every ${plural(weeks, "week")}, not ${wanted}: ${wanted} weeks' dose ` +
        `(${formatNumber(roundTo(ml(wanted), 1))} mL) is above ` +
        `its ${f.maxMlPerDay.value} mL a day; ${option("scigEvery")} sets another interval`,
      [f.maxMlPerDay.source],
    );
  }
  return weeks;
}

/**
 * HyQvia is one session a dose, at most its label's daily volume: a dose above it is refused,
 * naming the intervals whose dose would fit (never planned with exit 0).
 */
function checkDailyVolume(product: ScigProduct, everyWeeks: number, weeklyMg: number): void {
  const f = product.facilitated;
  if (!f) return;
  const ml = (weeks: number) => (weeklyMg * weeks) / 1000 / product.concentrationGPerMl.value;
  if (ml(everyWeeks) <= f.maxMlPerDay.value) return;
  const fits = product.intervalsWeeks.value.filter((w) => w < everyWeeks && ml(w) <= f.maxMlPerDay.value);
  const volume = `${formatNumber(roundTo(ml(everyWeeks), 1))} mL of HyQvia every ${plural(everyWeeks, "week")}`;
  const remedy = fits.length > 0 ? `give it more often (${scigEveryText(fits)})` : OTHER_PRODUCT_REMEDY;
  const options: readonly OptionKey[] = fits.length > 0 ? ["scigEvery"] : OTHER_PRODUCT_OPTIONS;
  throw new DomainError(
    "HYQVIA_DAILY_VOLUME",
    options[0],
    `${option("route", "scig")}: ${volume} is above its label's ${f.maxMlPerDay.value} mL a day (one session); ${remedy}`,
    [...options.slice(1), "route"],
  );
}

/**
 * When each infusion falls. HyQvia ramps up: infusion k covers k weeks and the next comes k weeks
 * later, until the full interval (PI: 1-, 2-, 3-, then 4-week doses at weeks 1, 2, 4, 7).
 */
function infusionWeeks(
  product: ScigProduct,
  everyWeeks: number,
  periodWeeks: number,
  rampUp: boolean,
): ScigInfusionPlan[] {
  const out: ScigInfusionPlan[] = [];
  let week = 0;
  if (product.facilitated && rampUp) {
    for (let k = 1; k < everyWeeks && week < periodWeeks; k++) {
      out.push({ weekOffset: week, weeksCovered: k });
      week += k;
    }
  }
  for (; week < periodWeeks; week += everyWeeks) out.push({ weekOffset: week, weeksCovered: everyWeeks });
  if (out.length === 0) out.push({ weekOffset: 0, weeksCovered: everyWeeks });
  return out;
}
