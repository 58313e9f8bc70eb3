import { addCalendarDays, daysBetween, type IsoDate } from "./calendarDate.js";
import {
  CAP_SLACK_MG,
  MAX_DAYS_PER_COURSE,
  nearestFiveGramsMg,
  courseDoseOrRefusal,
  planCourseDose,
  type CourseDose,
  type Rounding,
} from "./courseDose.js";
import { continuation, continuationNote, continuedPrevious, continuedStart, firstCourseNumber } from "./continuing.js";
import { DomainError, Refusal } from "./domainError.js";
import { formatNumber, formatPercent, g, gPerKg, plural, roundTo } from "./format.js";
import { DEFAULTS, LIMITS, type ScheduleInput } from "./input.js";
import { labelMessages } from "./labelRegion.js";
import { message, type NoteCode, type WarningCode } from "./messages.js";
import { movedNotes, placeSchedule, type SchedulePlacement } from "./placement.js";
import { planContext, type PlanContext, type RoutePlan } from "./planner.js";
import { ageRiskWarnings } from "./ageRiskWarnings.js";
import {
  atRiskFirstInfusionsOnly,
  buildRatePlan,
  checkChairTime,
  fastestLabelNote,
  infusionMinutes,
  resolveRates,
  type RateStep,
  type ResolvedRates,
} from "./ratePlan.js";
import {
  courseTotal,
  efnsMaintenanceWarnings,
  infusionRecord,
  type InfusionDay,
  ivigRegimenText,
  monthlyDoseGPerKg,
  regimenJson,
  roundingDifferencePercent,
  roundingOf,
} from "./regimen.js";
import type { CourseTotal, Infusion, Message, Regimen } from "./resultSchema.js";
import { settingValue } from "./settingOrigin.js";
import { chooseVialSizes, vialNotes } from "./vialChoice.js";
import { createVialStock, gToMg, mgToG, type Dispensing, type VialStock } from "./vials.js";
import {
  AT_RISK_DAY_G_PER_KG,
  AT_RISK_SPLIT_DAY_G_PER_KG,
  FIRST_INFUSION_GAP_DAYS,
  GAMMAGARD_MMN_MONTHLY_G_PER_KG,
  MAX_DAILY_G_PER_KG,
  ONTARIO_ROUNDING_STEP_G,
  RENAL_RISK_AGE_YEARS,
  ROUNDING_TOLERANCE_PERCENT,
} from "../data/guidelines.js";
import { ADJUSTMENT_FACTOR, DEVINE, type Policy } from "../data/policies.js";
import { findProduct, STANDARD_RATE_WEIGHT_RANGE_KG, type IvigProduct } from "../data/products.js";
import type { DosingWeightDecision } from "./dosingWeight.js";
import { type Derivation, factSource, type IvigDoseDerivation, vialDerivations } from "./derivation.js";
import { SOURCES, type Source } from "../data/sources.js";
import { option } from "./optionKeys.js";

/**
 * Plans dated IVIG courses: each course dose split over the fewest days within --max-daily, rounded
 * as the policy says, placed on allowed days, with each day's pump plan and chair time.
 *
 * @example
 * planIvig({ weightKg: 70, weightAsEntered: "70", doseGPerKg: 2, intervalWeeks: 4, maxDailyGPerKg: 1,
 *   courses: 6, productId: "gammagard-liquid" }, "2026-12-01") //=> { regimen: { courseDoseG: 140, … }, … }
 */
export function planIvig(given: ScheduleInput, today: IsoDate): RoutePlan {
  const product = findProduct(given.productId);
  if (!product) throw new DomainError("UNKNOWN_PRODUCT", "product", `unknown product '${given.productId}'`);
  const context = planContext(given);
  const course = planIvigCourse(given, context, product);
  const days = course.courseDose.dayDosesMg.length;
  // An established patient's last course is the infusion before this schedule (--last-course).
  const input: ScheduleInput = { ...given, previousInfusion: continuedPrevious(given, days) };
  const startDate = continuedStart(input, today, input.intervalWeeks);
  const firstCourse = firstCourseNumber(input);
  const placement = placeSchedule(
    Array.from({ length: countCourses(input, startDate) }, (_, c) => ({
      plannedStart: addCalendarDays(startDate, c * 7 * input.intervalWeeks),
      count: days,
    })),
    input.avoid,
    firstCourse,
  );
  const { infusions, courseTotals } = ivigInfusions(input, course, placement, firstCourse);
  const rateWarnings = atRiskWarnings(input, course, infusions);
  const first = { date: infusions[0]!.date, course: firstCourse };
  const continued = continuation(given, input.previousInfusion, days, first, input.productId);
  const longest = infusions.reduce((a, b) => (b.durationMinutes > a.durationMinutes ? b : a));
  checkChairTime(longest, input.rates);
  return {
    context,
    product,
    regimen: ivigRegimen(input, course, startDate, placement.courses.length),
    infusions,
    courseTotals,
    leadWarnings: [],
    warnings: ivigWarnings(input, { ...course, rates: { ...course.rates, warnings: rateWarnings } }, placement),
    notes: [...continuationNote(continued), ...ivigNotes(input, course, placement, infusions)],
    continuation: continued,
    derivation: ivigDerivation(input, course),
  };
}

