import { daysBetween, type IsoDate } from "./calendarDate.js";
import { DomainError } from "./domainError.js";
import { type ProgrammeId, REVIEW_PROGRAMMES } from "../data/reviewProgrammes.js";

/**
 * Adds calendar months; a day past the end of the target month is that month's last day.
 *
 * @example
 * addCalendarMonths("2026-01-31", 1) //=> "2026-02-28"
 * addCalendarMonths("2026-08-31", -6) //=> "2026-02-28"
 */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

export interface ReviewDates {
  readonly programme: ProgrammeId | null;
  /** The first infusion of the history: when treatment started, for the programme's first review. */
  readonly start: IsoDate | null;
  /** The latest date with measures (on or before the review date), or null. */
  readonly lastReview: IsoDate | null;
  /** When the next review is due, or null with `why`. */
  readonly nextDue: IsoDate | null;
  readonly rule: string;
  /** Days past the due date on the review date (positive: overdue). */
  readonly daysOverdue: number | null;
  readonly source: string | null;
}

/** `--programme australia` and any other programme with no sourced interval is refused, never guessed. */
export function programmeWithInterval(id: ProgrammeId) {
  const p = REVIEW_PROGRAMMES[id];
  if (p.firstReviewMonths.value === null) {
    const why = "notFound" in p.firstReviewMonths ? p.firstReviewMonths.notFound : "";
    throw new DomainError(
      "REVIEW_INPUT",
      undefined, // a review option, not one of the schedule options the core names as data
      `--programme ${id}: no review interval is sourced for ${p.name} (${why}); use ontario or bc, or leave ` +
        "--programme out to see the last review without a due date",
    );
  }
  return p;
}

/**
 * The last review and the next due date. A review is a date with measures after the first infusion
 * (measures on or before it are the baseline). No review yet: due the programme's first interval
 * after the start; else its later interval after the last review (none where none is sourced).
 */
export function reviewDates(
  programme: ProgrammeId | undefined,
  start: IsoDate | null,
  measureDates: readonly IsoDate[],
  asOf: IsoDate,
): ReviewDates {
  const past = measureDates.filter((d) => d <= asOf);
  const lastReview = [...past].sort().at(-1) ?? null;
  if (programme === undefined || start === null) {
    return {
      programme: programme ?? null,
      start,
      lastReview,
      nextDue: null,
      rule: programme === undefined ? "no --programme: no due date" : "no infusion in the history: no start date",
      daysOverdue: null,
      source: null,
    };
  }
  const p = programmeWithInterval(programme);
  const first = p.firstReviewMonths as { value: number; source: { url: string } };
  const reviewed = lastReview !== null && lastReview > start;
  if (!reviewed) {
    const due = addCalendarMonths(start, first.value);
    return dated(p.id, start, lastReview, due, `${first.value} months after the start (${start})`, first.source.url);
  }
  const then = p.thenEveryMonths;
  if (then.value === null) {
    return {
      programme: p.id,
      start,
      lastReview,
      nextDue: null,
      rule: `${p.name}: ${"notFound" in then ? then.notFound : ""}`,
      daysOverdue: null,
      source: first.source.url,
    };
  }
  const due = addCalendarMonths(lastReview, then.value);
  const url = "source" in then ? then.source.url : null;
  return dated(p.id, start, lastReview, due, `${then.value} months after the last review (${lastReview})`, url);

  function dated(id: ProgrammeId, s: IsoDate, last: IsoDate | null, due: IsoDate, rule: string, src: string | null) {
    return {
      programme: id,
      start: s,
      lastReview: last,
      nextDue: due,
      rule,
      daysOverdue: daysBetween(due, asOf),
      source: src,
    };
  }
}
