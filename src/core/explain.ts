import { addCalendarDays } from "./calendarDate.js";
import { type CourseDose, fewestDaysWithinCap, nearestFiveGramsMg, planCourseDose } from "./courseDose.js";
import type { DosingWeightDecision } from "./dosingWeight.js";
import { formatNumber, formatPercent, g, plural, roundTo } from "./format.js";
import type { ScheduleInput } from "./input.js";
import { dosingWeightFor } from "./patient.js";
import { withGivenIvigCourse } from "./planConversion.js";
import { infusionMinutes, type RateStep } from "./ratePlan.js";
import { clock, explainIvigRates, explainScigSessions, step } from "./explainInfusion.js";
import { roundingDifferencePercent, roundingOf } from "./regimen.js";
import type { ExplainStep, ScheduleResult } from "./resultSchema.js";
import { createVialStock, gToMg, mgToG, type VialStock } from "./vials.js";
import {
  DAYS_PER_MONTH,
  EFNS_COURSE_DAYS,
  FIRST_INFUSION_GAP_DAYS,
  MAX_DAILY_G_PER_KG,
  ONTARIO_ROUNDING_STEP_G,
  PRODUCT_SWITCH_STARTS_LOW,
} from "../data/guidelines.js";
import { ADJUSTMENT_FACTOR, DEVINE, POLICIES, THRESHOLD_RULES } from "../data/policies.js";
import { findProduct, findScigProduct, type Product, vialSizesFor } from "../data/products.js";
import { NAMED_FACTORS } from "../data/scigConversion.js";
import { SOURCES, type Source } from "../data/sources.js";

/**
 * `--explain`: the arithmetic behind every number of a schedule, step by step, each with its
 * formula (the numbers put in), its result as the table prints it, and the source of its rule.
 * Pure. Each number is worked out again from the validated input with the functions the planner
 * uses (dosingWeight.ts, courseDose.ts, ratePlan.ts, vials.ts), so an explanation that disagreed
 * with the schedule would show in the tests (test/core/explain.test.ts compares every step).
 */

const kgText = (kg: number) => `${formatNumber(kg)} kg`;

/**
 * Every step of a schedule's arithmetic: dosing weight, the dose (IVIG course, or SCIG conversion),
 * split, rounding, vials, volume, rate plans and chair time, dates and moves.
 *
 * @example
 * explainSchedule(input, planSchedule(input, "2026-12-01"))[0]
 * //=> { step: "Dosing weight", formula: "actual weight: no --dosing-weight or --policy given", result: "70 kg (actual)", … }
 */
export function explainSchedule(input: ScheduleInput, result: ScheduleResult): ExplainStep[] {
  return [...explainDosingWeight(input, dosingWeightFor(input)), ...explainRegimen(input, result)];
}

/**
 * A `--plan`: the dosing weight once (patient data is the same in every phase), then each phase's
 * arithmetic from its own input and its own infusions, each step named with its phase.
 */
export function explainPlan(inputs: readonly ScheduleInput[], result: ScheduleResult): ExplainStep[] {
  const phases = result.phases ?? [];
  const first = inputs[0];
  if (first === undefined || phases.length !== inputs.length) return explainSchedule(inputs[0]!, result);
  const perPhase = phases.flatMap((p, k) => {
    const part: ScheduleResult = {
      ...result,
      regimen: p.regimen,
      infusions: result.infusions.filter((i) => i.phase === p.phase),
      courseTotals: result.courseTotals.filter((c) => c.phase === p.phase),
    };
    // Phase 1 starts as a single regimen would; a later phase's start is the plan's rule.
    const startRule = k === 0 ? undefined : p.startRule;
    // An SCIG phase converts the IVIG course the phase before gave, as the planner does.
    const input = k === 0 ? inputs[0]! : withGivenIvigCourse(inputs[k]!, inputs[k - 1]!, phases[k - 1]!.regimen, k);
    return explainRegimen(input, part, startRule).map((s) => ({ ...s, step: `Phase ${p.phase}: ${s.step}` }));
  });
  return [...explainDosingWeight(first, dosingWeightFor(first)), ...perPhase];
}

