import { addCalendarDays, daysBetween, weekdayOf, type IsoDate } from "./calendarDate.js";
import { CAP_SLACK_MG, MAX_DAYS_PER_COURSE, nearestFiveGramsMg, planCourseDose, type CourseDose, CourseSplitError, type Rounding } from "./courseDose.js";
import { formatNumber, formatPercent, roundPositive, roundTo } from "./format.js";
import { DEFAULTS, LIMITS, type ScheduleInput } from "./input.js";
import { message, type NoteCode, type WarningCode } from "./messages.js";
import type { CourseTotal, Infusion, Message, ScheduleResult } from "./resultSchema.js";
import { createVialStock, gToMg, mgToG, type Dispensing, type VialStock } from "./vials.js";
import {
  DAYS_PER_MONTH,
  EFNS_MAINTENANCE,
  FIRST_INFUSION_GAP_DAYS,
  GAMMAGARD_MMN_MONTHLY_G_PER_KG,
  MAX_DAILY_G_PER_KG,
  ONTARIO_ROUNDING_STEP_G,
  ROUNDING_TOLERANCE_PERCENT,
} from "../data/guidelines.js";
import { ADJUSTMENT_FACTOR, DEVINE, POLICIES, type Policy } from "../data/policies.js";
import { DEFAULT_REGION, findProduct, mmnIndicationFor, STANDARD_RATE_WEIGHT_RANGE_KG, type Product } from "../data/products.js";
import { buildRatePlan, checkChairTime, fastestLabelNote, infusionMinutes, RateInputError, resolveRates, type ResolvedRates } from "./ratePlan.js";
import type { DosingWeightDecision } from "./dosingWeight.js";
import { SOURCES, type Source } from "../data/sources.js";
import {
  chooseVialSizes,
  courseTotal,
  typedUnitWarnings,
  movedNotes,
  placeSchedule,
  dosingWeightFor,
  g,
  gPerKg,
  patientJson,
  regionLabelMessages,
  ScheduleInputError,
  usedSources,
  vialNotes,
  vialsInG,
} from "./shared.js";

import { ageRiskWarnings } from "./prompts.js";
import { planScigSchedule } from "./scig.js";

export { ScheduleInputError } from "./shared.js";

/**
 * Plans a dated IVIG schedule for one patient. Pure: the same input and `today` give the same
 * result, byte for byte once serialised.
 *
 * @param input a validated request (see {@link ScheduleInput})
 * @param today the calendar date the schedule starts on when `input.startDate` is absent
 *
 * @example
 * planSchedule({ weightKg: 70, weightAsEntered: "70", doseGPerKg: 2, intervalWeeks: 4,
 *   maxDailyGPerKg: 1, courses: 6, productId: "gammagard-liquid", rounding: "vial" }, "2026-12-01")
 * //=> { regimen: { courseDoseG: 140, daysPerCourse: 2, … }, infusions: [12 days of 70 g], … }
 */