/** How each figure of the course was reached, as planned (what `--explain` renders). */
function ivigDerivation(input: ScheduleInput, course: IvigCourse): Derivation {
  const { product } = course;
  const conc = product.concentrationGPerMl.value;
  const distinct = [...course.dispensing].map(([mg, given]) => [mg, given, roundTo(mgToG(mg) / conc, 1)] as const);
  const sizes = { sizesG: course.vialSizesG, given: input.vialSizesG !== undefined };
  return {
    input,
    dosingWeight: course.decision,
    dose: course.dose,
    vials: vialDerivations(product, course.context.region, sizes, distinct),
    rates: { resolved: course.rates, plans: course.plans, source: rateSource(product, input, course.rates) },
  };
}

/** The record of an IVIG course dose: exact dose, cap and what set it, days and why, each rounding step, the split. */
function ivigDoseDerivation(
  input: ScheduleInput,
  kg: number,
  courseDose: CourseDose,
  figures: { exactCourseDoseMg: number; maxDailyMg: number; vialSizesG: readonly number[] },
  rounding: { rounding: Rounding; roundingSource: Regimen["roundingSource"] },
): IvigDoseDerivation {
  const { exactCourseDoseMg: exactMg, maxDailyMg } = figures;
  const count = courseDose.dayDosesMg.length;
  return {
    route: "ivig",
    dosingWeightKg: kg,
    doseGPerKg: input.doseGPerKg,
    exactCourseDoseMg: exactMg,
    cap: { mg: maxDailyMg, gPerKg: input.maxDailyGPerKg, source: MAX_DAILY_G_PER_KG.source },
    days:
      courseDose.daysReason === "requested"
        ? { reason: "requested", count, requested: input.daysPerCourse ?? count }
        : { reason: "fewest-within-cap", count },
    rounding: {
      mode: rounding.rounding,
      setBy: rounding.roundingSource,
      exactMg,
      totalMg: courseDose.courseDoseMg,
      // Ontario's step before whole vials are checked: when vials cannot make it, the note and --explain say so.
      nearestFiveMg: rounding.rounding === "5g" ? nearestFiveGramsMg(exactMg) : undefined,
      vialSizesG: figures.vialSizesG,
    },
    dayDosesMg: courseDose.dayDosesMg,
    intervalWeeks: input.intervalWeeks,
    monthlyDoseGPerKg: monthlyDoseGPerKg(courseDose.courseDoseMg, kg, input.intervalWeeks),
  };
}

/**
 * The label fact a rate plan cites: its initial rate and maximum come from the label unless an
 * option set them; with both set, the label's steps, if the plan uses them.
 */
function rateSource(product: IvigProduct, input: ScheduleInput, rates: ResolvedRates): Source | null {
  const given = input.rates ?? {};
  if (given.initialMlPerKgPerHour === undefined) return factSource(product.rates.initialMlPerKgPerHour);
  if (given.maxMlPerKgPerHour === undefined) return factSource(product.rates.maxMlPerKgPerHour);
  return rates.stepsFrom === "label" ? factSource(product.rates.intermediateMlPerKgPerHour) : null;
}

/**
 * The rate warnings, with AT_RISK reworded when `--at-risk` changed no infusion: every infusion is a
 * first infusion and the first-infusion plan is the one the schedule would have without `--at-risk`.
 */
function atRiskWarnings(input: ScheduleInput, course: IvigCourse, infusions: readonly Infusion[]): readonly Message[] {
  const { rates, product, dosingWeightKg, plans } = course;
  if (input.rates?.atRisk !== true || rates.maxFrom !== "atRisk") return rates.warnings;
  if (infusions.some((i) => i.infusionKind !== "first")) return rates.warnings;
  let ordinary: ResolvedRates;
  try {
    ordinary = resolveRates(product, { ...input.rates, atRisk: false, origins: input.settingOrigins });
  } catch {
    return rates.warnings; // without --at-risk a typed rate would be refused: the plans differ
  }
  const same = buildRatePlan(ordinary, "first", dosingWeightKg, product.concentrationGPerMl.value);
  return JSON.stringify(same) === JSON.stringify(plans.first)
    ? atRiskFirstInfusionsOnly(product, rates)
    : rates.warnings;
}

