import { addCalendarDays, weekdayOf, type IsoDate } from "./calendarDate.js";

/** Days no infusion may fall on: weekends (`--skip-weekends`) and listed dates (`--avoid`). */
export interface AvoidRules {
  readonly weekends?: boolean | undefined;
  readonly dates?: readonly IsoDate[] | undefined;
}

/** An infusion day after the rules: where it was planned, where it falls, and why it moved. */
export interface PlacedDay {
  readonly date: IsoDate;
  readonly plannedDate: IsoDate;
  /** Why the planned date could not be used; absent when the day did not move. */
  readonly movedBecause?: string;
}

/** No run of blocked days this long is plausible; beyond it the rules are a mistake. */
const MAX_SEARCH_DAYS = 60;

/** Why a date is blocked, or `undefined` when an infusion may fall on it. */
export function blockedBecause(date: IsoDate, rules: AvoidRules): string | undefined {
  const weekday = weekdayOf(date);
  if (rules.weekends && (weekday === "Sat" || weekday === "Sun")) return `${date} is a ${weekday === "Sat" ? "Saturday" : "Sunday"}`;
  if (rules.dates?.includes(date)) return `${date} is an avoided date`;
  return undefined;
}

/**
 * Places the `count` consecutive days of a course planned from `plannedStart`. The rule: the first
 * day moves to the next allowed day, and the course's days are the next allowed days after it
 * (consecutive working days). Courses are placed from their own planned starts, so a moved course
 * never pushes the ones after it (no drift).
 *
 * @example
 * placeCourseDays("2026-12-26", 2, { weekends: true })
 * //=> [{ date: "2026-12-28", plannedDate: "2026-12-26", movedBecause: "2026-12-26 is a Saturday" },
 * //    { date: "2026-12-29", plannedDate: "2026-12-27", movedBecause: "2026-12-27 is a Sunday" }]
 */
export function placeCourseDays(plannedStart: IsoDate, count: number, rules: AvoidRules | undefined): PlacedDay[] {
  const out: PlacedDay[] = [];
  let cursor = plannedStart;
  let skipped: string | undefined;
  for (let d = 0; d < count; d++) {
    const planned = addCalendarDays(plannedStart, d);
    const reasons: string[] = [];
    for (let tries = 0; ; tries++) {
      const why = rules ? blockedBecause(cursor, rules) : undefined;
      if (why === undefined) break;
      if (tries > MAX_SEARCH_DAYS) throw new RangeError(`no allowed day within ${MAX_SEARCH_DAYS} days of ${planned}`);
      reasons.push(why);
      cursor = addCalendarDays(cursor, 1);
    }
    const plannedReason = rules ? blockedBecause(planned, rules) : undefined;
    skipped = cursor === planned ? undefined : (plannedReason ?? reasons[0] ?? skipped ?? "an earlier day of the course moved");
    out.push(cursor === planned ? { date: cursor, plannedDate: planned } : { date: cursor, plannedDate: planned, movedBecause: skipped });
    cursor = addCalendarDays(cursor, 1);
  }
  return out;
}
