import { option } from "./optionKeys.js";
import { CM_PER_IN, KG_PER_LB, parseHeight, parseWeight } from "./units.js";
import type {
  Derivation,
  DerivedSchedule,
  IvigDoseDerivation,
  RoundingDerivation,
  ScigDoseDerivation,
} from "./derivation.js";
import { formatNumber, formatPercent, g, plural, roundTo } from "./format.js";
import { infusionMinutes, type RateStep } from "./ratePlan.js";
import { clock, explainIvigRates, explainScigSessions, step } from "./explainInfusion.js";
import { roundingDifferencePercent } from "./regimen.js";
import type { ExplainStep, ScheduleResult } from "./resultSchema.js";
import { mgToG } from "./vials.js";
import {
  DAYS_PER_MONTH,
  EFNS_COURSE_DAYS,
  FIRST_INFUSION_GAP_DAYS,
  ONTARIO_ROUNDING_STEP_G,
  PRODUCT_SWITCH_STARTS_LOW,
} from "../data/guidelines.js";
import { ADJUSTMENT_FACTOR, DEVINE, POLICIES, THRESHOLD_RULES } from "../data/policies.js";
import { SOURCES, type Source } from "../data/sources.js";

/**
 * `--explain`: the arithmetic behind every number of a schedule, step by step, each with its
 * formula (the numbers put in), its result as the table prints it, its number as data (`value`,
 * `unit`) and the source of its rule. Pure. Every figure comes from the record the planners made
 * while planning (core/derivation.ts) or from the schedule itself: nothing is worked out again, so
 * an explanation cannot disagree with the schedule (test/core/explainProperty.test.ts checks it).
 */

const kgText = (kg: number) => `${formatNumber(kg)} kg`;

/**
 * Every step of a schedule's arithmetic: dosing weight, the dose (IVIG course, or SCIG conversion),
 * split, rounding, vials, volume, rate plans and chair time, dates and moves. A `--plan`: the dosing
 * weight once (patient data is the same in every phase), then each phase's steps named with its phase.
 *
 * @example
 * explainSchedule(planDerivedSchedule(input, "2026-12-01"))[0]
 * //=> { step: "Dosing weight", formula: "actual weight: no --dosing-weight or --policy given", result: "70 kg (actual)", … }
 */
export function explainSchedule({ result, derivations }: DerivedSchedule): ExplainStep[] {
  const perPhase = derivations.flatMap(({ phase, startRule, derivation }) => {
    if (phase === undefined) return explainRegimen(derivation, result);
    const part: ScheduleResult = {
      ...result,
      regimen: result.phases?.find((p) => p.phase === phase)?.regimen ?? result.regimen,
      infusions: result.infusions.filter((i) => i.phase === phase),
      courseTotals: result.courseTotals.filter((c) => c.phase === phase),
    };
    return explainRegimen(derivation, part, startRule).map((s) => ({ ...s, step: `Phase ${phase}: ${s.step}` }));
  });
  return [...explainDosingWeight(derivations[0]!.derivation), ...perPhase];
}

/** One regimen's arithmetic after the dosing weight: dose, days, rounding, vials, rates, chair time, dates. */
function explainRegimen(d: Derivation, result: ScheduleResult, startRule?: string): ExplainStep[] {
  const dose = d.dose.route === "scig" ? explainScigDose(d, d.dose, result) : explainIvigDose(d.dose, result);
  return [
    ...dose,
    ...explainVials(d),
    ...(d.dose.route === "scig" ? explainScigSessions(result, d.dose.dosingWeightKg) : explainIvigRates(d, result)),
    ...explainChairTimes(result),
    ...explainDates(d, result, startRule),
  ];
}

/** BMI, Devine ideal weight, adjusted weight, and the rule that chose the dosing weight. */
function explainDosingWeight({ input, dosingWeight: d }: Derivation): ExplainStep[] {
  const out: ExplainStep[] = [...explainUnits(input)];
  const policy = input.policy === undefined ? undefined : POLICIES[input.policy];
  const heightCm = input.heightCm;
  if (heightCm !== undefined && d.bmi !== null) {
    const m = formatNumber(heightCm / 100, 4);
    out.push(
      step("Body mass index", `${kgText(input.weightKg)} ÷ (${m} m)²`, `${formatNumber(d.bmi)} kg/m²`, null, {
        value: roundTo(d.bmi, 2),
        unit: "kg/m²",
      }),
    );
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
        kilograms(d.idealWeightKg),
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
        kilograms(d.adjustedWeightKg!),
      ),
    );
  }
  const rule = d.rule.startsWith("policy:")
    ? `${option("policy", policy!.id)}: `
    : d.rule === "actual"
      ? ""
      : `${option("dosingWeight", d.rule)}: `;
  const source = policy && d.rule === `policy:${policy.id}` ? policy.source : ruleSource(d);
  const cap = d.basis === "actual" ? "" : `; never above the actual ${kgText(input.weightKg)}`;
  const result = `${kgText(d.dosingWeightKg)} (${d.basis})`;
  out.push(step("Dosing weight", `${rule}${d.reason}${cap}`, result, source, kilograms(d.dosingWeightKg)));
  return out;
}