/** One regimen's arithmetic after the dosing weight: dose, days, rounding, vials, rates, chair time, dates. */
function explainRegimen(input: ScheduleInput, result: ScheduleResult, startRule?: string): ExplainStep[] {
  const decision = dosingWeightFor(input);
  const scig = result.regimen.scig !== null;
  const dose = scig ? explainScigDose(input, result, decision) : explainIvigDose(input, result, decision);
  return [
    ...dose.steps,
    ...explainVials(input, result, dose.doses),
    ...(scig
      ? explainScigSessions(input, result, decision.dosingWeightKg)
      : explainIvigRates(input, result, decision.dosingWeightKg)),
    ...explainChairTimes(result),
    ...explainDates(input, result, startRule),
  ];
}

/** BMI, Devine ideal weight, adjusted weight, and the rule that chose the dosing weight. */
function explainDosingWeight(input: ScheduleInput, d: DosingWeightDecision): ExplainStep[] {
  const out: ExplainStep[] = [];
  const policy = input.policy === undefined ? undefined : POLICIES[input.policy];
  const heightCm = input.heightCm;
  if (heightCm !== undefined && d.bmi !== null) {
    const m = formatNumber(heightCm / 100, 4);
    out.push(step("Body mass index", `${kgText(input.weightKg)} ÷ (${m} m)²`, `${formatNumber(d.bmi)} kg/m²`));
  }
  if (heightCm !== undefined && input.sex !== undefined && d.idealWeightKg !== null) {
    const inchesPerCm = policy?.inchesPerCm ?? 1 / 2.54;
    const toInches = Math.abs(inchesPerCm - 1 / 2.54) < 1e-12 ? "÷ 2.54 cm/in" : `× ${inchesPerCm} in/cm`;
    const base = DEVINE.baseKg[input.sex];
    const over = heightCm * inchesPerCm - 60;
    out.push(
      step(
        `Ideal weight (Devine, ${input.sex})`,
        `${base} kg + ${DEVINE.kgPerInchOver60} kg/in × (${formatNumber(heightCm, 2)} cm ${toInches} − 60 in) = ${base} + ` +
          // Below 60 in the difference is negative: written as a subtraction, never "× -1".
          (over < 0
            ? `${DEVINE.kgPerInchOver60} × (−${formatNumber(-over, 3)}) (below 60 in: Devine extrapolated)`
            : `${DEVINE.kgPerInchOver60} × ${formatNumber(over, 3)}`),
        kgText(d.idealWeightKg),
        DEVINE.source,
      ),
    );
    const ibw = formatNumber(d.idealWeightKg);
    out.push(
      step(
        "Adjusted weight",
        `IBW + ${ADJUSTMENT_FACTOR.value} × (actual − IBW) = ${ibw} + ${ADJUSTMENT_FACTOR.value} × ` +
          `(${formatNumber(input.weightKg)} − ${ibw})`,
        kgText(d.adjustedWeightKg!),
        ADJUSTMENT_FACTOR.source,
      ),
    );
  }
  const rule = d.rule.startsWith("policy:")
    ? `--policy ${policy!.id}: `
    : d.rule === "actual"
      ? ""
      : `--dosing-weight ${d.rule}: `;
  const source = policy && d.rule === `policy:${policy.id}` ? policy.source : ruleSource(d);
  const cap = d.basis === "actual" ? "" : `; never above the actual ${kgText(input.weightKg)}`;
  out.push(step("Dosing weight", `${rule}${d.reason}${cap}`, `${kgText(d.dosingWeightKg)} (${d.basis})`, source));
  return out;
}

function ruleSource(d: DosingWeightDecision): Source | null {
  if (d.rule === "bmi30" || d.rule === "ibw120") return THRESHOLD_RULES[d.rule].source;
  if (d.basis === "adjusted") return ADJUSTMENT_FACTOR.source;
  if (d.basis === "ideal") return DEVINE.source;
  return null;
}

/** The dose of each infusion day, and the steps that made it. */
interface DoseSteps {
  readonly steps: ExplainStep[];
  /** Every distinct dose given on one day, in mg. */
  readonly doses: readonly number[];
}

