import type { Fact } from "./products.js";
import { REVIEW_SOURCES } from "./reviewSources.js";

/** The outcome measures a review history may hold (`measure` column). */
export type MeasureId = "grip-left" | "grip-right" | "mrc-sum" | "onls" | "rods";

export interface OutcomeMeasure {
  readonly id: MeasureId;
  readonly name: string;
  /** Whether a higher value is better (ONLS counts limitations: higher is worse). */
  readonly higherIsBetter: boolean;
  /** Each accepted unit and its minimal clinically important difference (or why none is given). */
  readonly units: Readonly<Record<string, Fact<number>>>;
}

const table5 = REVIEW_SOURCES.practicalNeurologyTable5;

/** Grip strength, per hand: Vigorimeter (kPa) has a sourced MCID; Jamar (kg) does not. */
const GRIP_UNITS: OutcomeMeasure["units"] = {
  kPa: {
    value: 8,
    source: table5,
    note: "Vigorimeter (kPa) ±8 kPa, marked responsive; grip is the most responsive MMN measure (PubMed 26115442)",
  },
  kg: {
    value: null,
    notFound: "no MCID for Jamar (kg) grip strength in MMN was found; the change is shown without a verdict",
  },
};

/**
 * MMN outcome measures (docs/clinical.md §13.3). Practical Neurology Table 5 gives, for MMN, MRC sum
 * score ±2 points, Vigorimeter ±8 kPa, MMN-RODS ±4 points (logit scale), and ONLS with no value.
 */
export const OUTCOME_MEASURES: Readonly<Record<MeasureId, OutcomeMeasure>> = {
  "grip-left": { id: "grip-left", name: "grip, left hand", higherIsBetter: true, units: GRIP_UNITS },
  "grip-right": { id: "grip-right", name: "grip, right hand", higherIsBetter: true, units: GRIP_UNITS },
  "mrc-sum": {
    id: "mrc-sum",
    name: "MRC sum score",
    higherIsBetter: true,
    units: { points: { value: 2, source: table5 } },
  },
  onls: {
    id: "onls",
    name: "ONLS",
    higherIsBetter: false,
    units: { points: { value: null, notFound: "Practical Neurology Table 5 lists ONLS for MMN with no MCID" } },
  },
  rods: {
    id: "rods",
    name: "MMN-RODS",
    higherIsBetter: true,
    units: {
      logit: { value: 4, source: table5, note: "±4 points (logit scale), validated" },
      centile: {
        value: null,
        notFound:
          "no MCID for MMN-RODS centiles was found (its authors judge change per patient by its standard error)",
      },
    },
  },
};

export const MEASURE_IDS = Object.keys(OUTCOME_MEASURES) as readonly MeasureId[];
