import { DomainError } from "./errors.js";
import { formatNumber, roundTo } from "./format.js";
import { message } from "./messages.js";
import { settingName, type SettingOrigins } from "./settingOrigin.js";
import type { Message } from "./resultSchema.js";
import {
  FALLBACK_STEP_MINUTES,
  STANDARD_AT_RISK_MAX,
  STANDARD_FIRST_INFUSION_MAX,
  STANDARD_RATE_STEPS,
  type Fact,
  type IvigProduct,
  type Sourced,
} from "../data/products.js";
import { SOURCES, type Source } from "../data/sources.js";
import { IGIV_RISK_FACTORS } from "../data/guidelines.js";

/** The user's rate options (`--initial-rate`, `--max-rate`, `--step-minutes`, `--rate-steps`, `--at-risk`). */
export interface RateOptions {
  readonly initialMlPerKgPerHour?: number | undefined;
  readonly maxMlPerKgPerHour?: number | undefined;
  /** `--allow-above-label-rate`: accept `--initial-rate` or `--max-rate` above the label's (never with `--at-risk`). */
  readonly allowAboveLabelMax?: boolean | undefined;
  readonly stepMinutes?: number | undefined;
  readonly rateStepsMlPerKgPerHour?: readonly number[] | undefined;
  readonly atRisk?: boolean | undefined;
  /** Rate settings that came from a config file or the environment, for the notes to name. */
  readonly origins?: SettingOrigins | undefined;
}

/** The rates one schedule uses, after label, options and caps (all mL/kg/h). */
export interface ResolvedRates {
  readonly indication: string;
  readonly initialMlPerKgPerHour: number;
  /** Where the initial rate came from: the option that set it, for errors that name it. */
  readonly initialFrom: "label" | "--initial-rate";
  readonly stepMinutes: number;
  readonly intermediateMlPerKgPerHour: readonly number[];
  /** Where the steps came from: the label, the NL-IVIG002 table, or `--rate-steps`. */
  readonly stepsFrom: "label" | "standard" | "--rate-steps";
  readonly maxMlPerKgPerHour: number;
  readonly firstInfusionMaxMlPerKgPerHour: number;
  readonly warnings: readonly Message[];
  readonly notes: readonly Message[];
}

/** The smallest pump rate a plan may show: its rates are printed to 0.1 mL/h. */
const MIN_PUMP_ML_PER_HOUR = 0.1;

/** The IGIV boxed warning's risk factors ({@link IGIV_RISK_FACTORS}), as `--help` prints them for `--at-risk`. */
export const RISK_FACTORS = IGIV_RISK_FACTORS.value;

const mlkgh = (x: number) => `${formatNumber(x, 3)} mL/kg/h`;
const sourceOf = (fact: Fact<unknown>): Source[] => ("source" in fact ? [fact.source] : []);

/**
 * Works out the rates for a product: the label's numbers, replaced or lowered by the user's
 * options, never raised above the label without `--allow-above-label-rate`, and never above the
 * label at all with `--at-risk`. A number the label does not give must come from an option; the
 * error names it. Steps come from the label, else from the NL-IVIG002 table, else `--rate-steps`.
 */
export function resolveRates(product: IvigProduct, options: RateOptions = {}): ResolvedRates {
  const warnings: Message[] = [];
  const notes: Message[] = [];
  requireMissingRates(product, options);
  const initial = resolveInitial(product, options, warnings, notes);
  const planMax = resolveMax(product, options, warnings, notes);
  const max = options.atRisk ? atRiskMax(product, options, planMax, warnings) : planMax;
  const stepMinutes = resolveStepMinutes(product, options, warnings);
  const steps = resolveSteps(product, options, Math.min(initial, planMax), planMax);
  const belowCap = steps.values.filter((x) => x < max);
  const aboveCap = steps.from === "--rate-steps" ? steps.values.filter((x) => x > max) : [];
  if (aboveCap.length > 0) {
    notes.push(
      message(
        "RATE_FROM_OPTION",
        `--rate-steps ${aboveCap.map((x) => formatNumber(x, 3)).join(", ")} not run: above the ` +
          `--at-risk maximum ${mlkgh(max)}`,
      ),
    );
  }
  const usesStandard = steps.from === "standard";
  const sourcedFirstMax =
    product.rates.firstInfusionMaxMlPerKgPerHour ?? (usesStandard ? STANDARD_FIRST_INFUSION_MAX : undefined);
  const firstMax = Math.min(max, sourcedFirstMax?.value ?? max);
  notes.push(planNote(product, options, steps.from, stepMinutes, firstMax < max ? sourcedFirstMax : undefined));
  return {
    indication: product.rates.indication,
    initialMlPerKgPerHour: Math.min(initial, max),
    initialFrom: options.initialMlPerKgPerHour !== undefined ? "--initial-rate" : "label",
    stepMinutes,
    intermediateMlPerKgPerHour: belowCap.filter((x) => x > Math.min(initial, max)),
    stepsFrom: steps.from,
    maxMlPerKgPerHour: max,
    firstInfusionMaxMlPerKgPerHour: firstMax,
    warnings,
    notes,
  };
}