/** "--round vial (default)", "--round 5g from --policy ontario". */
function roundingOrigin(r: ScheduleResult): string {
  const { regimen: g, patient: p } = r;
  const from =
    g.roundingSource === "policy" ? ` from --policy ${p.policy}` : g.roundingSource === "default" ? " (default)" : "";
  return `--round ${g.rounding}${from}`;
}

function stockOf(r: ScheduleResult): VialStock {
  return createVialStock(r.regimen.vialSizesG.map(gToMg));
}

const sizesText = (r: ScheduleResult) => `${r.regimen.vialSizesG.map((v) => formatNumber(v)).join(", ")} g`;

/** Exact course dose, daily cap, days, rounding, split and the monthly dose of an IVIG course. */
function explainIvigDose(input: ScheduleInput, r: ScheduleResult, d: DosingWeightDecision): DoseSteps {
  const kg = d.dosingWeightKg;
  const exactMg = gToMg(kg * input.doseGPerKg);
  const capMg = gToMg(kg * input.maxDailyGPerKg);
  const rounding = r.regimen.rounding;
  const stock = stockOf(r);
  const course = planCourseDose({
    exactCourseDoseMg: exactMg,
    maxDailyMg: capMg,
    requestedDays: input.daysPerCourse,
    rounding,
    stock,
  });
  const days = course.dayDosesMg.length;
  const steps = [
    step("Exact course dose", `${kgText(kg)} × ${formatNumber(input.doseGPerKg)} g/kg`, g(exactMg)),
    step(
      "Daily cap",
      `${kgText(kg)} × --max-daily ${formatNumber(input.maxDailyGPerKg)} g/kg`,
      `${g(capMg)} a day`,
      MAX_DAILY_G_PER_KG.source,
    ),
    input.daysPerCourse === undefined
      ? step(
          "Days per course",
          `the fewest days keeping each day within the cap: ⌈${g(exactMg)} ÷ ${g(capMg)}⌉ (1–5 days a course)`,
          plural(fewestDaysWithinCap(exactMg, capMg), "day"),
          EFNS_COURSE_DAYS.source,
        )
      : step("Days per course", `--days ${input.daysPerCourse}`, plural(days, "day")),
    roundingStep(r, exactMg, course, `over ${plural(days, "day")}`),
    splitStep(course, kg, rounding === "none" ? "0.01 g steps" : "whole vials"),
    step(
      "Monthly dose",
      `${g(course.courseDoseMg)} ÷ ${kgText(kg)} × (${formatNumber(DAYS_PER_MONTH, 4)} days a month ÷ ${7 * input.intervalWeeks} days)`,
      `${formatNumber(r.regimen.monthlyDoseGPerKg)} g/kg/month`,
    ),
  ];
  return { steps, doses: [...new Set(course.dayDosesMg)] };
}

/** The rounding of a course (or SCIG dose) total: exact → rounded, how, and its source. */
function roundingStep(r: ScheduleResult, exactMg: number, course: CourseDose, over: string): ExplainStep {
  const rounding = r.regimen.rounding;
  const totalMg = course.courseDoseMg;
  const change = `${g(totalMg)} (${formatPercent(roundingDifferencePercent(exactMg, totalMg))})`;
  if (rounding === "none") return step("Rounding", `${roundingOrigin(r)}: ${g(exactMg)} kept to 0.01 g`, change);
  if (rounding === "5g") {
    const nearest = nearestFiveGramsMg(exactMg);
    const makeable =
      nearest === totalMg ? "" : `; ${g(nearest)} cannot be made from whole vials ${over}, so the nearest 5 g that can`;
    return step(
      "Rounding",
      `${roundingOrigin(r)}: ${g(exactMg)} to the nearest ${ONTARIO_ROUNDING_STEP_G.value} g = ${g(nearest)}${makeable} ` +
        `(vials ${sizesText(r)}, within 10 %)`,
      change,
      ONTARIO_ROUNDING_STEP_G.source,
    );
  }
  return step(
    "Rounding",
    `${roundingOrigin(r)}: the total nearest ${g(exactMg)} that whole vials of ${sizesText(r)} make ${over}, ties up (within 10 %)`,
    change,
    SOURCES.asciaRounding,
  );
}

