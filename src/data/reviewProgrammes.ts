import type { Fact, Sourced } from "./products.js";
import { REVIEW_SOURCES } from "./reviewSources.js";

/** The funding programmes whose review rules `review --programme` applies; `REVIEW_PROGRAMMES` has an entry for each. */
export const PROGRAMME_IDS = ["ontario", "bc", "australia"] as const;

export type ProgrammeId = (typeof PROGRAMME_IDS)[number];

/** A funding programme's review rule: months after the start, then months between reviews. */
export interface ReviewProgramme {
  readonly id: ProgrammeId;
  readonly name: string;
  /** The first review, in calendar months after the first infusion (null: no interval found). */
  readonly firstReviewMonths: Fact<number>;
  /** Later reviews, at most this many calendar months apart (null: no interval found). */
  readonly thenEveryMonths: Fact<number>;
}

const ontario = REVIEW_SOURCES.ontarioNeurology;

export const REVIEW_PROGRAMMES: Readonly<Record<ProgrammeId, ReviewProgramme>> = {
  ontario: {
    id: "ontario",
    name: "Ontario IG utilization management (neurology)",
    firstReviewMonths: { value: 6, source: ontario, note: "no later than 6 months after initiation of treatment" },
    thenEveryMonths: { value: 12, source: ontario, note: "at least annually thereafter" },
  },
  bc: {
    id: "bc",
    name: "British Columbia IVIg Neuromuscular Neurology Program",
    firstReviewMonths: {
      value: 3,
      source: REVIEW_SOURCES.bcNeuromuscular,
      note: "a maximum 3 month trial period; requests beyond 3 months are screened by the provincial neurology panel",
    },
    thenEveryMonths: {
      value: null,
      notFound: "no interval for reviews after the 3-month panel review was found on the programme's page",
    },
  },
  australia: {
    id: "australia",
    name: "Australia (National Blood Authority criteria)",
    firstReviewMonths: {
      value: null,
      notFound: "the NBA says a formal review of patient outcomes is reported 'periodically'; no interval was found",
    },
    thenEveryMonths: { value: null, notFound: "no review interval was found in the stored criteria pages" },
  },
};

/** The period over which measures must stay stable before a dose-reduction trial is offered: a year of reviews. */
export const STABLE_PERIOD_MONTHS: Sourced<number> = {
  value: 12,
  source: ontario,
  note: "Ontario assesses at least annually; a year of measures within the MCID is one full review interval",
};
