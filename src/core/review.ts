import type { IsoDate } from "./calendarDate.js";
import { formatNumber } from "./format.js";
import { message } from "./messages.js";
import type { Message } from "./resultSchema.js";
import { type ReviewDates, reviewDates } from "./reviewDates.js";
import type { History, ReviewPatient } from "./reviewHistory.js";
import { type DoseIntensity, doseIntensity, type Prescribed } from "./reviewIntensity.js";
import { type CurrentRegimen, currentRegimen, type ReviewOption, reviewOptions } from "./reviewOptions.js";
import {
  type MeasureOutcome,
  measureOutcomes,
  type OverallStatus,
  overallStatus,
  STATUS_RULE,
  stableForPeriod,
} from "./reviewOutcomes.js";
import { SCHEDULING_WINDOW_DAYS } from "../data/guidelines.js";
import type { ProgrammeId } from "../data/reviewProgrammes.js";
import { REVIEW_PROGRAMMES } from "../data/reviewProgrammes.js";

export interface ReviewRequest {
  readonly history: History;
  readonly patient: ReviewPatient;
  readonly asOf: IsoDate;
  readonly prescribed?: Prescribed | undefined;
  readonly programme?: ProgrammeId | undefined;
  /** A label for the patient (the `patient` column of a clinic file), when there is one. */
  readonly patientId?: string | undefined;
}

export interface Review {
  readonly schemaVersion: 1;
  readonly patient: string | null;
  readonly asOf: IsoDate;
  readonly warnings: readonly Message[];
  readonly intensity: DoseIntensity;
  readonly outcomes: readonly MeasureOutcome[];
  readonly status: OverallStatus;
  readonly statusRule: string;
  readonly stableFor12Months: boolean;
  readonly review: ReviewDates;
  readonly regimen: CurrentRegimen | null;
  readonly options: readonly ReviewOption[];
  /** Why no option is listed, when none is. */
  readonly optionsNote: string | null;
  readonly disclaimer: string;
}

const DISCLAIMER =
  "Decision support only: the options are not decisions; the prescriber decides. Review output never changes a dose.";

function warningsOf(intensity: DoseIntensity, dates: ReviewDates): Message[] {
  const warnings: Message[] = [];
  if (dates.nextDue !== null && dates.daysOverdue !== null && dates.daysOverdue > 0) {
    const p = REVIEW_PROGRAMMES[dates.programme!];
    warnings.push(
      message(
        "REVIEW_OVERDUE",
        `review overdue by ${dates.daysOverdue} days: due ${dates.nextDue} (${p.name}: ${dates.rule})`,
        [],
      ),
    );
  }
  for (const late of intensity.offSchedule ?? []) {
    const what = late.daysLate > 0 ? `${late.daysLate} days late` : `${-late.daysLate} days early`;
    const missed = late.missedCourses > 0 ? `, ${late.missedCourses} course(s) missed` : "";
    warnings.push(
      message(
        "COURSE_OFF_SCHEDULE",
        `course of ${late.course}: ${late.daysSincePrevious} days after the one before, expected ${late.expectedDays} ` +
          `± ${formatNumber(SCHEDULING_WINDOW_DAYS.value)} (${what}${missed})`,
        [SCHEDULING_WINDOW_DAYS.source],
      ),
    );
  }
  return warnings;
}

/** Why a review lists no option: said in words, so an empty list is never read as "nothing to consider". */
function noOptionsNote(
  status: OverallStatus,
  stable: boolean,
  intensity: DoseIntensity,
  regimen: CurrentRegimen | null,
): string {
  if (regimen === null) return "No IVIG course in the history: options are worked out from IVIG courses.";
  if (status === "worse" && intensity.offSchedule === null)
    return "Worse, but whether courses were on time needs --every (and --dose): the alternatives are listed for courses on time.";
  if (status === "worse")
    return "Worse with courses off the ± 4-day window: the alternatives are listed once courses are on time.";
  if (status === "stable" && !stable)
    return "Stable, but not for 12 months of measures: a dose-reduction trial is listed after a year of stable measures.";
  return `No option for the status '${status}': options follow a year of stable measures, or a worse status.`;
}

/** A patient's treatment review on a date. Pure: the same history and options give the same review. */
export function reviewPatient(request: ReviewRequest): Review {
  const { history, patient, asOf } = request;
  const intensity = doseIntensity(history, patient, asOf, request.prescribed);
  const outcomes = measureOutcomes(history.measures, asOf);
  const status = overallStatus(outcomes);
  // Worse now (e.g. since baseline) is never stable, whatever the last 12 months' readings say.
  const stable = status !== "worse" && stableForPeriod(outcomes);
  const dates = reviewDates(
    request.programme,
    history.infusions[0]?.date ?? null,
    history.measures.map((m) => m.date),
    asOf,
  );
  const regimen = currentRegimen(intensity, request.prescribed);
  const options = reviewOptions(status, stable, intensity, regimen);
  return {
    schemaVersion: 1,
    patient: request.patientId ?? null,
    asOf,
    warnings: warningsOf(intensity, dates),
    intensity,
    outcomes,
    status,
    statusRule: STATUS_RULE,
    stableFor12Months: stable,
    review: dates,
    regimen,
    options,
    optionsNote: options.length > 0 ? null : noOptionsNote(status, stable, intensity, regimen),
    disclaimer: DISCLAIMER,
  };
}