export function planSchedule(input: ScheduleInput, today: IsoDate): ScheduleResult {
  if (input.route === "scig") {
    const decision = dosingWeightFor(input);
    const policy = input.policy === undefined ? undefined : POLICIES[input.policy];
    const result = planScigSchedule(input, today, decision, policy);
    return { ...result, warnings: [...typedUnitWarnings(input), ...ageRiskWarnings(input, undefined), ...result.warnings] };
  }
  const product = findProduct(input.productId);
  if (!product) throw new ScheduleInputError("UNKNOWN_PRODUCT", `unknown product '${input.productId}'`);

  const decision = dosingWeightFor(input);
  const dosingWeightKg = decision.dosingWeightKg;
  const policy = input.policy === undefined ? undefined : POLICIES[input.policy];
  const rounding: Rounding = input.rounding ?? policy?.rounding ?? DEFAULTS.rounding;
  const exactCourseDoseMg = gToMg(dosingWeightKg * input.doseGPerKg);
  const maxDailyMg = gToMg(dosingWeightKg * input.maxDailyGPerKg);
  const region = input.region ?? DEFAULT_REGION;
  const vialSizesG = chooseVialSizes(product, input.vialSizesG, region);
  const stock = createVialStock(vialSizesG.map(gToMg));
  const rateErrors = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      if (e instanceof RateInputError) throw new ScheduleInputError(e.code, e.message);
      throw e;
    }
  };
  const rates: ResolvedRates = rateErrors(() => resolveRates(product, input.rates));
  // The first course, and every course that starts more than 8 weeks after the previous infusion's
  // placed date, starts as a first infusion (NL-IVIG002: "first infusion or if greater than 8 weeks
  // since last treatment"); --first-infusion makes every course's first day one.
  const isFirstInfusion = (day: number, gapDays: number | undefined) =>
    day === 0 && (gapDays === undefined || input.firstInfusion === true || gapDays > FIRST_INFUSION_GAP_DAYS.value);
  const plans = rateErrors(() => ({
    first: buildRatePlan(rates, "first", dosingWeightKg, product.concentrationGPerMl.value),
    later: buildRatePlan(rates, "later", dosingWeightKg, product.concentrationGPerMl.value),
  }));

  let courseDose: CourseDose;
  try {
    courseDose = planCourseDose({
      exactCourseDoseMg,
      maxDailyMg,
      requestedDays: input.daysPerCourse,
      rounding,
      stock,
    });
  } catch (e) {
    if (e instanceof CourseSplitError) {
      const context = `a ${formatNumber(mgToG(exactCourseDoseMg))} g course with at most ${formatNumber(mgToG(maxDailyMg))} g a day (--max-daily ${formatNumber(input.maxDailyGPerKg)} g/kg)`;
      throw new ScheduleInputError(e.code, `${context}: ${e.message}`);
    }
    throw e;
  }

  const startDate = input.startDate ?? today;
  const courseCount = countCourses(input, startDate);
  const daysPerCourse = courseDose.dayDosesMg.length;
  const dispensing = new Map<number, Dispensing>();
  for (const dose of courseDose.dayDosesMg) if (!dispensing.has(dose)) dispensing.set(dose, stock.select(dose));

  const volumeMl = (mg: number) => roundTo(mgToG(mg) / product.concentrationGPerMl.value, 1);
  const infusions: Infusion[] = [];
  const courseTotals: CourseTotal[] = [];
  const placement = placeSchedule(
    Array.from({ length: courseCount }, (_, c) => ({ plannedStart: addCalendarDays(startDate, c * 7 * input.intervalWeeks), count: daysPerCourse })),
    input.avoid,
  );
  for (let c = 0; c < courseCount; c++) {
    const placed = placement.courses[c]!;
    const gapDays = c === 0 ? undefined : daysBetween(placement.courses[c - 1]!.at(-1)!.date, placed[0]!.date);
    courseDose.dayDosesMg.forEach((doseMg, d) => {
      const given = dispensing.get(doseMg)!;
      const { date, ...move } = placed[d]!;
      const kind = isFirstInfusion(d, gapDays) ? "first" : "later";
      const ml = volumeMl(doseMg);
      infusions.push({
        date,
        weekday: weekdayOf(date),
        course: c + 1,
        day: d + 1,
        daysInCourse: daysPerCourse,
        doseG: mgToG(doseMg),
        doseGPerKg: roundPositive(mgToG(doseMg) / dosingWeightKg, 3),
        volumeMl: ml,
        vials: vialsInG(given.vials),
        dispensedG: mgToG(given.dispensedMg),
        wasteG: mgToG(given.wasteMg),
        infusionKind: kind,
        ratePlan: plans[kind],
        durationMinutes: Math.ceil(roundTo(infusionMinutes(plans[kind], ml), 6)),
        ...(move.movedBecause ? move : {}),
      });
    });
    courseTotals.push(
      courseTotal(c + 1, placed, courseDose.courseDoseMg, volumeMl(courseDose.courseDoseMg), courseDose.dayDosesMg.map((d) => dispensing.get(d)!.vials)),
    );
  }

  const longest = infusions.reduce((a, b) => (b.durationMinutes > a.durationMinutes ? b : a));
  rateErrors(() => checkChairTime(longest, input.rates));
  const largestDay = infusions.reduce((a, b) => (b.volumeMl > a.volumeMl ? b : a));
  const fastest = fastestLabelNote(rates, dosingWeightKg, product.concentrationGPerMl.value, largestDay.volumeMl, infusionMinutes(plans.later, largestDay.volumeMl));

  const courseDoseG = mgToG(courseDose.courseDoseMg);
  const exactCourseDoseG = mgToG(exactCourseDoseMg);
  const roundingDifferenceG = roundTo(courseDoseG - exactCourseDoseG, 3);
  const roundingDifferencePercent = roundTo((roundingDifferenceG / exactCourseDoseG) * 100, 2);
  const monthlyDoseGPerKg = roundPositive((courseDoseG / dosingWeightKg) * (DAYS_PER_MONTH / (7 * input.intervalWeeks)), 2);

  const facts: Facts = {
    input,
    rounding,
    policy,
    decision,
    product,
    dosingWeightKg,
    courseDose,
    exactCourseDoseMg,
    maxDailyMg,
    roundingDifferencePercent,
    monthlyDoseGPerKg,
    dispensing,
    stock,
  };
  const label = regionLabelMessages(product, region, `its rates are the ${product.rates.indication} ones`);
  const warnings = [
    ...typedUnitWarnings(input),
    ...decision.warnings,
    ...collectWarnings(facts),
    ...placement.warnings,
    ...label.warnings,
    ...rates.warnings,
    ...ageRiskWarnings(input, product),
  ];
  const notes = [
    ...dosingWeightNotes(facts),
    ...movedNotes(infusions, input.avoid),
    ...placement.notes,
    ...decision.notes,
    ...collectNotes(facts),
    ...label.notes,
    ...vialNotes(product, input.vialSizesG, region),
    ...rates.notes,
    ...(fastest ? [fastest] : []),
    ...standardTableRangeNote(rates, dosingWeightKg),
  ];

  return {
    schemaVersion: 1,
    patient: patientJson(input, decision),
    regimen: {
      route: "ivig",
      region,
      mmnIndication: mmnIndicationFor(product, region).value,
      product: product.id,
      productName: product.name,
      concentrationGPerMl: product.concentrationGPerMl.value,
      vialSizesG: [...vialSizesG],
      scig: null,
      rates: {
        indication: rates.indication,
        rateWeightKg: roundTo(dosingWeightKg, 2),
        initialMlPerKgPerHour: roundTo(rates.initialMlPerKgPerHour, 3),
        stepMinutes: rates.stepMinutes,
        intermediateMlPerKgPerHour: rates.intermediateMlPerKgPerHour.map((x) => roundTo(x, 3)),
        maxMlPerKgPerHour: roundTo(rates.maxMlPerKgPerHour, 3),
        firstInfusionMaxMlPerKgPerHour: roundTo(rates.firstInfusionMaxMlPerKgPerHour, 3),
        atRisk: input.rates?.atRisk === true,
      },
      doseGPerKg: input.doseGPerKg,
      intervalWeeks: input.intervalWeeks,
      daysPerCourse,
      daysPerCourseReason: courseDose.daysReason,
      maxDailyGPerKg: input.maxDailyGPerKg,
      exactCourseDoseG,
      courseDoseG,
      roundingDifferenceG,
      roundingDifferencePercent,
      rounding,
      roundingSource: input.rounding !== undefined ? "option" : policy?.rounding !== undefined ? "policy" : "default",
      dayDosesG: courseDose.dayDosesMg.map(mgToG),
      monthlyDoseGPerKg,
      courses: courseCount,
      startDate,
      untilDate: input.untilDate ?? null,
    },
    infusions,
    courseTotals,
    warnings,
    notes,
    sources: usedSources(product, policy, warnings, notes, region),
  };
}


