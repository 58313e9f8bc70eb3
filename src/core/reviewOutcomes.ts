import { addCalendarMonths } from "./reviewDates.js";
import type { IsoDate } from "./calendarDate.js";
import { roundTo } from "./format.js";
import type { MeasureEvent } from "./reviewHistory.js";
import { type MeasureId, OUTCOME_MEASURES } from "../data/outcomeMeasures.js";
import { STABLE_PERIOD_MONTHS } from "../data/reviewProgrammes.js";

export type Verdict = "improved" | "stable" | "worse" | "no verdict";

interface Reading {
  readonly date: IsoDate;
  readonly value: number;
}

export interface MeasureOutcome {
  readonly measure: MeasureId;
  readonly name: string;
  readonly unit: string;
  /** The sourced MCID in the measure's unit, or null with the reason. */
  readonly mcid: number | null;
  readonly mcidSource: string | null;
  readonly noMcidReason: string | null;
  readonly baseline: Reading;
  readonly previous: Reading | null;
  readonly latest: Reading;
  readonly changeSinceBaseline: number;
  readonly changeSincePrevious: number | null;
  readonly sinceBaseline: Verdict;
  readonly sincePrevious: Verdict;
  readonly readings: readonly Reading[];
}

export type OverallStatus = "improved" | "stable" | "worse" | "no verdict";

/** The rule for the overall status, as printed beside it. */
export const STATUS_RULE =
  "worse if any measure with a sourced MCID is worse (since the previous value or since baseline); improved if any " +
  "improved since the previous value and none is worse; stable if each measure with a sourced MCID has moved less " +
  "than its MCID; no verdict when no measure with a sourced MCID has two values. A change of at least the MCID " +
  "counts; measures without a sourced MCID are shown, never judged.";

/**
 * A change against an MCID: at least the MCID in the better direction is improved, in the worse
 * direction worse, less is stable; no MCID, no verdict.
 *
 * @example
 * verdict(-8, 8, true) //=> "worse" (Vigorimeter −8 kPa)
 * verdict(1.5, 2, true) //=> "stable" (MRC sum +1.5)
 */
export function verdict(change: number | null, mcid: number | null, higherIsBetter: boolean): Verdict {
  if (change === null || mcid === null) return "no verdict";
  const better = higherIsBetter ? change : -change;
  if (better >= mcid) return "improved";
  if (-better >= mcid) return "worse";
  return "stable";
}

/** Each measure's baseline, previous and latest readings up to the review date, judged against its MCID. */
export function measureOutcomes(measures: readonly MeasureEvent[], asOf: IsoDate): MeasureOutcome[] {
  const out: MeasureOutcome[] = [];
  for (const id of Object.keys(OUTCOME_MEASURES) as MeasureId[]) {
    const own = measures.filter((m) => m.measure === id && m.date <= asOf);
    if (own.length === 0) continue;
    const spec = OUTCOME_MEASURES[id];
    const unit = own[0]!.unit;
    const fact = spec.units[unit]!;
    const mcid = fact.value;
    const readings = own.map((m) => ({ date: m.date, value: m.value }));
    const baseline = readings[0]!;
    const latest = readings.at(-1)!;
    const previous = readings.length > 1 ? readings.at(-2)! : null;
    const sinceBase = roundTo(latest.value - baseline.value, 2);
    const sincePrev = previous === null ? null : roundTo(latest.value - previous.value, 2);
    out.push({
      measure: id,
      name: spec.name,
      unit,
      mcid,
      mcidSource: "source" in fact ? fact.source.url : null,
      noMcidReason: "notFound" in fact ? fact.notFound : null,
      baseline,
      previous,
      latest,
      changeSinceBaseline: sinceBase,
      changeSincePrevious: sincePrev,
      sinceBaseline: verdict(readings.length > 1 ? sinceBase : null, mcid, spec.higherIsBetter),
      sincePrevious: verdict(sincePrev, mcid, spec.higherIsBetter),
      readings,
    });
  }
  return out;
}

/** The overall status by {@link STATUS_RULE}. */
export function overallStatus(outcomes: readonly MeasureOutcome[]): OverallStatus {
  const judged = outcomes.filter((o) => o.mcid !== null && o.previous !== null);
  if (judged.length === 0) return "no verdict";
  if (judged.some((o) => o.sincePrevious === "worse" || o.sinceBaseline === "worse")) return "worse";
  if (judged.some((o) => o.sincePrevious === "improved")) return "improved";
  return "stable";
}

/**
 * Stable for the sourced period (12 months): every measure with a sourced MCID has a reading at least
 * 12 months before its latest, and no reading since the last such one differs from it by its MCID.
 */
export function stableForPeriod(outcomes: readonly MeasureOutcome[]): boolean {
  const judged = outcomes.filter((o) => o.mcid !== null);
  if (judged.length === 0) return false;
  return judged.every((o) => {
    const cutoff = addCalendarMonths(o.latest.date, -STABLE_PERIOD_MONTHS.value);
    const anchor = [...o.readings].reverse().find((r) => r.date <= cutoff);
    if (anchor === undefined) return false;
    return o.readings.filter((r) => r.date >= anchor.date).every((r) => Math.abs(r.value - anchor.value) < o.mcid!);
  });
}