/**
 * The rounding of an SCIG dose as the planner does it (scig.ts): `--round 5g` rounds the IVIG course
 * before it is converted (the step above), and the SCIG dose itself always goes to whole vials, as
 * the SC order form rounds it; `--round none` keeps it to 0.01 g.
 */
function scigRoundingStep(input: ScheduleInput, r: ScheduleResult, exactMg: number, dose: CourseDose): ExplainStep {
  const asked = roundingOf(input, input.policy === undefined ? undefined : POLICIES[input.policy]);
  const from =
    asked.source === "policy" ? ` from --policy ${input.policy}` : asked.source === "default" ? " (default)" : "";
  const setting = `--round ${asked.rounding}${from}`;
  const change = `${g(dose.courseDoseMg)} (${formatPercent(roundingDifferencePercent(exactMg, dose.courseDoseMg))})`;
  if (asked.rounding === "none") return step("Rounding", `${setting}: ${g(exactMg)} kept to 0.01 g`, change);
  const how =
    asked.rounding === "5g"
      ? `${setting}: applied to the IVIG course dose above; the SCIG dose goes to whole vials: `
      : `${setting}: `;
  const sessions = plural(r.regimen.scig?.sessions ?? 1, "session");
  return step(
    "Rounding",
    `${how}the total nearest ${g(exactMg)} that whole vials of ${sizesText(r)} make in ${sessions}, ties up (within 10 %)`,
    change,
    SOURCES.optionCareScigRounding,
  );
}

function splitStep(course: CourseDose, kg: number, unit: string): ExplainStep {
  const days = course.dayDosesMg;
  const perKg = [...new Set(days)].map((mg) => `${formatNumber(mgToG(mg) / kg, 3)} g/kg`).join(" or ");
  return step(
    "Split",
    `${g(course.courseDoseMg)} over ${plural(days.length, "day")}, as even as ${unit} allow, larger days first (${perKg} a day)`,
    days.map(g).join(" + "),
  );
}

/** The IVIG course converted to the SCIG dose of each infusion, rounded to whole vials, split into sessions. */
function explainScigDose(input: ScheduleInput, r: ScheduleResult, d: DosingWeightDecision): DoseSteps {
  const kg = d.dosingWeightKg;
  const scig = r.regimen.scig!;
  const product = findScigProduct(input.scig?.productId ?? r.regimen.product, r.regimen.region)!;
  const ivigExactMg = gToMg(kg * input.doseGPerKg);
  const policy = input.policy === undefined ? undefined : POLICIES[input.policy];
  // As the planner does: a plan's course given, else Ontario rounds the IVIG course to 5 g before it is divided.
  const given = input.scig?.givenIvigCourse;
  const ivigBaseMg = given
    ? given.courseMg
    : roundingOf(input, policy).rounding === "5g"
      ? nearestFiveGramsMg(ivigExactMg)
      : ivigExactMg;
  const weeklyMg = (ivigBaseMg / input.intervalWeeks) * scig.factor;
  const stock = stockOf(r);
  const doseFor = (weeks: number) => {
    const exact = Math.round(weeklyMg * weeks);
    const request = { maxDailyMg: Number.MAX_SAFE_INTEGER, requestedDays: scig.sessions, stock };
    return { exact, dose: planCourseDose({ ...request, exactCourseDoseMg: exact, rounding: r.regimen.rounding }) };
  };
  const full = doseFor(scig.everyWeeks);
  const ivig = `${kgText(kg)} × ${formatNumber(input.doseGPerKg)} g/kg = ${g(ivigExactMg)}`;
  const steps = [
    given !== undefined
      ? step(
          "IVIG course dose converted",
          `the course phase ${given.phase} gave (${given.productName}, as dispensed); the exact ${ivig}`,
          g(ivigBaseMg),
        )
      : ivigBaseMg === ivigExactMg
        ? step("IVIG course dose converted", ivig, g(ivigBaseMg))
        : step(
            "IVIG course dose converted",
            `${ivig}, to the nearest 5 g (Ontario)`,
            g(ivigBaseMg),
            ONTARIO_ROUNDING_STEP_G.source,
          ),
    step(
      "Weekly SCIG dose",
      `${g(ivigBaseMg)} ÷ ${plural(input.intervalWeeks, "week")} × factor ${formatNumber(scig.factor)} ` +
        `(${scig.factorSource.replaceAll("; ", ", ")})`,
      `${g(weeklyMg)} a week`,
      factorSource(product, scig.factor, input),
    ),
    step(
      "Dose per infusion",
      `${g(weeklyMg)} a week × ${plural(scig.everyWeeks, "week")} between infusions`,
      g(full.exact),
      scig.everyWeeks > 1 ? product.intervalsWeeks.source : null,
    ),
    scigRoundingStep(input, r, full.exact, full.dose),
  ];
  if (scig.sessions > 1) steps.push(splitStep(full.dose, kg, "whole vials"));
  const doses = new Set(full.dose.dayDosesMg);
  if (scig.rampUp && product.facilitated) {
    const ramp = Array.from({ length: scig.everyWeeks - 1 }, (_, k) => doseFor(k + 1));
    for (const x of ramp) for (const mg of x.dose.dayDosesMg) doses.add(mg);
    steps.push(
      step(
        "Ramp-up doses",
        `${g(weeklyMg)} a week × ${ramp.map((_, k) => k + 1).join(", ")} weeks, each to whole vials`,
        ramp.map((x) => g(x.dose.courseDoseMg)).join(", "),
        product.facilitated.rampUp.source,
      ),
    );
  }
  return { steps, doses: [...doses].sort((a, b) => b - a) };
}