/** A weight typed in pounds or a height in inches, converted by the exact definitions (units.ts). */
function explainUnits(input: Derivation["input"]): ExplainStep[] {
  const out: ExplainStep[] = [];
  const typed = parseWeight(input.weightAsEntered);
  if (typed.unit === "lb") {
    const lb = formatNumber(typed.value / KG_PER_LB, 3);
    out.push(
      step("Weight in kg", `${lb} lb × ${KG_PER_LB} kg/lb`, kgText(input.weightKg), null, {
        value: roundTo(input.weightKg, 3),
        unit: "kg",
      }),
    );
  }
  const height = input.heightAsEntered === undefined ? undefined : parseHeight(input.heightAsEntered);
  if (height !== undefined && height.unit !== "cm") {
    const inches = formatNumber(height.value / CM_PER_IN, 3);
    const typedAs = height.unit === "ftin" ? `${input.heightAsEntered} = ${inches} in` : `${inches} in`;
    out.push(
      step("Height in cm", `${typedAs} × ${CM_PER_IN} cm/in`, `${formatNumber(height.value, 2)} cm`, null, {
        value: roundTo(height.value, 2),
        unit: "cm",
      }),
    );
  }
  return out;
}

function ruleSource(d: Derivation["dosingWeight"]): Source | null {
  if (d.rule === "bmi30" || d.rule === "ibw120") return THRESHOLD_RULES[d.rule].source;
  if (d.basis === "adjusted") return ADJUSTMENT_FACTOR.source;
  if (d.basis === "ideal") return DEVINE.source;
  return null;
}

/** "--round vial (default)", "--round 5g from --policy ontario". */
function roundingOrigin(mode: string, setBy: RoundingDerivation["setBy"], policy: string | undefined): string {
  const from = setBy === "policy" ? ` from ${option("policy", policy ?? "")}` : setBy === "default" ? " (default)" : "";
  return `${option("round", mode)}${from}`;
}

const sizesText = (sizesG: readonly number[]) => `${sizesG.map((v) => formatNumber(v)).join(", ")} g`;
/** A figure as the JSON document gives it: grams to the milligram, kilograms and kg/m² to 2 decimals. */
const grams = (mg: number) => ({ value: roundTo(mgToG(mg), 3), unit: "g" });
const kilograms = (kg: number) => ({ value: roundTo(kg, 2), unit: "kg" });

/** Exact course dose, daily cap, days, rounding, split and the monthly dose of an IVIG course, as planned. */
function explainIvigDose(dose: IvigDoseDerivation, r: ScheduleResult): ExplainStep[] {
  const { dosingWeightKg: kg, exactCourseDoseMg: exactMg, cap, days } = dose;
  const courseMg = dose.rounding.totalMg;
  return [
    step(
      "Exact course dose",
      `${kgText(kg)} × ${formatNumber(dose.doseGPerKg)} g/kg`,
      g(exactMg),
      null,
      grams(exactMg),
    ),
    step(
      "Daily cap",
      `${kgText(kg)} × --max-daily ${formatNumber(cap.gPerKg)} g/kg`,
      `${g(cap.mg)} a day`,
      cap.source,
      grams(cap.mg),
    ),
    days.reason === "fewest-within-cap"
      ? step(
          "Days per course",
          `the fewest days keeping each day within the cap: ⌈${g(exactMg)} ÷ ${g(cap.mg)}⌉ (1–5 days a course)`,
          plural(days.count, "day"),
          EFNS_COURSE_DAYS.source,
          { value: days.count, unit: "days" },
        )
      : step("Days per course", option("days", days.requested), plural(days.count, "day"), null, {
          value: days.count,
          unit: "days",
        }),
    roundingStep(dose.rounding, r.patient.policy ?? undefined, `over ${plural(days.count, "day")}`),
    splitStep(courseMg, dose.dayDosesMg, kg, dose.rounding.mode === "none" ? "0.01 g steps" : "whole vials"),
    step(
      "Monthly dose",
      `${g(courseMg)} ÷ ${kgText(kg)} × (${formatNumber(DAYS_PER_MONTH, 4)} days a month ÷ ${7 * dose.intervalWeeks} days)`,
      `${formatNumber(dose.monthlyDoseGPerKg)} g/kg/month`,
      null,
      { value: dose.monthlyDoseGPerKg, unit: "g/kg/month" },
    ),
  ];
}

