import { DomainError, Refusal } from "./domainError.js";
import { formatNumber, roundTo } from "./format.js";
import { message } from "./messages.js";
import { settingName, type SettingOrigins } from "./settingOrigin.js";
import type { Message } from "./resultSchema.js";
import {
  FALLBACK_STEP_MINUTES,
  IVIG_PRODUCTS,
  STANDARD_AT_RISK_MAX,
  STANDARD_FIRST_INFUSION_MAX,
  STANDARD_FIRST_ROW,
  STANDARD_RATE_STEPS,
  STANDARD_TOP_ROW,
  type Fact,
  type IvigProduct,
  type Sourced,
} from "../data/products.js";
import { SOURCES, type Source } from "../data/sources.js";
import { IGIV_RISK_FACTORS } from "../data/guidelines.js";
import { type OptionKey, type OptionValue, option } from "./optionKeys.js";

/** The user's rate options (`--initial-rate`, `--max-rate`, `--step-minutes`, `--rate-steps`, `--at-risk`). */
export interface RateOptions {
  readonly initialMlPerKgPerHour?: number | undefined;
  readonly maxMlPerKgPerHour?: number | undefined;
  /**
   * `--allow-above-label-rate`: accept `--initial-rate` or `--max-rate` above the label's (or its
   * bound), or `--step-minutes` shorter than the label's step (never with `--at-risk`).
   */
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
  readonly initialFrom: "label" | "initialRate";
  readonly stepMinutes: number;
  readonly intermediateMlPerKgPerHour: readonly number[];
  /** Where the steps came from: the label, the NL-IVIG002 table, or `--rate-steps`. */
  readonly stepsFrom: "label" | "standard" | "rateSteps";
  readonly maxMlPerKgPerHour: number;
  /** Where the maximum came from: the label, `--max-rate`, or the `--at-risk` top below them. */
  readonly maxFrom: "label" | "maxRate" | "atRisk";
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
 * options, never raised above the label (or, without label rates, the bound that stands in for it)
 * without `--allow-above-label-rate`, and never above it at all with `--at-risk`, which also runs
 * slower than the ordinary plan. A number the label does not give must come from an option; the
 * error names it. Steps come from the label, else from the NL-IVIG002 table, else `--rate-steps`.
 */
export function resolveRates(product: IvigProduct, options: RateOptions = {}): ResolvedRates {
  const rates = ratesOrRefusal(product, options);
  if (rates instanceof Refusal) throw rates.error();
  return rates;
}

/**
 * Why `resolveRates` refuses these options for this product, or null when it accepts them: the
 * same code path, so a remedy checked here is one the planner accepts.
 *
 * @example
 * rateRefusal(privigen, { maxMlPerKgPerHour: 99 })?.code //=> "RATE_ABOVE_LABEL"
 */
export function rateRefusal(product: IvigProduct, options: RateOptions = {}): Refusal | null {
  const rates = ratesOrRefusal(product, options);
  return rates instanceof Refusal ? rates : null;
}

function ratesOrRefusal(product: IvigProduct, options: RateOptions): ResolvedRates | Refusal {
  const warnings: Message[] = [];
  const notes: Message[] = [];
  const missing = missingRatesRefusal(product, options);
  if (missing) return missing;
  const initial = resolveRate(product, "initial", options, warnings, notes);
  if (initial instanceof Refusal) return initial;
  const planMax = resolveRate(product, "max", options, warnings, notes);
  if (planMax instanceof Refusal) return planMax;
  const atRisk = options.atRisk ? atRiskMax(product, options, planMax, warnings) : undefined;
  const max = atRisk?.value ?? planMax;
  const stepMinutes = resolveStepMinutes(product, options, warnings);
  if (stepMinutes instanceof Refusal) return stepMinutes;
  const steps = resolveSteps(product, options, Math.min(initial, planMax), planMax);
  if (steps instanceof Refusal) return steps;
  const belowCap = steps.values.filter((x) => x < max);
  const aboveCap = steps.from === "rateSteps" ? steps.values.filter((x) => x > max) : [];
  if (aboveCap.length > 0) {
    notes.push(
      message(
        "RATE_FROM_OPTION",
        `${option("rateSteps")} ${aboveCap.map((x) => formatNumber(x, 3)).join(", ")} not run: above the ` +
          `${option("atRisk")} maximum ${mlkgh(max)}`,
      ),
    );
  }
  const usesStandard = steps.from === "standard";
  const sourcedFirstMax =
    product.rates.firstInfusionMaxMlPerKgPerHour ?? (usesStandard ? STANDARD_FIRST_INFUSION_MAX : undefined);
  const firstMax = Math.min(max, sourcedFirstMax?.value ?? max);
  notes.push(planNote(product, options, steps.from, stepMinutes, firstMax < max ? sourcedFirstMax : undefined));
  // Without label rates (Kiovig) the rates are the typed ones, bounded by another label: never "the label's".
  const typed = product.rates.initialMlPerKgPerHour.value === null || product.rates.maxMlPerKgPerHour.value === null;
  return {
    indication: typed ? `typed (${option("initialRate")}, ${option("maxRate")})` : product.rates.indication,
    initialMlPerKgPerHour: Math.min(initial, max),
    initialFrom: options.initialMlPerKgPerHour !== undefined ? "initialRate" : "label",
    stepMinutes,
    intermediateMlPerKgPerHour: belowCap.filter((x) => x > Math.min(initial, max)),
    stepsFrom: steps.from,
    maxMlPerKgPerHour: max,
    maxFrom: atRisk?.from ?? (options.maxMlPerKgPerHour !== undefined ? "maxRate" : "label"),
    firstInfusionMaxMlPerKgPerHour: firstMax,
    warnings,
    notes,
  };
}

/**
 * Every rate the label does not give must come from an option: all of them are named in one error
 * (not one a run), with the same product's entry under another region's label where there is one.
 */
function missingRatesRefusal(product: IvigProduct, options: RateOptions): Refusal | undefined {
  const { initialMlPerKgPerHour: initial, maxMlPerKgPerHour: max } = product.rates;
  const missing = [
    ...(initial.value === null && options.initialMlPerKgPerHour === undefined
      ? [{ option: "initialRate" as const, fact: initial }]
      : []),
    ...(max.value === null && options.maxMlPerKgPerHour === undefined
      ? [{ option: "maxRate" as const, fact: max }]
      : []),
  ];
  if (missing.length === 0) return undefined;
  const other = Object.values(product.soldAs ?? {})[0];
  const options_ = missing.map((m) => m.option);
  return new Refusal(
    "RATE_NEEDED",
    options_[0]!,
    `${options_.map((k) => option(k)).join(" and ")} ${missing.length > 1 ? "are" : "is"} required for ${product.name}: its ` +
      `${missing.length > 1 ? "infusion rates were" : `${options_[0] === "maxRate" ? "maximum" : "initial"} rate was`} not found ` +
      `(${notFoundText(missing[0]!.fact)}); give your protocol's rates in ` +
      `mL/kg/h${other ? `, or use ${option("product", other.productId)} (the same product, ${other.name}, ` : ""}` +
      `${other ? "with its own label's rates)" : ""}`,
    [...options_.slice(1), ...(other ? ["product" as const] : [])],
  );
}

/** The ceiling a typed rate is held to: the label's rate, or the bound that stands in for a label rate not found. */
interface RateLimit {
  readonly value: number;
  readonly source: Source;
  /** How messages name it: "the Privigen 10 % label maximum of 4.8 mL/kg/h (CIDP (US label))". */
  readonly text: string;
  readonly fromLabel: boolean;
}

/** The same product under another region's label, where that label gives rates (Kiovig → Gammagard Liquid). */
function otherRegionProduct(product: IvigProduct): IvigProduct | undefined {
  return Object.values(product.soldAs ?? {})
    .map((sold) => IVIG_PRODUCTS.find((p) => p.id === sold.productId))
    .find((p) => p !== undefined && p.rates.maxMlPerKgPerHour.value !== null);
}

const rateFact = (product: IvigProduct, which: "initial" | "max") =>
  which === "initial" ? product.rates.initialMlPerKgPerHour : product.rates.maxMlPerKgPerHour;

/**
 * The label's initial rate or maximum; without one, the same product's other-region label
 * (docs/clinical.md §13.5: Kiovig = Gammagard Liquid, 0.5 → 5.4 mL/kg/h), else NL-IVIG002's first
 * or top row (0.01 / 0.14 mL/kg/min). A bound is never called the product's label.
 */
function rateLimit(product: IvigProduct, which: "initial" | "max"): RateLimit {
  const what = which === "initial" ? "initial rate" : "maximum";
  const fact = rateFact(product, which);
  if (fact.value !== null) {
    const text = `the ${product.name} label ${what} of ${mlkgh(fact.value)} (${product.rates.indication})`;
    return { value: fact.value, source: fact.source, text, fromLabel: true };
  }
  const none = `no ${product.name} label rate was found`;
  const other = otherRegionProduct(product);
  const borrowed = other ? rateFact(other, which) : undefined;
  if (other && borrowed && borrowed.value !== null) {
    const text =
      `${mlkgh(borrowed.value)}, the ${what} of the same product's other label ` +
      `(${other.name}, ${other.rates.indication}; ${none})`;
    return { value: borrowed.value, source: borrowed.source, text, fromLabel: false };
  }
  const row = which === "initial" ? STANDARD_FIRST_ROW : STANDARD_TOP_ROW;
  return { value: row.value, source: row.source, text: `${mlkgh(row.value)}, ${row.note} (${none})`, fromLabel: false };
}

/**
 * The label's rate, or the typed `--initial-rate` / `--max-rate`: above the label (or its bound) only
 * with `--allow-above-label-rate`, and never with `--at-risk` (the label's, or the bound, holds).
 */
function resolveRate(
  product: IvigProduct,
  which: "initial" | "max",
  options: RateOptions,
  warnings: Message[],
  notes: Message[],
): number | Refusal {
  const key = which === "initial" ? "initialRate" : "maxRate";
  const given = which === "initial" ? options.initialMlPerKgPerHour : options.maxMlPerKgPerHour;
  const fact = rateFact(product, which);
  if (given === undefined) {
    if (fact.value === null) return new Refusal("RATE_NEEDED", key, `${option(key)} is required for ${product.name}`);
    return fact.value;
  }
  const limit = rateLimit(product, which);
  if (given <= limit.value) {
    const within = limit.fromLabel ? `label: ${mlkgh(limit.value)}` : `at most ${limit.text}`;
    const what = which === "initial" ? "initial rate" : "maximum rate";
    notes.push(
      message("RATE_FROM_OPTION", `${what} ${mlkgh(given)} from ${settingName(options.origins, key)} (${within})`),
    );
    return given;
  }
  if (options.atRisk) {
    const holds = which === "initial" ? "starts at" : "holds at";
    warnings.push(
      message(
        "AT_RISK_HOLDS_LABEL_RATE",
        `${option(key)} ${mlkgh(given)} is above ${limit.text}: with ${option("atRisk")} the plan ${holds} ` +
          `${mlkgh(limit.value)} (${option("allowAboveLabelRate")} does not apply)`,
        [limit.source],
      ),
    );
    return limit.value;
  }
  if (!options.allowAboveLabelMax) {
    return new Refusal(
      "RATE_ABOVE_LABEL",
      key,
      `${option(key, roundTo(given, 3))} is above ${limit.text}; pass ${option("allowAboveLabelRate")} to use it anyway`,
      ["allowAboveLabelRate"],
    );
  }
  const text = `${option(key)} ${mlkgh(given)} is above ${limit.text} (${option("allowAboveLabelRate")})`;
  warnings.push(
    which === "initial"
      ? message("INITIAL_RATE_ABOVE_LABEL", text, [limit.source])
      : message("MAX_RATE_ABOVE_LABEL", text, [limit.source]),
  );
  return given;
}

const mlkgmin = (x: number) => `${formatNumber(x / 60, 3)} mL/kg/min`;

/** The at-risk plan's top and why: the label's cap, or an NL-IVIG002 step below the label's figure. */
interface AtRiskTop {
  readonly value: number;
  readonly why: string;
  readonly sources: readonly Source[];
}

/**
 * The at-risk top, always below the ordinary plan's (the boxed warning's "minimum infusion rate
 * practicable"): the label's numeric cap (Octagam 10 %, Panzyga: 3.3 mg/kg/min); else the highest
 * NL-IVIG002 step strictly below the label's "less than" figure (Gamunex-C: 8 mg/kg/min → 0.06) or
 * below the label maximum, and never above 0.08 mL/kg/min, the rate above which NL-IVIG002 asks for
 * the prescriber's check in patients at risk of renal failure or thrombosis.
 */
function atRiskTop(product: IvigProduct, labelMax: RateLimit): AtRiskTop {
  const cap = product.rates.atRiskMaxMlPerKgPerHour;
  if (cap.value !== null) {
    const value = Math.min(cap.value, labelMax.value);
    return { value, why: `the ${product.name} label's at-risk cap`, sources: [cap.source] };
  }
  const below = product.rates.atRiskBelowMlPerKgPerHour;
  const ceiling = Math.min(labelMax.value, below?.value ?? Number.POSITIVE_INFINITY);
  const step = STANDARD_RATE_STEPS.value.filter((x) => x < ceiling - 1e-9).at(-1) ?? STANDARD_RATE_STEPS.value[0]!;
  const value = Math.min(step, STANDARD_AT_RISK_MAX.value);
  if (below) {
    return {
      value,
      why: `the ${product.name} label asks for less than ${mlkgmin(below.value)}; ${mlkgmin(value)} is the NL-IVIG002 step below`,
      sources: [below.source, STANDARD_RATE_STEPS.source],
    };
  }
  // Short: the warning travels into calendar events (a label without a number says "minimum practicable").
  const whose = labelMax.fromLabel ? "its maximum" : "the bound";
  const check = value < step ? ", the rate above which NL-IVIG002 asks for the prescriber's check" : "";
  return {
    value,
    why:
      `${labelMax.fromLabel ? `no number on the ${product.name} label` : `no label rates were found for ${product.name}`}; ` +
      `the NL-IVIG002 step below ${whose} ${mlkgmin(labelMax.value)}${check}`,
    sources: [labelMax.source, STANDARD_RATE_STEPS.source],
  };
}

/**
 * `--at-risk`: the plan stops at {@link atRiskTop}, below the ordinary plan's top; a typed
 * `--max-rate` already at or below it is the prescriber's rate and is kept (the warning says the plan
 * is then the same as without `--at-risk`). The warning names both tops and why; its sources the cap's.
 */
function atRiskMax(
  product: IvigProduct,
  options: RateOptions,
  planMax: number,
  warnings: Message[],
): { value: number; from: ResolvedRates["maxFrom"] } {
  const top = atRiskTop(product, rateLimit(product, "max"));
  // Short enough for a calendar event; the risk factors themselves are listed in --help for --at-risk.
  const advice = "hydrate before the infusion; minimum practicable dose and rate";
  const sources = [...top.sources, SOURCES.gammagardBoxedWarning];
  const risk = "at risk of renal dysfunction or thrombosis";
  const typed = settingName(options.origins, "maxRate");
  if (planMax <= top.value) {
    const text =
      `${risk}: ${typed} ${mlkgh(planMax)} kept, at or below the at-risk top of ${mlkgh(top.value)}, so the plan is ` +
      `the same as without ${option("atRisk")}; ${advice}`;
    warnings.push(message("AT_RISK", text, sources));
    return { value: planMax, from: "maxRate" };
  }
  const ordinary = options.maxMlPerKgPerHour !== undefined ? typed : "the ordinary";
  const text =
    `${risk}: the plan stops at ${mlkgh(top.value)} (${mlkgmin(top.value)}), not ${ordinary} ${mlkgh(planMax)}: ` +
    `${top.why}; ${advice}`;
  warnings.push(message("AT_RISK", text, sources));
  return { value: top.value, from: "atRisk" };
}

/**
 * `--at-risk` on a schedule whose every infusion is a first infusion, when its first-infusion plan
 * is the same as without `--at-risk` (Gammagard Liquid: both stop at 0.08 mL/kg/min): the AT_RISK
 * warning then says so instead of naming a cap that changed nothing (docs/clinical.md §7.2).
 */
export function atRiskFirstInfusionsOnly(product: IvigProduct, rates: ResolvedRates): Message[] {
  const first = rates.firstInfusionMaxMlPerKgPerHour;
  const top = atRiskTop(product, rateLimit(product, "max"));
  return rates.warnings.map((w) =>
    w.code === "AT_RISK"
      ? {
          ...w,
          message:
            `at risk of renal dysfunction or thrombosis: every infusion here is a first infusion, which stops at ` +
            `${mlkgh(first)} (${mlkgmin(first)}) with or without ${option("atRisk")}, so the plan is the same as without ` +
            `${option("atRisk")}; a later infusion would stop at ${mlkgh(top.value)}: ${top.why}; hydrate before the ` +
            `infusion; minimum practicable dose and rate`,
        }
      : w,
  );
}

/** The shortest step time allowed without the override, and how messages name it. */
interface StepLimit {
  readonly value: number;
  readonly source: Source;
  readonly text: string;
}

/**
 * The label's shortest step time (Panzyga: every 15–30 min, so 15); else the same product's other
 * label's; else the plan's default, 30 min (the Gammagard Liquid PI and Octagam 10 % labels' step).
 */
function stepLimit(product: IvigProduct): StepLimit {
  const own = product.rates.minStepMinutes ?? product.rates.stepMinutes;
  if (own.value !== null) {
    return {
      value: own.value,
      source: own.source,
      text: `the ${product.name} label's ${own.value} min (${own.note ?? "its step time"})`,
    };
  }
  const other = otherRegionProduct(product);
  const borrowed = other ? (other.rates.minStepMinutes ?? other.rates.stepMinutes) : undefined;
  if (other && borrowed && borrowed.value !== null) {
    const note = borrowed.note ?? "its step time";
    const text = `${borrowed.value} min, the step time of the same product's other label (${other.name}: ${note})`;
    return { value: borrowed.value, source: borrowed.source, text };
  }
  const text =
    `${FALLBACK_STEP_MINUTES.value} min, the plan's default step (no ${product.name} label figure; the Gammagard Liquid PI and ` +
    `Octagam 10 % labels' step)`;
  return { value: FALLBACK_STEP_MINUTES.value, source: FALLBACK_STEP_MINUTES.source, text };
}

/**
 * The step time: the label's, else `--step-minutes`. A step shorter than the label's (the rate rising
 * faster than the label allows) is refused without `--allow-above-label-rate`; with `--at-risk` the
 * label's step holds.
 */
function resolveStepMinutes(product: IvigProduct, options: RateOptions, warnings: Message[]): number | Refusal {
  const fact = product.rates.stepMinutes;
  const given = options.stepMinutes;
  if (given !== undefined) {
    const limit = stepLimit(product);
    if (given >= limit.value) return given;
    const named = settingName(options.origins, "stepMinutes");
    const allow = option("allowAboveLabelRate");
    if (options.atRisk) {
      warnings.push(
        message(
          "AT_RISK_HOLDS_LABEL_RATE",
          `${named} ${given} is shorter than ${limit.text}: with ${option("atRisk")} each rate runs ${limit.value} min ` +
            `(${allow} does not apply)`,
          [limit.source],
        ),
      );
      return limit.value;
    }
    if (!options.allowAboveLabelMax) {
      return new Refusal(
        "STEP_TIME_BELOW_LABEL",
        "stepMinutes",
        `${option("stepMinutes", given)} is shorter than ${limit.text}: the rate would rise faster than that allows; pass ` +
          `${allow} to use it anyway`,
        ["allowAboveLabelRate"],
      );
    }
    warnings.push(
      message(
        "STEP_MINUTES_BELOW_LABEL",
        `${named} ${given}: each rate runs ${given} min, shorter than ${limit.text} (${allow})`,
        [limit.source],
      ),
    );
    return given;
  }
  if (fact.value !== null) return fact.value;
  warnings.push(
    message(
      "RATE_TIMING_NOT_IN_LABEL",
      `the ${product.name} label does not say how long each rate runs; the plan uses ${FALLBACK_STEP_MINUTES.value} min, ` +
        `as the Gammagard Liquid and Octagam 10 % labels do; set your protocol's with ${option("stepMinutes")}`,
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
): { values: readonly number[]; from: ResolvedRates["stepsFrom"] } | Refusal {
  const given = options.rateStepsMlPerKgPerHour;
  if (given !== undefined) {
    const outside = given.find((x) => x < initial || x > max);
    if (outside !== undefined) {
      return new Refusal(
        "RATE_STEPS_OUTSIDE_PLAN",
        "rateSteps",
        `${option("rateSteps", roundTo(outside, 3))} lies outside this plan's ${formatNumber(initial, 3)}–${mlkgh(max)} (initial rate to ` +
          `maximum); give steps within it`,
      );
    }
    return { values: given, from: "rateSteps" };
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
  // Typed or at-risk rates are never called the label's.
  const typed = options.initialMlPerKgPerHour !== undefined || options.maxMlPerKgPerHour !== undefined;
  const ends = typed || options.atRisk ? "plan's" : "label's";
  const timing =
    options.stepMinutes !== undefined
      ? `every ${stepMinutes} min (${settingName(options.origins, "stepMinutes")})`
      : r.stepMinutes.value !== null
        ? `every ${stepMinutes} min (${product.name} label)`
        : `every ${stepMinutes} min (not in the label; see RATE_TIMING_NOT_IN_LABEL)`;
  const steps =
    from === "rateSteps"
      ? options.origins?.rateSteps
        ? `the steps of ${settingName(options.origins, "rateSteps")}`
        : `your ${option("rateSteps")}`
      : from === "label"
        ? `the ${product.name} label's steps (${r.indication})${typed || options.atRisk ? ` up to the ${ends} maximum` : ""}`
        : `the NL-IVIG002 standardised steps (${STANDARD_RATE_STEPS.note}) between the ${ends} initial rate and its maximum`;
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
    const key = rates.initialFrom === "initialRate" ? "initialRate" : "weight";
    throw new DomainError(
      "RATE_ROUNDS_TO_ZERO",
      key,
      `${option(key)}: the initial rate ${mlkgh(initial)} × ${formatNumber(rateWeightKg)} kg is ` +
        `${formatNumber(initial * rateWeightKg, 3)} ` +
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
  const given: [OptionKey, OptionValue | undefined][] = [
    [
      "initialRate",
      options.initialMlPerKgPerHour === undefined ? undefined : roundTo(options.initialMlPerKgPerHour, 3),
    ],
    ["maxRate", options.maxMlPerKgPerHour === undefined ? undefined : roundTo(options.maxMlPerKgPerHour, 3)],
    ["rateSteps", options.rateStepsMlPerKgPerHour],
    ["stepMinutes", options.stepMinutes],
    ["atRisk", options.atRisk ? true : undefined],
  ];
  const typed = given.filter(([, value]) => value !== undefined);
  const cause = typed.length > 0 ? ` (${typed.map(([key, value]) => option(key, value)).join(", ")})` : "";
  const keys: OptionKey[] = [...typed.map(([key]) => key), "days"];
  throw new DomainError(
    "CHAIR_TIME_OVER_24H",
    keys[0],
    `a ${formatNumber(longest.volumeMl, 1)} mL infusion day would take ${clock(longest.durationMinutes)} through this rate plan${cause}, ` +
      `more than 24 h in the chair; raise the rates or give the course over more days (${option("days")})`,
    keys.slice(1),
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
  // Typed or at-risk rates are never called the label's (a typed one may come from a flag or a settings file).
  const initial = rates.initialFrom === "label" ? "the label's initial rate" : "the initial rate given";
  const max = {
    label: "the label's maximum",
    maxRate: "the maximum given",
    atRisk: `the ${option("atRisk")} top`,
  }[rates.maxFrom];
  const whose =
    rates.initialFrom === "label" && rates.maxFrom === "label" ? "the label" : `these rates (${initial}, ${max})`;
  return message(
    "RATE_FASTEST_LABEL_PLAN",
    `${whose} would allow ${mlkgh(rates.initialMlPerKgPerHour)} for ${rates.stepMinutes} min, then straight to ` +
      `${mlkgh(rates.maxMlPerKgPerHour)}: the largest day (${formatNumber(volumeMl, 1)} mL) in ${clock(minutes)} instead of ` +
      `${clock(plannedMinutes)}; the plan titrates in the sourced steps instead`,
  );
}