function factorSource(product: NonNullable<ReturnType<typeof findScigProduct>>, factor: number, input: ScheduleInput) {
  if (input.scig?.factor === "label" && "source" in product.labelFactor) return product.labelFactor.source;
  return NAMED_FACTORS.find((n) => Math.abs(n.factor - factor) < 1e-9)?.sources[0] ?? null;
}

/** The product of a result (IVIG or SCIG). */
function productOf(r: ScheduleResult): Product {
  return (findProduct(r.regimen.product) ?? findScigProduct(r.regimen.product, r.regimen.region))!;
}

/** The vials and volume of each distinct day dose. */
function explainVials(input: ScheduleInput, r: ScheduleResult, doses: readonly number[]): ExplainStep[] {
  const product = productOf(r);
  const sizes = vialSizesFor(product, r.regimen.region);
  const sizeSource = input.vialSizesG === undefined && "source" in sizes ? sizes.source : null;
  const stock = stockOf(r);
  const conc = r.regimen.concentrationGPerMl;
  return doses.flatMap((mg) => {
    const given = stock.select(mg);
    const vials = given.vials.map((v) => `${v.count} × ${formatNumber(mgToG(v.sizeMg))} g`).join(" + ");
    const left = given.wasteMg > 0 ? ` (${g(given.wasteMg)} left over)` : "";
    const from =
      input.vialSizesG === undefined ? `${sizesText(r)} vials` : `the stocked ${sizesText(r)} vials (--vials)`;
    return [
      step(
        `Vials for ${g(mg)}`,
        `${from}: the least left over, then the fewest vials, then the larger sizes`,
        `${vials}${left}`,
        sizeSource,
      ),
      step(
        `Volume of ${g(mg)}`,
        `${g(mg)} ÷ ${formatNumber(conc)} g/mL`,
        `${formatNumber(roundTo(mgToG(mg) / conc, 1), 1)} mL`,
        product.concentrationGPerMl.source,
      ),
    ];
  });
}

/** The volume each step of a plan runs, the last until the end, and the minutes it takes. */
function runThrough(plan: readonly RateStep[], volumeMl: number): string {
  const parts: string[] = [];
  let remaining = volumeMl;
  plan.forEach((s, i) => {
    if (remaining <= 1e-9) return;
    const next = plan[i + 1];
    const perMinute = s.mlPerHour / 60;
    const full = next ? perMinute * (next.startMinute - s.startMinute) : Number.POSITIVE_INFINITY;
    const ml = Math.min(full, remaining);
    parts.push(
      `${formatNumber(ml / perMinute)} min at ${formatNumber(s.mlPerHour, 1)} mL/h = ${formatNumber(ml, 1)} mL`,
    );
    remaining -= ml;
  });
  return parts.join("; ");
}