/** The rounding of a course total: exact → rounded, how, and its source. */
function roundingStep(rd: RoundingDerivation, policy: string | undefined, over: string): ExplainStep {
  const { exactMg, totalMg } = rd;
  const origin = roundingOrigin(rd.mode, rd.setBy, policy);
  const change = `${g(totalMg)} (${formatPercent(roundingDifferencePercent(exactMg, totalMg))})`;
  if (rd.mode === "none")
    return step("Rounding", `${origin}: ${g(exactMg)} kept to 0.01 g`, change, null, grams(totalMg));
  if (rd.mode === "5g") {
    const nearest = rd.nearestFiveMg!;
    const makeable =
      nearest === totalMg ? "" : `; ${g(nearest)} cannot be made from whole vials ${over}, so the nearest 5 g that can`;
    return step(
      "Rounding",
      `${origin}: ${g(exactMg)} to the nearest ${ONTARIO_ROUNDING_STEP_G.value} g = ${g(nearest)}${makeable} ` +
        `(vials ${sizesText(rd.vialSizesG)}, within 10 %)`,
      change,
      ONTARIO_ROUNDING_STEP_G.source,
      grams(totalMg),
    );
  }
  return step(
    "Rounding",
    `${origin}: the total nearest ${g(exactMg)} that whole vials of ${sizesText(rd.vialSizesG)} make ${over}, ties up (within 10 %)`,
    change,
    SOURCES.asciaRounding,
    grams(totalMg),
  );
}

/**
 * The rounding of an SCIG dose as the planner did it (scig.ts): `--round 5g` rounds the IVIG course
 * before it is converted (the step above), and the SCIG dose itself always goes to whole vials, as
 * the SC order form rounds it; `--round none` keeps it to 0.01 g.
 */
function scigRoundingStep(dose: ScigDoseDerivation, policy: string | undefined): ExplainStep {
  const { mode, setBy } = dose.askedRounding;
  const { exactMg, totalMg } = dose.full;
  const setting = roundingOrigin(mode, setBy, policy);
  const change = `${g(totalMg)} (${formatPercent(roundingDifferencePercent(exactMg, totalMg))})`;
  if (mode === "none")
    return step("Rounding", `${setting}: ${g(exactMg)} kept to 0.01 g`, change, null, grams(totalMg));
  const how =
    mode === "5g"
      ? `${setting}: applied to the IVIG course dose above; the SCIG dose goes to whole vials: `
      : `${setting}: `;
  const sessions = plural(dose.sessions, "session");
  return step(
    "Rounding",
    `${how}the total nearest ${g(exactMg)} that whole vials of ${sizesText(dose.vialSizesG)} make in ${sessions}, ties up (within 10 %)`,
    change,
    SOURCES.optionCareScigRounding,
    grams(totalMg),
  );
}

/** The split of a total over days (or sessions); one number when every day is the same. */
function splitStep(totalMg: number, days: readonly number[], kg: number, unit: string): ExplainStep {
  const distinct = [...new Set(days)];
  const perKg = distinct.map((mg) => `${formatNumber(mgToG(mg) / kg, 3)} g/kg`).join(" or ");
  return step(
    "Split",
    `${g(totalMg)} over ${plural(days.length, "day")}, as even as ${unit} allow, larger days first (${perKg} a day)`,
    days.map(g).join(" + "),
    null,
    distinct.length === 1 ? grams(distinct[0]!) : undefined,
  );
}

