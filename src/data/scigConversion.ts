import type { Sourced } from "./products.js";
import { SOURCES, type Source } from "./sources.js";

/** Converting an IVIG regimen to SCIG: the factors, the weekly maximum and when SCIG starts. */

/** Weekly SCIG above this is above the EU SCIG CIDP maximum (0.4 g/kg/week). */
export const MAX_WEEKLY_G_PER_KG: Sourced<number> = { value: 0.4, source: SOURCES.euScigCidp11 };

/** A SCIG:IVIG factor people use, with the sources that name it. */
export interface NamedFactor {
  readonly factor: number;
  readonly text: string;
  readonly sources: readonly Source[];
}

/** The factors people use, with the source that names each (docs/clinical.md §9 item 2). */
export const NAMED_FACTORS: readonly NamedFactor[] = [
  {
    factor: 1,
    text: "1:1, MMN and CIDP practice (EU SCIG CIDP SmPC; Harbo 2009; JPNS 2009)",
    sources: [SOURCES.euScigCidp11, SOURCES.harbo2009, SOURCES.jpns2009],
  },
  { factor: 1.37, text: "1.37, the current Hizentra / Gammagard SC US PI factor", sources: [SOURCES.hizentraPiFactor] },
  { factor: 1.3, text: "1.30, the Cuvitru / Cutaquig PI factor", sources: [SOURCES.cuvitruInitiation] },
  {
    factor: 1.53,
    text: "1.53, the older Hizentra label; Muscle Nerve 2016 for IVIG below 2 g/kg/month",
    sources: [SOURCES.muscleNerve2016, SOURCES.hizentraOlder153],
  },
];

/** The factor when none is given: 1:1, MMN and CIDP practice (EU SCIG CIDP SmPC; Harbo 2009; JPNS 2009). */
export const DEFAULT_SCIG_FACTOR: Sourced<number> = { value: 1, source: SOURCES.euScigCidp11 };

/** One week's gap after the last IVIG before the first SCIG (Hizentra and EU SCIG CIDP labels). */
export const WEEKS_AFTER_LAST_IVIG: Sourced<number> = { value: 1, source: SOURCES.hizentraCidp };

/** Muscle Nerve 2016 (MMN): 1.53:1 SCIg:IVIg for patients on less than 2 g/kg/month IVIG, 1:1 at 2 g/kg/month. */
export const MMN_STUDY_FACTOR: Sourced<number> = { value: 1.53, source: SOURCES.muscleNerve2016 };
export const MMN_STUDY_MONTHLY_G_PER_KG: Sourced<number> = { value: 2, source: SOURCES.muscleNerve2016 };

/** Starting SCIG at 50 % of the IVIG dose failed in 4 of 5 MMN patients (JPNS 2009): a factor below 1 warns. */
export const MIN_SCIG_FACTOR_WITHOUT_WARNING: Sourced<number> = { value: 1, source: SOURCES.jpns2009 };
