import { formatNumber, roundTo } from "./format.js";
import { message } from "./messages.js";
import type { Message } from "./resultSchema.js";
import type { IvigProduct } from "../data/products.js";
import { SOURCES } from "../data/sources.js";

/** The user's rate options (`--initial-rate`, `--max-rate`, `--step-minutes`, `--rate-steps`, `--at-risk`). */
export interface RateOptions {
  readonly initialMlPerKgPerHour?: number | undefined;
  readonly maxMlPerKgPerHour?: number | undefined;
  readonly allowAboveLabelMax?: boolean | undefined;
  readonly stepMinutes?: number | undefined;
  readonly rateStepsMlPerKgPerHour?: readonly number[] | undefined;
  readonly atRisk?: boolean | undefined;
}

/** The rates one schedule uses, after label, options and caps (all mL/kg/h). */
export interface ResolvedRates {
  readonly indication: string;
  readonly initialMlPerKgPerHour: number;
  readonly stepMinutes: number;
  readonly intermediateMlPerKgPerHour: readonly number[];
  readonly maxMlPerKgPerHour: number;
  readonly firstInfusionMaxMlPerKgPerHour: number;
  readonly warnings: readonly Message[];
  readonly notes: readonly Message[];
}

/** A rate the schedule needs is missing or refused; `option` names the flag that fixes it. */
export class RateInputError extends Error {
  override readonly name = "RateInputError";
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

/** Minutes each step lasts when neither the label nor `--step-minutes` says (Gammagard PI and Octagam use 30). */
export const FALLBACK_STEP_MINUTES = 30;

/** Renal and thrombosis risk factors from the IGIV boxed warning (CLINICAL.md §1.4, §7.2). */
export const RISK_FACTORS =
  "renal: pre-existing renal insufficiency, diabetes, age > 65, volume depletion, sepsis, paraproteinaemia, nephrotoxic drugs; thrombosis: advanced age, immobilisation, hypercoagulable state, prior thrombosis, oestrogens, indwelling catheters, hyperviscosity, cardiovascular risk factors";

/**
 * Works out the rates for a product: the label's numbers, replaced or lowered by the user's
 * options, never raised above the label maximum without an explicit override. A number the label
 * does not give must come from an option; the error names it.
 */
export function resolveRates(product: IvigProduct, options: RateOptions = {}): ResolvedRates {
  const r = product.rates;
  const warnings: Message[] = [];
  const notes: Message[] = [];
  const mlkgh = (x: number) => `${formatNumber(x, 3)} mL/kg/h`;

  const initial = options.initialMlPerKgPerHour ?? r.initialMlPerKgPerHour.value;
  if (initial === null) {
    throw new RateInputError(
      "--initial-rate",
      `--initial-rate is required for ${product.name}: its initial infusion rate was not found (${notFoundText(r.initialMlPerKgPerHour)}); give your protocol's rate in mL/kg/h`,
    );
  }
  if (options.initialMlPerKgPerHour !== undefined) {
    notes.push(message("RATE_FROM_OPTION", `initial rate ${mlkgh(initial)} from --initial-rate`));
  }

  const labelMax = r.maxMlPerKgPerHour.value;
  let max: number;
  if (options.maxMlPerKgPerHour !== undefined) {
    max = options.maxMlPerKgPerHour;
    if (labelMax !== null && max > labelMax) {
      if (!options.allowAboveLabelMax) {
        throw new RateInputError(
          "--max-rate",
          `--max-rate ${formatNumber(max, 3)} is above the ${product.name} label maximum of ${mlkgh(labelMax)} (${r.indication}); pass --allow-above-label-rate to use it anyway`,
        );
      }
      const maxFact = r.maxMlPerKgPerHour;
      warnings.push(
        message(
          "MAX_RATE_ABOVE_LABEL",
          `--max-rate ${mlkgh(max)} is above the label maximum ${mlkgh(labelMax)} (--allow-above-label-rate)`,
          "source" in maxFact ? [maxFact.source] : [],
        ),
      );
    } else {
      notes.push(message("RATE_FROM_OPTION", `maximum rate ${mlkgh(max)} from --max-rate${labelMax === null ? "" : ` (label: ${mlkgh(labelMax)})`}`));
    }
  } else if (labelMax === null) {
    throw new RateInputError(
      "--max-rate",
      `--max-rate is required for ${product.name}: its maximum infusion rate was not found (${notFoundText(r.maxMlPerKgPerHour)}); give your protocol's rate in mL/kg/h`,
    );
  } else {
    max = labelMax;
  }

  if (options.atRisk) {
    const cap = r.atRiskMaxMlPerKgPerHour;
    if (cap.value !== null) {
      max = Math.min(max, cap.value);
      warnings.push(
        message(
          "AT_RISK",
          `at risk of renal dysfunction or thrombosis: maximum rate capped at the label's ${mlkgh(cap.value)}; hydrate before the infusion and use the minimum practicable dose and rate. Risk factors (${RISK_FACTORS})`,
          [cap.source, SOURCES.gammagardBoxedWarning],
        ),
      );
    } else if (options.maxMlPerKgPerHour !== undefined) {
      warnings.push(
        message(
          "AT_RISK",
          `at risk of renal dysfunction or thrombosis: the ${product.name} label gives no numeric cap ('minimum practicable'), so the rate is held at --max-rate ${mlkgh(max)}; hydrate before the infusion. Risk factors (${RISK_FACTORS})`,
          [SOURCES.gammagardBoxedWarning],
        ),
      );
    } else {
      throw new RateInputError(
        "--max-rate",
        `--at-risk needs --max-rate for ${product.name}: its label gives no numeric rate for at-risk patients, only 'minimum infusion rate practicable'; set a conservative maximum in mL/kg/h`,
      );
    }
  }

  let stepMinutes = options.stepMinutes ?? r.stepMinutes.value;
  if (stepMinutes === null) {
    stepMinutes = FALLBACK_STEP_MINUTES;
    warnings.push(
      message(
        "RATE_TIMING_NOT_IN_LABEL",
        `the ${product.name} label does not say how long each rate runs; the plan uses ${FALLBACK_STEP_MINUTES} min, as the Gammagard Liquid and Octagam 10 % labels do; set your protocol's with --step-minutes`,
        [SOURCES.gammagardPi],
      ),
    );
  }

  let intermediate = options.rateStepsMlPerKgPerHour ?? r.intermediateMlPerKgPerHour.value;
  if (intermediate === null) {
    intermediate = [];
    warnings.push(
      message(
        "RATE_STEPS_NOT_IN_LABEL",
        `the ${product.name} label (${r.indication}) gives the initial rate and the maximum but no steps between them (${notFoundText(r.intermediateMlPerKgPerHour)}): the plan goes from ${mlkgh(Math.min(initial, max))} to ${mlkgh(max)} after ${stepMinutes} min, the shortest chair time the label allows; give your protocol's steps with --rate-steps`,
        "source" in r.maxMlPerKgPerHour ? [r.maxMlPerKgPerHour.source] : [],
      ),
    );
  }

  const firstMax = Math.min(max, r.firstInfusionMaxMlPerKgPerHour?.value ?? max);
  return {
    indication: r.indication,
    initialMlPerKgPerHour: Math.min(initial, max),
    stepMinutes,
    intermediateMlPerKgPerHour: intermediate,
    maxMlPerKgPerHour: max,
    firstInfusionMaxMlPerKgPerHour: firstMax,
    warnings,
    notes,
  };
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
 * //=> [{ startMinute: 0, mlPerHour: 35, … }, { startMinute: 30, mlPerHour: 378, … }]
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
export function infusionMinutes(plan: readonly Pick<RateStep, "startMinute" | "mlPerHour">[], volumeMl: number): number {
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