function countCourses(input: ScheduleInput, startDate: IsoDate): number {
  if (input.untilDate === undefined) return input.courses ?? 6;
  const span = daysBetween(startDate, input.untilDate);
  if (span < 0) {
    throw new ScheduleInputError("UNTIL_BEFORE_START", `--until ${input.untilDate} is before the start date ${startDate}`);
  }
  const count = Math.floor(span / (7 * input.intervalWeeks)) + 1;
  if (count > LIMITS.courses.max) {
    throw new ScheduleInputError(
      "TOO_MANY_COURSES",
      `--until ${input.untilDate} gives ${count} courses; at most ${LIMITS.courses.max} are scheduled at once`,
    );
  }
  return count;
}

interface Facts {
  readonly input: ScheduleInput;
  readonly rounding: Rounding;
  readonly policy: Policy | undefined;
  readonly decision: DosingWeightDecision;
  readonly product: Product;
  readonly dosingWeightKg: number;
  readonly courseDose: CourseDose;
  readonly exactCourseDoseMg: number;
  readonly maxDailyMg: number;
  readonly roundingDifferencePercent: number;
  readonly monthlyDoseGPerKg: number;
  readonly dispensing: ReadonlyMap<number, Dispensing>;
  readonly stock: VialStock;
}

function collectWarnings(f: Facts): Message[] {
  const out: Message[] = [];
  const add = (code: WarningCode, text: string, sources: Source[] = [], remedies: string[] = []) => out.push(message(code, text, sources, remedies));
  const { input, dosingWeightKg: kg, courseDose } = f;
  const largestDayMg = Math.max(...courseDose.dayDosesMg);

  if (daysForceAboveCap(f)) {
    add(
      "DAY_ABOVE_MAX_DAILY",
      `--days ${input.daysPerCourse} puts ${g(largestDayMg)} (${gPerKg(largestDayMg, kg)}) on one day, above --max-daily ${formatNumber(input.maxDailyGPerKg)} g/kg`,
      [MAX_DAILY_G_PER_KG.source],
    );
  }
  if (roundedDayExcessPercent(f) > ROUNDING_TOLERANCE_PERCENT.value) {
    const days = courseDose.dayDosesMg.length;
    // Only options the tool accepts when appended: --days and --round only when not already given.
    const moreDays = input.daysPerCourse === undefined && days < MAX_DAYS_PER_COURSE && daysWouldPlan(f, days + 1);
    const remedies = [...(moreDays ? [`--days ${days + 1}`] : []), ...(input.rounding === undefined ? ["--round none"] : [])];
    add(
      "ROUNDED_DAY_ABOVE_MAX_DAILY",
      `rounding (--round ${f.rounding}) puts ${g(largestDayMg)} (${gPerKg(largestDayMg, kg)}) on a day, ${g(largestDayMg - f.maxDailyMg)} (${formatPercent(roundedDayExcessPercent(f))}) above --max-daily ${formatNumber(input.maxDailyGPerKg)} g/kg, beyond the ${ROUNDING_TOLERANCE_PERCENT.value} % rounding tolerance; ${moreDays ? `--days ${days + 1} or ` : ""}--round none would keep each day within it`,
      [MAX_DAILY_G_PER_KG.source, ROUNDING_TOLERANCE_PERCENT.source],
      remedies,
    );
  }
  const guidanceMg = gToMg(kg * MAX_DAILY_G_PER_KG.value);
  if (input.maxDailyGPerKg > MAX_DAILY_G_PER_KG.value && largestDayMg > guidanceMg + CAP_SLACK_MG) {
    add(
      "DAY_ABOVE_1_G_PER_KG",
      `${g(largestDayMg)} on one day is ${gPerKg(largestDayMg, kg)}, above the ${MAX_DAILY_G_PER_KG.value} g/kg/day maximum (Ontario IGUM, RRMS entry; no MMN-specific daily maximum was found)`,
      [MAX_DAILY_G_PER_KG.source],
    );
  }
  const typical = EFNS_MAINTENANCE.value.some(
    (r) => r.doseGPerKg === input.doseGPerKg && input.intervalWeeks >= r.minWeeks && input.intervalWeeks <= r.maxWeeks,
  );
  if (!typical) {
    add(
      "OUTSIDE_EFNS_MAINTENANCE",
      `${formatNumber(input.doseGPerKg)} g/kg every ${input.intervalWeeks} weeks is not an EFNS/PNS typical maintenance regimen (1 g/kg every 2–4 weeks or 2 g/kg every 4–8 weeks)`,
      [EFNS_MAINTENANCE.source],
    );
  }
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

/** Whether the same course with `--days days` can be planned (a coarse vial grid may put its total beyond 10 %). */
function daysWouldPlan(f: Facts, days: number): boolean {
  try {
    planCourseDose({ exactCourseDoseMg: f.exactCourseDoseMg, maxDailyMg: f.maxDailyMg, requestedDays: days, rounding: f.rounding, stock: f.stock });
    return true;
  } catch (e) {
    if (e instanceof CourseSplitError) return false;
    throw e;
  }
}

/** Whether `--days` puts the prescribed (unrounded) dose of a day above --max-daily (to the milligram). */
function daysForceAboveCap(f: Facts): boolean {
  return f.courseDose.daysReason === "requested" && f.exactCourseDoseMg / f.courseDose.dayDosesMg.length > f.maxDailyMg + CAP_SLACK_MG;
}

/**
 * How far (in % of the cap) rounding alone put the largest day above --max-daily, the prescription
 * of each day being within it; 0 when the day is within (to the milligram) or `--days` forced it over.
 */
function roundedDayExcessPercent(f: Facts): number {
  if (daysForceAboveCap(f)) return 0;
  const overMg = Math.max(...f.courseDose.dayDosesMg) - f.maxDailyMg;
  return overMg > CAP_SLACK_MG ? (overMg / f.maxDailyMg) * 100 : 0;
}

function dosingWeightNotes(f: Facts): Message[] {
  const out: Message[] = [];
  const { input, decision, policy } = f;
  if (decision.basis !== "actual") {
    const atActual = gToMg(input.weightKg * input.doseGPerKg);
    out.push(
      message(
        "DOSING_WEIGHT",
        `dosed on ${decision.basis} weight ${formatNumber(decision.dosingWeightKg)} kg, not actual ${formatNumber(input.weightKg)} kg (${decision.reason}): ${g(f.exactCourseDoseMg)} per course instead of ${g(atActual)}`,
        [decision.basis === "adjusted" ? ADJUSTMENT_FACTOR.source : DEVINE.source, ...(policy ? [policy.source] : [])],
      ),
    );
  }
  if (input.rounding !== undefined && policy?.rounding !== undefined && input.rounding !== policy.rounding) {
    out.push(
      message(
        "ROUNDING_OVERRIDES_POLICY",
        `--round ${input.rounding} overrides the ${policy.name} rounding (${policy.rounding === "5g" ? "nearest 5 g" : "whole vials"})`,
      ),
    );
  }
  return out;
}

function collectNotes(f: Facts): Message[] {
  const out: Message[] = [];
  const add = (code: NoteCode, text: string, sources: Source[] = []) => out.push(message(code, text, sources));
  const { input, dosingWeightKg: kg, courseDose } = f;
  const exact = `${g(f.exactCourseDoseMg)} (${formatNumber(kg)} kg × ${formatNumber(input.doseGPerKg)} g/kg)`;

  if (courseDose.courseDoseMg !== f.exactCourseDoseMg) {
    // The nearest 5 g may be impossible in whole vials of the stock (145 g from 10 and 20 g vials
    // over 2 days): the total is then the nearest 5 g that is possible, and the note says so.
    const nearestStepMg = nearestFiveGramsMg(f.exactCourseDoseMg);
    const how =
      f.rounding === "5g"
        ? [
            nearestStepMg === courseDose.courseDoseMg
              ? `to the nearest ${ONTARIO_ROUNDING_STEP_G.value} g`
              : `to the nearest ${ONTARIO_ROUNDING_STEP_G.value} g that whole vials can make in the days of the course (${g(nearestStepMg)}, the nearest ${ONTARIO_ROUNDING_STEP_G.value} g, cannot be made from these vials)`,
            [ONTARIO_ROUNDING_STEP_G.source],
          ]
        : f.rounding === "vial"
          ? ["to the nearest total that whole vials can make in the days of the course", [SOURCES.asciaRounding]]
          : ["to 0.01 g", []];
    add(
      "ROUNDED",
      `course dose rounded from ${exact} ${how[0] as string} = ${g(courseDose.courseDoseMg)} (${formatPercent(f.roundingDifferencePercent)})`,
      how[1] as Source[],
    );
  } else {
    add("NOT_ROUNDED", `course dose ${exact} needs no rounding (--round ${f.rounding})`);
  }

  const days = courseDose.dayDosesMg;
  const distinct = [...new Set(days)];
  const perDay =
    distinct.length === 1
      ? `${days.length} day${days.length > 1 ? "s" : ""} of ${g(days[0]!)} (${gPerKg(days[0]!, kg)})`
      : `${days.length} days of ${days.map(g).join(" + ")} (as even as ${f.rounding === "none" ? "0.01 g steps" : "whole vials"} allow)`;
  const why =
    courseDose.daysReason === "requested"
      ? `as requested with --days ${input.daysPerCourse}`
      : `the fewest days that keep the prescribed dose of each day within --max-daily ${formatNumber(input.maxDailyGPerKg)} g/kg (${g(f.maxDailyMg)})`;
  add("SPLIT", `each course is ${perDay}: ${why}`, courseDose.daysReason === "requested" ? [] : [MAX_DAILY_G_PER_KG.source]);
  const excess = roundedDayExcessPercent(f);
  if (excess > 0 && excess <= ROUNDING_TOLERANCE_PERCENT.value) {
    const largestDayMg = Math.max(...days);
    add(
      "ROUNDED_DAY_WITHIN_TOLERANCE",
      `rounding (--round ${f.rounding}) puts ${g(largestDayMg)} (${gPerKg(largestDayMg, kg)}) on a day, ${g(largestDayMg - f.maxDailyMg)} (${formatPercent(excess)}) above --max-daily ${formatNumber(input.maxDailyGPerKg)} g/kg: within the ${ROUNDING_TOLERANCE_PERCENT.value} % a rounding may change a dose, so the total is kept`,
      [MAX_DAILY_G_PER_KG.source, ROUNDING_TOLERANCE_PERCENT.source],
    );
  }

  const leftovers = [...f.dispensing.values()].filter((d) => d.wasteMg > 0);
  if (leftovers.length > 0) {
    add(
      "VIAL_LEFTOVER",
      `the dose is not whole vials: ${leftovers.map((d) => `${g(d.wasteMg)} is left in the last vial of a ${g(d.dispensedMg)} dispensing`).join("; ")}`,
    );
  }
  return out;
}

/** A plan on NL-IVIG002's steps for a dosing weight outside that table's 40–130 kg rows says so. */
function standardTableRangeNote(rates: ResolvedRates, kg: number): Message[] {
  const range = STANDARD_RATE_WEIGHT_RANGE_KG.value;
  if (rates.stepsFrom !== "standard" || (kg >= range.min && kg <= range.max)) return [];
  return [
    message(
      "RATE_TABLE_WEIGHT_RANGE",
      `the NL-IVIG002 table's rows cover ${range.min}–${range.max} kg; at ${formatNumber(kg)} kg its mL/kg/min steps are multiplied by the dosing weight (its own formula), outside the rows it prints`,
      [STANDARD_RATE_WEIGHT_RANGE_KG.source],
    ),
  ];
}