/** One IVIG course as planned, before it is placed on the calendar: what every later step reads. */
interface IvigCourse {
  readonly input: ScheduleInput;
  readonly context: PlanContext;
  readonly product: IvigProduct;
  readonly rates: ResolvedRates;
  readonly plans: { readonly first: RateStep[]; readonly later: RateStep[] };
  readonly vialSizesG: readonly number[];
  readonly rounding: Rounding;
  readonly roundingSource: Regimen["roundingSource"];
  readonly policy: Policy | undefined;
  readonly decision: DosingWeightDecision;
  readonly dosingWeightKg: number;
  readonly courseDose: CourseDose;
  /** How the course dose, its cap, days and rounding were reached: what the notes and `--explain` say. */
  readonly dose: IvigDoseDerivation;
  readonly exactCourseDoseMg: number;
  readonly maxDailyMg: number;
  readonly roundingDifferencePercent: number;
  readonly monthlyDoseGPerKg: number;
  readonly dispensing: ReadonlyMap<number, Dispensing>;
  readonly stock: VialStock;
}

/** Rates, rounding, vials and the split of one course (its refusals name the course and its cap). */
function planIvigCourse(input: ScheduleInput, context: PlanContext, product: IvigProduct): IvigCourse {
  const { dosingWeightKg, decision, policy, region } = context;
  const { rounding, source: roundingSource } = roundingOf(input, policy);
  const exactCourseDoseMg = gToMg(dosingWeightKg * input.doseGPerKg);
  const maxDailyMg = gToMg(dosingWeightKg * input.maxDailyGPerKg);
  const vialSizesG = chooseVialSizes(product, input.vialSizesG, region);
  const stock = createVialStock(vialSizesG.map(gToMg));
  const rates = resolveRates(product, { ...input.rates, origins: input.settingOrigins });
  const conc = product.concentrationGPerMl.value;
  const plans = {
    first: buildRatePlan(rates, "first", dosingWeightKg, conc),
    later: buildRatePlan(rates, "later", dosingWeightKg, conc),
  };
  const cap = option("maxDaily", roundTo(input.maxDailyGPerKg, 2));
  const capText = `at most ${formatNumber(mgToG(maxDailyMg))} g a day (${cap} g/kg)`;
  const courseContext = {
    text: `a ${formatNumber(mgToG(exactCourseDoseMg))} g course with ${capText}`,
    options: ["maxDaily" as const],
  };
  const requestedDays = input.daysPerCourse;
  const courseDose = planCourseDose({
    exactCourseDoseMg,
    maxDailyMg,
    requestedDays,
    rounding,
    stock,
    context: courseContext,
  });
  const dispensing = new Map<number, Dispensing>();
  for (const mg of courseDose.dayDosesMg) if (!dispensing.has(mg)) dispensing.set(mg, stock.select(mg));
  const figures = { exactCourseDoseMg, maxDailyMg, vialSizesG };
  const dose = ivigDoseDerivation(input, dosingWeightKg, courseDose, figures, { rounding, roundingSource });
  return {
    input,
    context,
    product,
    rates,
    plans,
    vialSizesG,
    rounding,
    roundingSource,
    policy,
    decision,
    dosingWeightKg,
    courseDose,
    dose,
    exactCourseDoseMg,
    maxDailyMg,
    roundingDifferencePercent: roundingDifferencePercent(exactCourseDoseMg, courseDose.courseDoseMg),
    monthlyDoseGPerKg: dose.monthlyDoseGPerKg,
    dispensing,
    stock,
  };
}

/**
 * The infusion days of every placed course. The first course, and every course that starts more
 * than 8 weeks after the previous infusion's placed date, starts as a first infusion (NL-IVIG002:
 * "first infusion or if greater than 8 weeks since last treatment"); --first-infusion makes every
 * course's first day one.
 */