/** The IVIG course converted to the SCIG dose of each infusion, rounded to whole vials, split into sessions. */
function explainScigDose({ input }: Derivation, dose: ScigDoseDerivation, r: ScheduleResult): ExplainStep[] {
  const kg = dose.dosingWeightKg;
  const { ivigBaseMg, weeklyExactMg: weeklyMg, full } = dose;
  const ivig = `${kgText(kg)} × ${formatNumber(dose.doseGPerKg)} g/kg = ${g(dose.ivigExactMg)}`;
  const given = input.scig?.givenIvigCourse;
  const converted = (formula: string, source: Source | null = null) =>
    step("IVIG course dose converted", formula, g(ivigBaseMg), source, grams(ivigBaseMg));
  const steps = [
    dose.ivigBaseRule === "given" && given !== undefined
      ? converted(`the course phase ${given.phase} gave (${given.productName}, as dispensed); the exact ${ivig}`)
      : dose.ivigBaseRule === "exact"
        ? converted(ivig)
        : converted(`${ivig}, to the nearest 5 g (Ontario)`, ONTARIO_ROUNDING_STEP_G.source),
    step(
      "Weekly SCIG dose",
      `${g(ivigBaseMg)} ÷ ${plural(dose.intervalWeeks, "week")} × factor ${formatNumber(dose.factor.value)} ` +
        `(${dose.factor.text.replaceAll("; ", ", ")})`,
      `${g(weeklyMg)} a week`,
      dose.factor.source,
      grams(weeklyMg),
    ),
    step(
      "Dose per infusion",
      `${g(weeklyMg)} a week × ${plural(full.weeksCovered, "week")} between infusions`,
      g(full.exactMg),
      dose.everyWeeksSource,
      grams(full.exactMg),
    ),
    scigRoundingStep(dose, r.patient.policy ?? undefined),
  ];
  if (dose.sessions > 1) steps.push(splitStep(full.totalMg, full.sessionsMg, kg, "whole vials"));
  if (dose.rampUp.length > 0) {
    steps.push(
      step(
        "Ramp-up doses",
        `${g(weeklyMg)} a week × ${dose.rampUp.map((x) => x.weeksCovered).join(", ")} weeks, each to whole vials`,
        dose.rampUp.map((x) => g(x.totalMg)).join(", "),
        dose.rampUpSource,
      ),
    );
  }
  return steps;
}

/** The vials and volume of each distinct day dose, as dispensed. */
function explainVials({ input, vials }: Derivation): ExplainStep[] {
  return vials.flatMap((v) => {
    const mg = v.doseMg;
    const given = v.dispensing;
    const list = given.vials.map((x) => `${x.count} × ${formatNumber(mgToG(x.sizeMg))} g`).join(" + ");
    const left = given.wasteMg > 0 ? ` (${g(given.wasteMg)} left over)` : "";
    const sizes = sizesText(v.vialSizesG);
    const from = input.vialSizesG === undefined ? `${sizes} vials` : `the stocked ${sizes} vials (${option("vials")})`;
    const count = given.vials.reduce((n, x) => n + x.count, 0);
    return [
      step(
        `Vials for ${g(mg)}`,
        `${from}: the least left over, then the fewest vials, then the larger sizes`,
        `${list}${left}`,
        v.sizesSource,
        { value: count, unit: "vials" },
      ),
      step(
        `Volume of ${g(mg)}`,
        `${g(mg)} ÷ ${formatNumber(v.concentrationGPerMl)} g/mL`,
        `${formatNumber(v.volumeMl, 1)} mL`,
        v.concentrationSource,
        { value: v.volumeMl, unit: "mL" },
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
          null,
          { value: i.durationMinutes, unit: "min" },
        ),
      );
      continue;
    }
    // The minutes are the planner's; the run-through shows how its rate steps add up to them.
    const exact = infusionMinutes(i.ratePlan, i.volumeMl);
    const minutes = i.durationMinutes;
    out.push(
      step(
        name,
        `${runThrough(i.ratePlan, i.volumeMl)}; in all ${formatNumber(exact)} min, rounded up to the minute`,
        `${clock(minutes)} (${minutes} min)`,
        null,
        { value: minutes, unit: "min" },
      ),
    );
  }
  return out;
}

/** When each course (or SCIG dose) was planned, and every day the rules moved. */
function explainDates({ input }: Derivation, r: ScheduleResult, startRule?: string): ExplainStep[] {
  const g = r.regimen;
  const last = input.continuing?.lastCourseDate;
  const continued = last !== undefined ? `${option("lastCourse", last)} + ${plural(g.intervalWeeks, "week")}` : "today";
  const from = startRule ?? (g.scig ? g.scig.startRule : input.startDate !== undefined ? option("start") : continued);
  const starts = r.infusions.filter((i) => i.day === 1);
  // Each first day's planned date, as the planner placed it (a moved day keeps the date it was planned for).
  const planned = starts.map((i) => i.plannedDate ?? i.date);
  const what = g.scig
    ? `every ${plural(g.scig.everyWeeks, "week")}${g.scig.rampUp ? " after the ramp-up doses (1, 2, … weeks apart)" : ""}`
    : `+ (course − 1) × ${plural(g.intervalWeeks, "week")}; each course's ${plural(g.daysPerCourse, "day")} consecutive`;
  const out = [
    step(g.scig ? "Infusion dates" : "Course start dates", `${g.startDate} (${from}) ${what}`, planned.join(", ")),
  ];
  out.push(...explainContinuation(r));
  const rules = input.avoid;
  if (rules && (rules.weekends || (rules.dates?.length ?? 0) > 0)) {
    const blocked = [rules.weekends ? "weekends" : "", rules.dates?.length ? `${option("avoid")} dates` : ""].filter(
      Boolean,
    );
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
