import { DomainError } from "./domainError.js";
import { addCalendarDays, weekdayOf, type IsoDate } from "./calendarDate.js";
import { option } from "./optionKeys.js";

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
  if (rules.weekends && (weekday === "Sat" || weekday === "Sun"))
    return `${date} is a ${weekday === "Sat" ? "Saturday" : "Sunday"}`;
  if (rules.dates?.includes(date)) return `${date} is an avoided date`;
  return undefined;
}

/** The infusion a course may not fall on or before: the previous course's last day, and why it is there. */
export interface Occupied {
  readonly date: IsoDate;
  readonly because: string;
}

/**
 * Places the `count` consecutive days of a course planned from `plannedStart`. The rule: the first
 * day moves to the next allowed day, and the course's days are the next allowed days after it
 * (consecutive working days). When `after` is given (the previous course's last infusion), no day
 * falls on or before it: the course is pushed to the next allowed day after it, for `after.because`.
 *
 * @example
 * placeCourseDays("2026-12-26", 2, { weekends: true })
 * //=> [{ date: "2026-12-28", plannedDate: "2026-12-26", movedBecause: "2026-12-26 is a Saturday" },
 * //    { date: "2026-12-29", plannedDate: "2026-12-27", movedBecause: "2026-12-27 is a Sunday" }]
 */
export function placeCourseDays(
  plannedStart: IsoDate,
  count: number,
  rules: AvoidRules | undefined,
  after?: Occupied,
): PlacedDay[] {
  const out: PlacedDay[] = [];
  let cursor = after && after.date >= plannedStart ? addCalendarDays(after.date, 1) : plannedStart;
  let skipped: string | undefined;
  for (let d = 0; d < count; d++) {
    const planned = addCalendarDays(plannedStart, d);
    const reasons: string[] = [];
    for (let tries = 0; ; tries++) {
      const why = rules ? blockedBecause(cursor, rules) : undefined;
      if (why === undefined) break;
      if (tries > MAX_SEARCH_DAYS) {
        const reason = `no allowed day within ${MAX_SEARCH_DAYS} days of ${planned}`;
        throw new DomainError(
          "NO_ALLOWED_DAY",
          "avoid",
          `${option("avoid")}/${option("skipWeekends")} leave ${reason}`,
          ["skipWeekends"],
        );
      }
      reasons.push(why);
      cursor = addCalendarDays(cursor, 1);
    }
    const plannedReason = rules ? blockedBecause(planned, rules) : undefined;
    const taken = after && planned <= after.date ? after.because : undefined;
    skipped =
      cursor === planned
        ? undefined
        : (plannedReason ?? taken ?? reasons[0] ?? skipped ?? "an earlier day of the course moved");
    out.push(
      cursor === planned
        ? { date: cursor, plannedDate: planned }
        : { date: cursor, plannedDate: planned, movedBecause: skipped },
    );
    cursor = addCalendarDays(cursor, 1);
  }
  return out;
}

/** A course to place: where it is planned to start and how many infusion days it has. */
export interface PlannedCourse {
  readonly plannedStart: IsoDate;
  readonly count: number;
}

/** A placed course: its days, and why it was pushed past its placed start when it was. */
export interface PlacedCourse {
  readonly days: readonly PlacedDay[];
  /** Set when the course's own placement would have reached an earlier course's infusion. */
  readonly pushedBecause?: string;
}

/**
 * Places every course of a schedule, IVIG or SCIG, so that no two infusions share a date and
 * dates strictly increase. Each course is placed from its own planned start ({@link placeCourseDays}),
 * so a moved course does not shift the later ones (no drift). The one exception: a course whose
 * (moved) first day would fall on or before the previous course's last infusion is pushed to the
 * next allowed day after that infusion, and says so; the courses after it again keep their own
 * planned dates unless they too collide.
 *
 * @example
 * // Course 1's day 2 moves past a closure onto course 2's first day: course 2 is pushed one day.
 * placeCourses([{ plannedStart: "2026-11-30", count: 2 }, { plannedStart: "2026-12-07", count: 2 }],
 *   { dates: ["2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"] })
 * //=> course 1 on 2026-11-30 and 2026-12-07; course 2 on 2026-12-08 and 2026-12-09, pushed
 */
export function placeCourses(courses: readonly PlannedCourse[], rules: AvoidRules | undefined): PlacedCourse[] {
  const out: PlacedCourse[] = [];
  courses.forEach((course, c) => {
    const lastDay = out.at(-1)?.days.at(-1);
    const own = placeCourseDays(course.plannedStart, course.count, rules);
    if (lastDay === undefined || own[0]!.date > lastDay.date) {
      out.push({ days: own });
      return;
    }
    const because =
      `course ${c}'s last infusion is on ` +
      `${lastDay.date}${lastDay.movedBecause ? `, moved there from ${lastDay.plannedDate}` : ""}`;
    out.push({
      days: placeCourseDays(course.plannedStart, course.count, rules, { date: lastDay.date, because }),
      pushedBecause: because,
    });
  });
  return out;
}