function ivigInfusions(
  input: ScheduleInput,
  course: IvigCourse,
  placement: SchedulePlacement,
  firstCourse: number,
): { infusions: Infusion[]; courseTotals: CourseTotal[] } {
  const { courseDose, dispensing, plans, product, dosingWeightKg } = course;
  const isFirstInfusion = (day: number, gapDays: number | undefined) =>
    day === 0 && (gapDays === undefined || input.firstInfusion === true || gapDays > FIRST_INFUSION_GAP_DAYS.value);
  const volumeMl = (mg: number) => roundTo(mgToG(mg) / product.concentrationGPerMl.value, 1);
  const daysInCourse = courseDose.dayDosesMg.length;
  const infusions: Infusion[] = [];
  const courseTotals: CourseTotal[] = [];
  placement.courses.forEach((placed, c) => {
    const gapDays =
      c === 0
        ? gapAfterPrevious(input, placed[0]!.date)
        : daysBetween(placement.courses[c - 1]!.at(-1)!.date, placed[0]!.date);
    courseDose.dayDosesMg.forEach((doseMg, d) => {
      const kind: InfusionDay["kind"] = isFirstInfusion(d, gapDays) ? "first" : "later";
      const ml = volumeMl(doseMg);
      const given = dispensing.get(doseMg)!;
      const day = {
        placed: placed[d]!,
        course: c + firstCourse,
        day: d + 1,
        daysInCourse,
        doseMg,
        dosingWeightKg,
        volumeMl: ml,
        given,
        kind,
      };
      const durationMinutes = Math.ceil(roundTo(infusionMinutes(plans[kind], ml), 6));
      infusions.push(infusionRecord(day, { ratePlan: plans[kind], durationMinutes }));
    });
    const vials = courseDose.dayDosesMg.map((d) => dispensing.get(d)!.vials);
    courseTotals.push(
      courseTotal(c + firstCourse, placed, courseDose.courseDoseMg, volumeMl(courseDose.courseDoseMg), vials),
    );
  });
  return { infusions, courseTotals };
}

/**
 * Days from the infusion before this schedule (a treatment plan's previous phase) to its first day;
 * undefined (a first infusion) without one, or when the product changes: "start at the lowest rate
 * on first infusion, when switching products, or after a long gap" (docs/clinical.md, NL-IVIG002).
 */
function gapAfterPrevious(input: ScheduleInput, firstDate: IsoDate): number | undefined {
  const previous = input.previousInfusion;
  if (previous === undefined || previous.route !== "ivig" || previous.productId !== input.productId) return undefined;
  return daysBetween(previous.date, firstDate);
}

/**
 * Says why a later course runs at the first-infusion rates: more than 8 weeks after the infusion
 * before it (NL-IVIG002). Not said when --first-infusion asks for it, nor for a schedule's own first
 * course without an earlier infusion (a first infusion needs no reason).
 */
function gapNotes(input: ScheduleInput, placement: SchedulePlacement): Message[] {
  if (input.firstInfusion === true) return [];
  const limit = FIRST_INFUSION_GAP_DAYS.value;
  const firstCourse = firstCourseNumber(input);
  const after = placement.courses.flatMap((placed, c) => {
    // An established patient's first course: the CONTINUES note says which rates and why.
    if (c === 0 && input.continuing !== undefined) return [];
    const before = c === 0 ? input.previousInfusion?.date : placement.courses[c - 1]!.at(-1)!.date;
    const gap = c === 0 ? gapAfterPrevious(input, placed[0]!.date) : daysBetween(before!, placed[0]!.date);
    return gap !== undefined && gap > limit
      ? [`course ${c + firstCourse} (${placed[0]!.date}, ${gap} days after ${before})`]
      : [];
  });
  if (after.length === 0) return [];
  const which = after.length === 1 ? `${after[0]} starts` : `${after.join(", ")} start`;
  return [
    message(
      "FIRST_INFUSION_AFTER_GAP",
      `${which} at the first-infusion rates: more than ${limit} days (8 weeks) after the infusion before it ` +
        `("${FIRST_INFUSION_GAP_DAYS.note}", NL-IVIG002)`,
      [FIRST_INFUSION_GAP_DAYS.source],
    ),
  ];
}

/** The regimen of an IVIG plan: its product, rates and course figures. */
function ivigRegimen(input: ScheduleInput, course: IvigCourse, startDate: IsoDate, courses: number): Regimen {
  const { rates, dosingWeightKg, courseDose } = course;
  const rateFields = {
    indication: rates.indication,
    rateWeightKg: roundTo(dosingWeightKg, 2),
    initialMlPerKgPerHour: roundTo(rates.initialMlPerKgPerHour, 3),
    stepMinutes: rates.stepMinutes,
    intermediateMlPerKgPerHour: rates.intermediateMlPerKgPerHour.map((x) => roundTo(x, 3)),
    maxMlPerKgPerHour: roundTo(rates.maxMlPerKgPerHour, 3),
    firstInfusionMaxMlPerKgPerHour: roundTo(rates.firstInfusionMaxMlPerKgPerHour, 3),
    atRisk: input.rates?.atRisk === true,
  };
  return regimenJson(
    "ivig",
    course.product,
    course.context.region,
    course.vialSizesG,
    { scig: null, rates: rateFields },
    {
      doseGPerKg: input.doseGPerKg,
      intervalWeeks: input.intervalWeeks,
      daysPerCourse: courseDose.dayDosesMg.length,
      daysPerCourseReason: courseDose.daysReason,
      maxDailyGPerKg: input.maxDailyGPerKg,
      exactCourseDoseMg: course.exactCourseDoseMg,
      courseDoseMg: courseDose.courseDoseMg,
      rounding: course.rounding,
      roundingSource: course.roundingSource,
      dayDosesMg: courseDose.dayDosesMg,
      dosingWeightKg,
      courses,
      startDate,
      untilDate: input.untilDate,
    },
  );
}

