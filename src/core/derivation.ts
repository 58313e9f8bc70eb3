import type { Rounding } from "./courseDose.js";
import type { DosingWeightDecision } from "./dosingWeight.js";
import type { ScheduleInput } from "./input.js";
import type { RateStep, ResolvedRates } from "./ratePlan.js";
import type { Regimen, ScheduleResult } from "./resultSchema.js";
import type { Dispensing } from "./vials.js";
import { type Fact, type Product, type Region, vialSizesFor } from "../data/products.js";
import type { Source } from "../data/sources.js";

/**
 * How a planner reached each figure of a regimen, recorded while it plans: the dosing weight and its
 * rule, the daily cap and what set it, the days of a course and why, each rounding step, the vials,
 * the rate plans, the SCIG conversion. `--explain` renders this record (core/explain.ts); nothing
 * there works a figure out again, so an explanation cannot disagree with the schedule it explains.
 * Internal: the `--json` document does not carry it.
 */
export interface Derivation {
  /** The request as the planner planned it (a plan's later phase: its start and previous infusion filled in). */
  readonly input: ScheduleInput;
  readonly dosingWeight: DosingWeightDecision;
  readonly dose: IvigDoseDerivation | ScigDoseDerivation;
  /** One entry per distinct dose given on one day (or session), largest first for SCIG. */
  readonly vials: readonly VialDerivation[];
  /** IVIG: the rates resolved from the label and options, and the pump plan of each kind of infusion. */
  readonly rates?: IvigRatesDerivation | undefined;
}

/** How a course (or SCIG dose) total was rounded: the exact figure, the rule and what set it, the total. */
export interface RoundingDerivation {
  readonly mode: Rounding;
  /** Who chose the mode: `--round`, the policy, or the default. */
  readonly setBy: Regimen["roundingSource"];
  readonly exactMg: number;
  readonly totalMg: number;
  /** `5g`: the nearest 5 g step, before whole vials were checked (it differs from the total when vials cannot make it). */
  readonly nearestFiveMg?: number | undefined;
  readonly vialSizesG: readonly number[];
}

/** The largest dose on one day, and what set it. */
interface DailyCapDerivation {
  readonly mg: number;
  readonly gPerKg: number;
  readonly source: Source;
}

/** Why a course has the days it has. */
type DaysDerivation =
  | { readonly reason: "requested"; readonly count: number; readonly requested: number }
  | { readonly reason: "fewest-within-cap"; readonly count: number };

export interface IvigDoseDerivation {
  readonly route: "ivig";
  readonly dosingWeightKg: number;
  readonly doseGPerKg: number;
  readonly exactCourseDoseMg: number;
  readonly cap: DailyCapDerivation;
  readonly days: DaysDerivation;
  readonly rounding: RoundingDerivation;
  /** One dose per infusion day, as the infusions give them. */
  readonly dayDosesMg: readonly number[];
  readonly intervalWeeks: number;
  readonly monthlyDoseGPerKg: number;
}

/** One SCIG dose: the exact figure for the weeks it covers, rounded and split into sessions. */
interface ScigDoseFigures {
  readonly weeksCovered: number;
  readonly exactMg: number;
  readonly totalMg: number;
  readonly sessionsMg: readonly number[];
}

export interface ScigDoseDerivation {
  readonly route: "scig";
  readonly dosingWeightKg: number;
  readonly doseGPerKg: number;
  readonly intervalWeeks: number;
  /** Dosing weight × g/kg, before any rounding. */
  readonly ivigExactMg: number;
  /** The IVIG course converted: the exact one, Ontario's 5 g step of it, or the course a plan's phase gave. */
  readonly ivigBaseMg: number;
  readonly ivigBaseRule: "exact" | "nearest-5g" | "given";
  readonly factor: { readonly value: number; readonly text: string; readonly source: Source | null };
  readonly weeklyExactMg: number;
  readonly everyWeeks: number;
  readonly everyWeeksSource: Source | null;
  readonly sessions: number;
  /** The rounding asked for (`--round`, the policy's or the default); an SCIG dose goes to whole vials unless `none`. */
  readonly askedRounding: { readonly mode: Rounding; readonly setBy: Regimen["roundingSource"] };
  readonly vialSizesG: readonly number[];
  /** The dose of a full interval (`everyWeeks`). */
  readonly full: ScigDoseFigures;
  /** HyQvia's ramp-up doses (1, 2, … weeks), empty without a ramp-up. */
  readonly rampUp: readonly ScigDoseFigures[];
  readonly rampUpSource: Source | null;
}

/** The vials and volume of one day's (or session's) dose. */
export interface VialDerivation {
  readonly doseMg: number;
  readonly dispensing: Dispensing;
  readonly volumeMl: number;
  readonly concentrationGPerMl: number;
  readonly concentrationSource: Source | null;
  readonly vialSizesG: readonly number[];
  /** The sizes' label source; null when `--vials` chose them. */
  readonly sizesSource: Source | null;
}

interface IvigRatesDerivation {
  readonly resolved: ResolvedRates;
  readonly plans: { readonly first: readonly RateStep[]; readonly later: readonly RateStep[] };
  /** The label fact cited for the plan (its initial rate and maximum, or its steps); null when options set all. */
  readonly source: Source | null;
}

/** One regimen's record and the phase it belongs to (a `--plan`), with the rule that started a later phase. */
interface PhaseDerivation {
  readonly phase?: number | undefined;
  readonly startRule?: string | undefined;
  readonly derivation: Derivation;
}

/** A schedule with the record of how each regimen in it was planned. */
export interface DerivedSchedule {
  readonly result: ScheduleResult;
  readonly derivations: readonly PhaseDerivation[];
}

/** A product's fact's source, or null for a fact not found. */
export const factSource = (fact: Fact<unknown>): Source | null => ("source" in fact ? fact.source : null);

/**
 * The vials and volume of each distinct dose a planner gave, as it dispensed them.
 *
 * @example
 * vialDerivations(gammagard, "us", { sizesG: [10, 20], given: false }, [[70_000, dispensing, 700]])[0].volumeMl //=> 700
 */
export function vialDerivations(
  product: Product,
  region: Region,
  stock: { readonly sizesG: readonly number[]; readonly given: boolean },
  doses: readonly (readonly [doseMg: number, dispensing: Dispensing, volumeMl: number])[],
): VialDerivation[] {
  const sizes = vialSizesFor(product, region);
  return doses.map(([doseMg, dispensing, volumeMl]) => ({
    doseMg,
    dispensing,
    volumeMl,
    concentrationGPerMl: product.concentrationGPerMl.value,
    concentrationSource: factSource(product.concentrationGPerMl),
    vialSizesG: stock.sizesG,
    sizesSource: stock.given ? null : factSource(sizes),
  }));
}