/**
 * Every rate the label does not give must come from an option: all of them are named in one error
 * (not one a run), with the same product's entry under another region's label where there is one.
 */
function requireMissingRates(product: IvigProduct, options: RateOptions): void {
  const { initialMlPerKgPerHour: initial, maxMlPerKgPerHour: max } = product.rates;
  const missing = [
    ...(initial.value === null && options.initialMlPerKgPerHour === undefined
      ? [{ option: "--initial-rate", fact: initial }]
      : []),
    ...(max.value === null && options.maxMlPerKgPerHour === undefined ? [{ option: "--max-rate", fact: max }] : []),
  ];
  if (missing.length === 0) return;
  const other = Object.values(product.soldAs ?? {})[0];
  const options_ = missing.map((m) => m.option);
  throw new DomainError(
    "RATE_NEEDED",
    options_[0]!,
    `${options_.join(" and ")} ${missing.length > 1 ? "are" : "is"} required for ${product.name}: its ` +
      `${missing.length > 1 ? "infusion rates were" : `${options_[0] === "--max-rate" ? "maximum" : "initial"} rate was`} not found ` +
      `(${notFoundText(missing[0]!.fact)}); give your protocol's rates in ` +
      `mL/kg/h${other ? `, or use --product ${other.productId} (the same product, ${other.name}, with its own label's rates)` : ""}`,
    [...options_.slice(1), ...(other ? ["--product"] : [])],
  );
}

/** The label's initial rate, or `--initial-rate` (above the label only with the override, never at risk). */
function resolveInitial(product: IvigProduct, options: RateOptions, warnings: Message[], notes: Message[]): number {
  const fact = product.rates.initialMlPerKgPerHour;
  const given = options.initialMlPerKgPerHour;
  if (given === undefined) {
    if (fact.value === null) {
      throw new DomainError(
        "RATE_NEEDED",
        "--initial-rate",
        `--initial-rate is required for ${product.name}: its initial infusion rate was not found (${notFoundText(fact)}); give your ` +
          `protocol's rate in mL/kg/h`,
      );
    }
    return fact.value;
  }
  if (fact.value !== null && given > fact.value) {
    const label = `the ${product.name} label initial rate of ${mlkgh(fact.value)} (${product.rates.indication})`;
    if (options.atRisk) {
      warnings.push(
        message(
          "AT_RISK_HOLDS_LABEL_RATE",
          `--initial-rate ${mlkgh(given)} is above ${label}: with --at-risk the plan ` +
            `starts at the label's rate (--allow-above-label-rate does not apply)`,
          sourceOf(fact),
        ),
      );
      return fact.value;
    }
    if (!options.allowAboveLabelMax) {
      throw new DomainError(
        "RATE_ABOVE_LABEL",
        "--initial-rate",
        `--initial-rate ${formatNumber(given, 3)} is above ${label}; pass ` +
          `--allow-above-label-rate to use it anyway`,
        ["--allow-above-label-rate"],
      );
    }
    warnings.push(
      message(
        "INITIAL_RATE_ABOVE_LABEL",
        `--initial-rate ${mlkgh(given)} is above the label initial rate ` +
          `${mlkgh(fact.value)} (--allow-above-label-rate)`,
        sourceOf(fact),
      ),
    );
  } else {
    notes.push(
      message(
        "RATE_FROM_OPTION",
        `initial rate ${mlkgh(given)} from ` +
          `${settingName(options.origins, "--initial-rate")}${fact.value === null ? "" : ` (label: ${mlkgh(fact.value)})`}`,
      ),
    );
  }
  return given;
}

/** The label maximum, or `--max-rate` (above the label only with the override, never at risk). */
function resolveMax(product: IvigProduct, options: RateOptions, warnings: Message[], notes: Message[]): number {
  const fact = product.rates.maxMlPerKgPerHour;
  const given = options.maxMlPerKgPerHour;
  if (given === undefined) {
    if (fact.value === null) {
      throw new DomainError(
        "RATE_NEEDED",
        "--max-rate",
        `--max-rate is required for ${product.name}: its maximum infusion rate was not found (${notFoundText(fact)}); give your ` +
          `protocol's rate in mL/kg/h`,
      );
    }
    return fact.value;
  }
  if (fact.value !== null && given > fact.value) {
    const label = `the ${product.name} label maximum of ${mlkgh(fact.value)} (${product.rates.indication})`;
    if (options.atRisk) {
      warnings.push(
        message(
          "AT_RISK_HOLDS_LABEL_RATE",
          `--max-rate ${mlkgh(given)} is above ${label}: with --at-risk the plan holds at ` +
            `the label's maximum (--allow-above-label-rate does not apply)`,
          sourceOf(fact),
        ),
      );
      return fact.value;
    }
    if (!options.allowAboveLabelMax) {
      throw new DomainError(
        "RATE_ABOVE_LABEL",
        "--max-rate",
        `--max-rate ${formatNumber(given, 3)} is above ${label}; pass ` + `--allow-above-label-rate to use it anyway`,
        ["--allow-above-label-rate"],
      );
    }
    warnings.push(
      message(
        "MAX_RATE_ABOVE_LABEL",
        `--max-rate ${mlkgh(given)} is above the label maximum ${mlkgh(fact.value)} ` + `(--allow-above-label-rate)`,
        sourceOf(fact),
      ),
    );
  } else {
    notes.push(
      message(
        "RATE_FROM_OPTION",
        `maximum rate ${mlkgh(given)} from ` +
          `${settingName(options.origins, "--max-rate")}${fact.value === null ? "" : ` (label: ${mlkgh(fact.value)})`}`,
      ),
    );
  }
  return given;
}

/**
 * `--at-risk`: the label's numeric cap always holds. Where the label has none ("minimum infusion
 * rate practicable"), an explicit `--max-rate` is the prescriber's choice; without one the plan
 * stops at NL-IVIG002's 0.08 mL/kg/min, the rate above which that table asks for the prescriber's
 * check in patients at risk of renal failure or thrombosis.
 */
function atRiskMax(product: IvigProduct, options: RateOptions, max: number, warnings: Message[]): number {
  const cap = product.rates.atRiskMaxMlPerKgPerHour;
  // Short enough for a calendar event; the risk factors themselves are listed in --help for --at-risk.
  const advice = "hydrate before the infusion; minimum practicable dose and rate";
  if (cap.value !== null) {
    const capped = Math.min(max, cap.value);
    warnings.push(
      message(
        "AT_RISK",
        `at risk of renal dysfunction or thrombosis: maximum rate capped at the label's ` +
          `${mlkgh(cap.value)}; ${advice}`,
        [cap.source, SOURCES.gammagardBoxedWarning],
      ),
    );
    return capped;
  }
  if (options.maxMlPerKgPerHour !== undefined) {
    warnings.push(
      message(
        "AT_RISK",
        `at risk of renal dysfunction or thrombosis: no numeric cap on the ${product.name} label, so the ` +
          `rate is held at --max-rate ${mlkgh(max)}; ${advice}`,
        [SOURCES.gammagardBoxedWarning],
      ),
    );
    return max;
  }
  const capped = Math.min(max, STANDARD_AT_RISK_MAX.value);
  warnings.push(
    message(
      "AT_RISK",
      `at risk of renal dysfunction or thrombosis: no numeric cap on the ${product.name} label, so the plan stops at ${mlkgh(capped)} ` +
        `(NL-IVIG002: above 0.08 mL/kg/min at-risk patients need the prescriber's check); ${advice}`,
      [STANDARD_AT_RISK_MAX.source, SOURCES.gammagardBoxedWarning],
    ),
  );
  return capped;
}

function resolveStepMinutes(product: IvigProduct, options: RateOptions, warnings: Message[]): number {
  const fact = product.rates.stepMinutes;
  if (options.stepMinutes !== undefined) return options.stepMinutes;
  if (fact.value !== null) return fact.value;
  warnings.push(
    message(
      "RATE_TIMING_NOT_IN_LABEL",
      `the ${product.name} label does not say how long each rate runs; the plan uses ${FALLBACK_STEP_MINUTES.value} min, ` +
        `as the Gammagard Liquid and Octagam 10 % labels do; set your protocol's with --step-minutes`,
      [SOURCES.gammagardPi, SOURCES.octagamDailymed],
    ),
  );
  return FALLBACK_STEP_MINUTES.value;
}

/**
 * The steps between the initial rate and the maximum. `--rate-steps` outside that range are
 * refused (never silently dropped); the label's or NL-IVIG002's steps are clipped to it.
 */
function resolveSteps(
  product: IvigProduct,
  options: RateOptions,
  initial: number,
  max: number,
): { values: readonly number[]; from: ResolvedRates["stepsFrom"] } {
  const given = options.rateStepsMlPerKgPerHour;
  if (given !== undefined) {
    const outside = given.find((x) => x < initial || x > max);
    if (outside !== undefined) {
      throw new DomainError(
        "RATE_STEPS_OUTSIDE_PLAN",
        "--rate-steps",
        `--rate-steps ${formatNumber(outside, 3)} lies outside this plan's ${formatNumber(initial, 3)}–${mlkgh(max)} (initial rate to ` +
          `maximum); give steps within it`,
      );
    }
    return { values: given, from: "--rate-steps" };
  }
  const label = product.rates.intermediateMlPerKgPerHour.value;
  const [values, from] = label !== null ? [label, "label" as const] : [STANDARD_RATE_STEPS.value, "standard" as const];
  return { values: values.filter((x) => x > initial && x < max), from };
}

/** A note that says where the plan's steps and their timing come from. */
function planNote(
  product: IvigProduct,
  options: RateOptions,
  from: ResolvedRates["stepsFrom"],
  stepMinutes: number,
  firstMax: Sourced<number> | undefined,
): Message {
  const r = product.rates;
  const timing =
    options.stepMinutes !== undefined
      ? `every ${stepMinutes} min (${settingName(options.origins, "--step-minutes")})`
      : r.stepMinutes.value !== null
        ? `every ${stepMinutes} min (${product.name} label)`
        : `every ${stepMinutes} min (not in the label; see RATE_TIMING_NOT_IN_LABEL)`;
  const steps =
    from === "--rate-steps"
      ? options.origins?.["--rate-steps"]
        ? `the steps of ${settingName(options.origins, "--rate-steps")}`
        : "your --rate-steps"
      : from === "label"
        ? `the ${product.name} label's steps (${r.indication})`
        : `the NL-IVIG002 standardised steps (${STANDARD_RATE_STEPS.note}) between the label's initial rate and its maximum`;
  const first = firstMax
    ? `; first infusions stop at ${mlkgh(firstMax.value)} (${firstMax.note ?? "first-infusion maximum"})`
    : "";
  const sources = [
    ...(from === "label"
      ? sourceOf(r.intermediateMlPerKgPerHour)
      : from === "standard"
        ? [STANDARD_RATE_STEPS.source]
        : []),
    ...(options.stepMinutes === undefined ? sourceOf(r.stepMinutes) : []),
    ...(firstMax ? [firstMax.source] : []),
  ];
  return message(
    "RATE_PLAN",
    `rate plan: ${steps}, ` + `${timing}${first}`,
    sources.filter((s, i) => sources.findIndex((t) => t.url === s.url) === i),
  );
}

function notFoundText(fact: { value: unknown; notFound?: string }): string {
  return fact.notFound ?? "not found";
}

export interface RateStep {
  readonly startMinute: number;
  /** Pump rate for this patient, to 0.1 mL/h. */
  readonly mlPerHour: number;
  readonly mlPerKgPerHour: number;
  /** mL/kg/h × concentration (mg/mL) ÷ 60: computed, never the label's rounded figure. */
  readonly mgPerKgPerMin: number;
}

/**
 * The titration for one infusion: the initial rate, each step, then the maximum, every
 * `stepMinutes`. A first infusion stops at the first-infusion maximum where a source gives one.
 *
 * @example
 * buildRatePlan(gammagardRates, "later", 70, 0.1)
 * //=> 35, 42, 84, 168, 252, 336, 378 mL/h, starting at minutes 0, 30, … 180
 */
export function buildRatePlan(
  rates: ResolvedRates,
  kind: "first" | "later",
  rateWeightKg: number,
  concentrationGPerMl: number,
): RateStep[] {
  const top = kind === "first" ? rates.firstInfusionMaxMlPerKgPerHour : rates.maxMlPerKgPerHour;
  const initial = Math.min(rates.initialMlPerKgPerHour, top);
  const ladder = [initial, ...rates.intermediateMlPerKgPerHour.filter((x) => x > initial && x < top), top];
  const distinct = ladder.filter((x, i) => i === 0 || x > ladder[i - 1]!);
  const lowest = roundTo(initial * rateWeightKg, 1);
  if (lowest < MIN_PUMP_ML_PER_HOUR) {
    const option = rates.initialFrom === "--initial-rate" ? "--initial-rate" : "--weight";
    throw new DomainError(
      "RATE_ROUNDS_TO_ZERO",
      option,
      `${option}: the initial rate ${mlkgh(initial)} × ${formatNumber(rateWeightKg)} kg is ${formatNumber(initial * rateWeightKg, 3)} ` +
        `mL/h, which rounds to 0 mL/h; a pump rate must be at least ${MIN_PUMP_ML_PER_HOUR} mL/h`,
    );
  }
  return distinct.map((mlPerKgPerHour, i) => ({
    startMinute: i * rates.stepMinutes,
    mlPerHour: roundTo(mlPerKgPerHour * rateWeightKg, 1),
    mlPerKgPerHour: roundTo(mlPerKgPerHour, 3),
    mgPerKgPerMin: roundTo((mlPerKgPerHour * concentrationGPerMl * 1000) / 60, 3),
  }));
}

/**
 * Minutes to run `volumeMl` through a plan: each step for its minutes, the last until the end.
 *
 * @example
 * infusionMinutes([{ startMinute: 0, mlPerHour: 60 }, { startMinute: 30, mlPerHour: 120 }], 90) //=> 60
 */
export function infusionMinutes(
  plan: readonly Pick<RateStep, "startMinute" | "mlPerHour">[],
  volumeMl: number,
): number {
  let remaining = volumeMl;
  let minutes = 0;
  for (let i = 0; i < plan.length; i++) {
    const step = plan[i]!;
    const next = plan[i + 1];
    const rate = step.mlPerHour / 60; // mL per minute
    if (!next) return minutes + remaining / rate;
    const length = next.startMinute - step.startMinute;
    if (rate * length >= remaining) return minutes + remaining / rate;
    remaining -= rate * length;
    minutes += length;
  }
  return minutes;
}

/** The longest chair time the tool plans, IVIG or SCIG: a longer infusion is refused (a day has 24 hours). */
export const MAX_CHAIR_MINUTES = 24 * 60;

/** h:mm, as the table prints chair times. */
function clock(minutes: number): string {
  const m = Math.ceil(roundTo(minutes, 6));
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

/**
 * Refuses a schedule whose longest infusion day would sit in the chair more than 24 h, naming the
 * rate options that slowed it (or the dose per day, when none was given).
 */
export function checkChairTime(
  longest: { readonly durationMinutes: number; readonly volumeMl: number },
  options: RateOptions = {},
): void {
  if (longest.durationMinutes <= MAX_CHAIR_MINUTES) return;
  const given = [
    options.initialMlPerKgPerHour !== undefined
      ? `--initial-rate ${formatNumber(options.initialMlPerKgPerHour, 3)}`
      : "",
    options.maxMlPerKgPerHour !== undefined ? `--max-rate ${formatNumber(options.maxMlPerKgPerHour, 3)}` : "",
    options.rateStepsMlPerKgPerHour !== undefined ? `--rate-steps ${options.rateStepsMlPerKgPerHour.join(",")}` : "",
    options.stepMinutes !== undefined ? `--step-minutes ${options.stepMinutes}` : "",
    options.atRisk ? "--at-risk" : "",
  ].filter(Boolean);
  const cause = given.length > 0 ? ` (${given.join(", ")})` : "";
  const flags = [...given.map((x) => x.split(" ")[0]!), "--days"];
  throw new DomainError(
    "CHAIR_TIME_OVER_24H",
    flags[0],
    `a ${formatNumber(longest.volumeMl, 1)} mL infusion day would take ${clock(longest.durationMinutes)} through this rate plan${cause}, ` +
      `more than 24 h in the chair; raise the rates or give the course over more days (--days)`,
    flags.slice(1),
  );
}

/**
 * A note with the chair time of the fastest plan the label allows (its initial rate for one step,
 * then straight to its maximum), beside the titrated plan's: mentioned, never planned.
 */
export function fastestLabelNote(
  rates: ResolvedRates,
  rateWeightKg: number,
  concentrationGPerMl: number,
  volumeMl: number,
  plannedMinutes: number,
): Message | undefined {
  if (rates.stepsFrom !== "standard") return undefined;
  const fastest = buildRatePlan(
    { ...rates, intermediateMlPerKgPerHour: [] },
    "later",
    rateWeightKg,
    concentrationGPerMl,
  );
  const minutes = infusionMinutes(fastest, volumeMl);
  return message(
    "RATE_FASTEST_LABEL_PLAN",
    `the label would allow ${mlkgh(rates.initialMlPerKgPerHour)} for ${rates.stepMinutes} min, then straight to ` +
      `${mlkgh(rates.maxMlPerKgPerHour)}: the largest day (${formatNumber(volumeMl, 1)} mL) in ${clock(minutes)} instead of ` +
      `${clock(plannedMinutes)}; the plan titrates in the sourced steps instead`,
  );
}