/** Every warning of an IVIG plan, in the order the output lists them. */
function ivigWarnings(input: ScheduleInput, course: IvigCourse, placement: SchedulePlacement): Message[] {
  const label = labelMessages(course.product, course.context.region);
  return [
    ...course.decision.warnings,
    ...collectWarnings(course),
    ...placement.warnings,
    ...label.warnings,
    ...course.rates.warnings,
    ...ageRiskWarnings(input, course.product),
    ...atRiskDayVolumeWarnings(course),
  ];
}

/** Every note of an IVIG plan, in the order the output lists them. */
function ivigNotes(
  input: ScheduleInput,
  course: IvigCourse,
  placement: SchedulePlacement,
  infusions: readonly Infusion[],
): Message[] {
  const { rates, dosingWeightKg, product, plans } = course;
  const conc = product.concentrationGPerMl.value;
  const largestDay = infusions.reduce((a, b) => (b.volumeMl > a.volumeMl ? b : a));
  const fastest = fastestLabelNote(
    rates,
    dosingWeightKg,
    conc,
    largestDay.volumeMl,
    infusionMinutes(plans.later, largestDay.volumeMl),
  );
  const label = labelMessages(product, course.context.region);
  return [
    ...dosingWeightNotes(course),
    ...movedNotes(infusions, input.avoid),
    ...placement.notes,
    ...gapNotes(input, placement),
    ...course.decision.notes,
    ...collectNotes(course),
    ...label.notes,
    ...vialNotes(product, input.vialSizesG, course.context.region, input.settingOrigins),
    ...rates.notes,
    ...(fastest ? [fastest] : []),
    ...standardTableRangeNote(rates, dosingWeightKg),
  ];
}

/** The courses from --courses, or those starting on or before --until. */
function countCourses(input: ScheduleInput, startDate: IsoDate): number {
  if (input.untilDate === undefined) return input.courses ?? DEFAULTS.courses;
  const span = daysBetween(startDate, input.untilDate);
  if (span < 0) {
    throw new DomainError(
      "UNTIL_BEFORE_START",
      "until",
      `${option("until", input.untilDate)} is before the start date ${startDate}`,
    );
  }
  const count = Math.floor(span / (7 * input.intervalWeeks)) + 1;
  if (count > LIMITS.courses.max) {
    throw new DomainError(
      "TOO_MANY_COURSES",
      "until",
      `${option("until", input.untilDate)} gives ${count} courses; at most ${LIMITS.courses.max} are scheduled at once`,
    );
  }
  return count;
}