/** One chair time per distinct plan and volume: the volume run through the steps, rounded up to the minute. */
function explainChairTimes(r: ScheduleResult): ExplainStep[] {
  const seen = new Set<string>();
  const out: ExplainStep[] = [];
  for (const i of r.infusions) {
    const key = `${i.infusionKind} ${i.volumeMl} ${JSON.stringify(i.ratePlan)} ${i.siteRounds ?? 1}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const name = `Chair time, ${i.infusionKind} infusion of ${formatNumber(i.volumeMl, 1)} mL`;
    if ((i.siteRounds ?? 1) > 1) {
      out.push(
        step(
          name,
          `${i.sites} sites in ${i.siteRounds} rounds, one after another, each round's volume through the pump plan for its sites`,
          `${clock(i.durationMinutes)} (${i.durationMinutes} min)`,
        ),
      );
      continue;
    }
    const exact = infusionMinutes(i.ratePlan, i.volumeMl);
    const minutes = Math.ceil(roundTo(exact, 6));
    out.push(
      step(
        name,
        `${runThrough(i.ratePlan, i.volumeMl)}; in all ${formatNumber(exact)} min, rounded up to the minute`,
        `${clock(minutes)} (${minutes} min)`,
      ),
    );
  }
  return out;
}

/** When each course (or SCIG dose) was planned, and every day the rules moved. */
function explainDates(input: ScheduleInput, r: ScheduleResult, startRule?: string): ExplainStep[] {
  const g = r.regimen;
  const last = input.continuing?.lastCourseDate;
  const continued = last !== undefined ? `--last-course ${last} + ${plural(g.intervalWeeks, "week")}` : "today";
  const from = startRule ?? (g.scig ? g.scig.startRule : input.startDate !== undefined ? "--start" : continued);
  const starts = r.infusions.filter((i) => i.day === 1);
  const planned = g.scig
    ? starts.map((i) => i.plannedDate ?? i.date)
    : starts.map((_, c) => addCalendarDays(g.startDate, c * 7 * g.intervalWeeks));
  const what = g.scig
    ? `every ${plural(g.scig.everyWeeks, "week")}${g.scig.rampUp ? " after the ramp-up doses (1, 2, … weeks apart)" : ""}`
    : `+ (course − 1) × ${plural(g.intervalWeeks, "week")}; each course's ${plural(g.daysPerCourse, "day")} consecutive`;
  const out = [
    step(g.scig ? "Infusion dates" : "Course start dates", `${g.startDate} (${from}) ${what}`, planned.join(", ")),
  ];
  out.push(...explainContinuation(r));
  const rules = input.avoid;
  if (rules && (rules.weekends || (rules.dates?.length ?? 0) > 0)) {
    const blocked = [rules.weekends ? "weekends" : "", rules.dates?.length ? "--avoid dates" : ""].filter(Boolean);
    for (const i of r.infusions.filter((x) => x.movedBecause !== undefined)) {
      out.push(
        step(
          `Moved: course ${i.course} day ${i.day}`,
          `planned ${i.plannedDate}: ${i.movedBecause}; no infusion on ${blocked.join(" or ")}, so the next allowed day`,
          `${i.weekday} ${i.date}`,
        ),
      );
    }
  }
  return out;
}

/** An established patient: the rule that set the first course's rates (NL-IVIG002's 56 days, a change of product). */
function explainContinuation(r: ScheduleResult): ExplainStep[] {
  const c = r.continuation;
  if (c === undefined) return [];
  const gap =
    c.lastInfusion === null
      ? "last infusion not known"
      : `last infusion ${c.lastInfusion} (${c.lastInfusionRule}) to ${c.firstDate} = ${plural(c.gapDays!, "day")}`;
  const source =
    c.rule === "product-change"
      ? PRODUCT_SWITCH_STARTS_LOW.source
      : c.rule === "asked"
        ? null
        : FIRST_INFUSION_GAP_DAYS.source;
  return [step(`Rates of course ${c.firstCourse}`, `${gap}; ${c.reason}`, `${c.rates} rates`, source)];
}