/** Daily-cap, rounding-tolerance, EFNS and label warnings of the course. */
function collectWarnings(f: IvigCourse): Message[] {
  const out: Message[] = [];
  const add = (code: WarningCode, text: string, sources: Source[] = [], remedies: string[] = []) =>
    out.push(message(code, text, sources, remedies));
  const { input, dosingWeightKg: kg, courseDose } = f;
  const largestDayMg = Math.max(...courseDose.dayDosesMg);

  if (daysForceAboveCap(f)) {
    add(
      "DAY_ABOVE_MAX_DAILY",
      `${option("days", input.daysPerCourse ?? 0)} puts ${g(largestDayMg)} (${gPerKg(largestDayMg, kg)}) on one day, above ` +
        maxDailyText(input),
      [MAX_DAILY_G_PER_KG.source],
    );
  }
  if (roundedDayExcessPercent(f) > ROUNDING_TOLERANCE_PERCENT.value) {
    const days = courseDose.dayDosesMg.length;
    // Only options the tool accepts when appended: --days and --round only when not already given.
    const moreDays = input.daysPerCourse === undefined && days < MAX_DAYS_PER_COURSE && daysWouldPlan(f, days + 1);
    const remedies = [
      ...(moreDays ? [option("days", days + 1)] : []),
      ...(input.rounding === undefined ? [option("round", "none")] : []),
    ];
    add(
      "ROUNDED_DAY_ABOVE_MAX_DAILY",
      `rounding (${settingValue(f.input.settingOrigins, "round", f.rounding)}) puts ${g(largestDayMg)} ` +
        `(${gPerKg(largestDayMg, kg)}) on a day, ` +
        `${g(largestDayMg - f.maxDailyMg)} (${formatPercent(roundedDayExcessPercent(f))}) above ` +
        `${maxDailyText(input)}, beyond the ${ROUNDING_TOLERANCE_PERCENT.value} % rounding tolerance; ` +
        `${moreDays ? `${option("days", days + 1)} or ` : ""}${option("round", "none")} would keep each day within it`,
      [MAX_DAILY_G_PER_KG.source, ROUNDING_TOLERANCE_PERCENT.source],
      remedies,
    );
  }
  const guidanceMg = gToMg(kg * MAX_DAILY_G_PER_KG.value);
  if (input.maxDailyGPerKg > MAX_DAILY_G_PER_KG.value && largestDayMg > guidanceMg + CAP_SLACK_MG) {
    add(
      "DAY_ABOVE_1_G_PER_KG",
      `${g(largestDayMg)} on one day is ${gPerKg(largestDayMg, kg)}, above the ${MAX_DAILY_G_PER_KG.value} g/kg/day maximum (Ontario ` +
        `IGUM, RRMS entry; no MMN-specific daily maximum was found)`,
      [MAX_DAILY_G_PER_KG.source],
    );
  }
  out.push(...efnsMaintenanceWarnings(input, ivigRegimenText(input)));
  const label = GAMMAGARD_MMN_MONTHLY_G_PER_KG.value;
  if (f.monthlyDoseGPerKg > label.max) {
    add(
      "ABOVE_LABEL_MONTHLY_DOSE",
      `the regimen gives ${formatNumber(f.monthlyDoseGPerKg)} g/kg/month, above the Gammagard Liquid MMN label's ${label.max} g/kg/month`,
      [GAMMAGARD_MMN_MONTHLY_G_PER_KG.source],
    );
  } else if (f.monthlyDoseGPerKg < label.min) {
    add(
      "BELOW_LABEL_MONTHLY_DOSE",
      `the regimen gives ${formatNumber(f.monthlyDoseGPerKg)} g/kg/month, below the Gammagard Liquid MMN label's ${label.min} g/kg/month`,
      [GAMMAGARD_MMN_MONTHLY_G_PER_KG.source],
    );
  }
  return out;
}

/**
 * A patient at risk (`--at-risk`, or a known age over 65) planned a day of 1 g/kg or more: the
 * Gamunex-C label does not recommend its 1 g/kg-a-day regimen where fluid volume may be a concern
 * (docs/clinical.md §7.1), so more days are offered: the fewest (at most 5) that keep each day within
 * 0.5 g/kg, that label's smaller day, as a `--days` remedy when `--days` was not given.
 */
function atRiskDayVolumeWarnings(f: IvigCourse): Message[] {
  const { input, dosingWeightKg: kg, courseDose } = f;
  const age = input.ageYears;
  const older = age !== undefined && age > RENAL_RISK_AGE_YEARS.value;
  if (!input.rates?.atRisk && !older) return [];
  const days = courseDose.dayDosesMg.length;
  const exactDayMg = f.exactCourseDoseMg / days;
  if (exactDayMg + CAP_SLACK_MG < gToMg(kg * AT_RISK_DAY_G_PER_KG.value)) return [];
  const target = Math.min(
    MAX_DAYS_PER_COURSE,
    Math.ceil(f.exactCourseDoseMg / gToMg(kg * AT_RISK_SPLIT_DAY_G_PER_KG.value)),
  );
  // The fewest days whose dispensed (whole-vial) days each stay within 0.5 g/kg; else, as before, the
  // most days up to the prescribed target that can be planned at all.
  const limitMg = gToMg(kg * AT_RISK_SPLIT_DAY_G_PER_KG.value) + CAP_SLACK_MG;
  const withinAfterVials = Array.from({ length: MAX_DAYS_PER_COURSE - target + 1 }, (_, i) => target + i).find(
    (n) => n > days && (largestDayMg(f, n) ?? Number.POSITIVE_INFINITY) <= limitMg,
  );
  const offered =
    withinAfterVials ??
    Array.from({ length: Math.max(0, target - days) }, (_, i) => target - i).find((n) => daysWouldPlan(f, n));
  // The prescribed day, or the largest dispensed day where whole vials make it larger.
  const perDay = (n: number) => {
    const exact = f.exactCourseDoseMg / n;
    const largest = largestDayMg(f, n) ?? exact;
    return largest > exact + CAP_SLACK_MG ? `at most ${gPerKg(largest, kg)} (${g(largest)})` : gPerKg(exact, kg);
  };
  const who = input.rates?.atRisk
    ? `at risk (${option("atRisk")})`
    : `age ${formatNumber(age!)}, over ${RENAL_RISK_AGE_YEARS.value}`;
  const more =
    offered === undefined
      ? "no more days can be planned within 5"
      : input.daysPerCourse === undefined
        ? `${option("days", offered)} gives ${perDay(offered)} a day`
        : `${option("days", offered)} instead of ${input.daysPerCourse} gives ${perDay(offered)} a day`;
  return [
    message(
      "AT_RISK_DAY_VOLUME",
      `${who}: ${gPerKg(exactDayMg, kg)} a day (${dayVolume(f, exactDayMg)}); ` +
        `the Gamunex-C label does not recommend 1 g/kg a day where fluid volume may be a concern; ${more}`,
      [AT_RISK_DAY_G_PER_KG.source, RENAL_RISK_AGE_YEARS.source],
      offered !== undefined && input.daysPerCourse === undefined ? [option("days", offered)] : [],
    ),
  ];
}

/** A day's volume in mL, and the largest dispensed day's where whole vials made it larger. */
function dayVolume(f: IvigCourse, exactDayMg: number): string {
  const ml = (mg: number) => `${formatNumber(mgToG(mg) / f.product.concentrationGPerMl.value, 0)} mL`;
  const largestMg = Math.max(...f.courseDose.dayDosesMg);
  if (largestMg <= exactDayMg + CAP_SLACK_MG) return ml(exactDayMg);
  return `${ml(exactDayMg)}; the largest dispensed day ${g(largestMg)}, ${ml(largestMg)}`;
}

/** The same course with `--days days`, or why it is refused (a coarse vial grid may put its total beyond 10 %). */
function courseWithDays(f: IvigCourse, days: number): CourseDose | Refusal {
  const { exactCourseDoseMg, maxDailyMg, rounding, stock } = f;
  return courseDoseOrRefusal({ exactCourseDoseMg, maxDailyMg, requestedDays: days, rounding, stock });
}

/** The largest dispensed day of the same course with `--days days`; undefined when it cannot be planned. */
function largestDayMg(f: IvigCourse, days: number): number | undefined {
  const course = courseWithDays(f, days);
  return course instanceof Refusal ? undefined : Math.max(...course.dayDosesMg);
}

/** Whether the same course with `--days days` can be planned. */
function daysWouldPlan(f: IvigCourse, days: number): boolean {
  return !(courseWithDays(f, days) instanceof Refusal);
}

/** Whether `--days` puts the prescribed (unrounded) dose of a day above --max-daily (to the milligram). */
function daysForceAboveCap(f: IvigCourse): boolean {
  return (
    f.courseDose.daysReason === "requested" &&
    f.exactCourseDoseMg / f.courseDose.dayDosesMg.length > f.maxDailyMg + CAP_SLACK_MG
  );
}

/**
 * How far (in % of the cap) rounding alone put the largest day above --max-daily, the prescription
 * of each day being within it; 0 when the day is within (to the milligram) or `--days` forced it over.
 */
function roundedDayExcessPercent(f: IvigCourse): number {
  if (daysForceAboveCap(f)) return 0;
  const overMg = Math.max(...f.courseDose.dayDosesMg) - f.maxDailyMg;
  return overMg > CAP_SLACK_MG ? (overMg / f.maxDailyMg) * 100 : 0;
}

/** Notes on the dosing weight and on a --round that overrides the policy. */
function dosingWeightNotes(f: IvigCourse): Message[] {
  const out: Message[] = [];
  const { input, decision, policy } = f;
  if (decision.basis !== "actual") {
    const atActual = gToMg(input.weightKg * input.doseGPerKg);
    out.push(
      message(
        "DOSING_WEIGHT",
        `dosed on ${decision.basis} weight ${formatNumber(decision.dosingWeightKg)} kg, not actual ${formatNumber(input.weightKg)} kg ` +
          `(${decision.reason}): ${g(f.exactCourseDoseMg)} per course instead of ${g(atActual)}`,
        [decision.basis === "adjusted" ? ADJUSTMENT_FACTOR.source : DEVINE.source, ...(policy ? [policy.source] : [])],
      ),
    );
  }
  if (input.rounding !== undefined && policy?.rounding !== undefined && input.rounding !== policy.rounding) {
    out.push(
      message(
        "ROUNDING_OVERRIDES_POLICY",
        `${option("round", input.rounding)} overrides the ${policy.name} rounding ` +
          `(${policy.rounding === "5g" ? "nearest 5 g" : "whole vials"})`,
      ),
    );
  }
  return out;
}

/** Rounding, split and leftover notes of the course. */
function collectNotes(f: IvigCourse): Message[] {
  const out: Message[] = [];
  const add = (code: NoteCode, text: string, sources: Source[] = []) => out.push(message(code, text, sources));
  const { input, dosingWeightKg: kg, courseDose } = f;
  const exact = `${g(f.exactCourseDoseMg)} (${formatNumber(kg)} kg × ${formatNumber(input.doseGPerKg)} g/kg)`;

  if (courseDose.courseDoseMg !== f.exactCourseDoseMg) {
    // The nearest 5 g may be impossible in whole vials of the stock (145 g from 10 and 20 g vials
    // over 2 days): the total is then the nearest 5 g that is possible, and the note says so.
    const nearestStepMg = f.dose.rounding.nearestFiveMg ?? courseDose.courseDoseMg;
    const how =
      f.rounding === "5g"
        ? [
            nearestStepMg === courseDose.courseDoseMg
              ? `to the nearest ${ONTARIO_ROUNDING_STEP_G.value} g`
              : `to the nearest ${ONTARIO_ROUNDING_STEP_G.value} g that whole vials can make in the days of the course ` +
                `(${g(nearestStepMg)}, the nearest ${ONTARIO_ROUNDING_STEP_G.value} g, cannot be made from these vials)`,
            [ONTARIO_ROUNDING_STEP_G.source],
          ]
        : f.rounding === "vial"
          ? ["to the nearest total that whole vials can make in the days of the course", [SOURCES.asciaRounding]]
          : ["to 0.01 g", []];
    add(
      "ROUNDED",
      `course dose rounded from ${exact} ${how[0] as string} = ${g(courseDose.courseDoseMg)} ` +
        `(${formatPercent(f.roundingDifferencePercent)})`,
      how[1] as Source[],
    );
  } else {
    add(
      "NOT_ROUNDED",
      `course dose ${exact} needs no rounding (${settingValue(input.settingOrigins, "round", f.rounding)})`,
    );
  }

  const days = courseDose.dayDosesMg;
  const distinct = [...new Set(days)];
  const perDay =
    distinct.length === 1
      ? `${plural(days.length, "day")} of ${g(days[0]!)} (${gPerKg(days[0]!, kg)})`
      : `${days.length} days of ${days.map(g).join(" + ")} (as even as ${f.rounding === "none" ? "0.01 g steps" : "whole vials"} allow)`;
  // The reason is the planner's record of the days (what --explain also renders), never worked out here again.
  const reason = f.dose.days;
  const why =
    reason.reason === "requested"
      ? `as requested with ${option("days", reason.requested)}`
      : `the fewest days that keep the prescribed dose of each day within ${maxDailyText(input)} ` +
        `(${g(f.dose.cap.mg)})`;
  add("SPLIT", `each course is ${perDay}: ${why}`, reason.reason === "requested" ? [] : [f.dose.cap.source]);
  const excess = roundedDayExcessPercent(f);
  if (excess > 0 && excess <= ROUNDING_TOLERANCE_PERCENT.value) {
    const largestDayMg = Math.max(...days);
    add(
      "ROUNDED_DAY_WITHIN_TOLERANCE",
      `rounding (${settingValue(f.input.settingOrigins, "round", f.rounding)}) puts ${g(largestDayMg)} ` +
        `(${gPerKg(largestDayMg, kg)}) on a day, ` +
        `${g(largestDayMg - f.maxDailyMg)} (${formatPercent(excess)}) above ${maxDailyText(input)}: ` +
        `within the ${ROUNDING_TOLERANCE_PERCENT.value} % a rounding may change a dose, so the total is kept`,
      [MAX_DAILY_G_PER_KG.source, ROUNDING_TOLERANCE_PERCENT.source],
    );
  }

  const leftovers = [...f.dispensing.values()].filter((d) => d.wasteMg > 0);
  if (leftovers.length > 0) {
    add(
      "VIAL_LEFTOVER",
      `the dose is not whole vials: ` +
        `${leftovers.map((d) => `${g(d.wasteMg)} is left in the last vial of a ${g(d.dispensedMg)} dispensing`).join("; ")}`,
    );
  }
  return out;
}

/** The daily cap as a note names it: `--max-daily 1 g/kg`, or where a site setting gave it. */
const maxDailyText = (input: ScheduleInput) =>
  settingValue(input.settingOrigins, "maxDaily", roundTo(input.maxDailyGPerKg, 2), " g/kg");

/** A plan on NL-IVIG002's steps for a dosing weight outside that table's 40–130 kg rows says so. */
function standardTableRangeNote(rates: ResolvedRates, kg: number): Message[] {
  const range = STANDARD_RATE_WEIGHT_RANGE_KG.value;
  if (rates.stepsFrom !== "standard" || (kg >= range.min && kg <= range.max)) return [];
  return [
    message(
      "RATE_TABLE_WEIGHT_RANGE",
      `the NL-IVIG002 table's rows cover ${range.min}–${range.max} kg; at ${formatNumber(kg)} kg its mL/kg/min steps are multiplied by ` +
        `the dosing weight (its own formula), outside the rows it prints`,
      [STANDARD_RATE_WEIGHT_RANGE_KG.source],
    ),
  ];
}
