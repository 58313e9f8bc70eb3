import { placeCourses, type AvoidRules, type PlacedCourse, type PlacedDay, type PlannedCourse } from "./avoid.js";
import { daysBetween, weekdayOf } from "./calendarDate.js";
import { plural } from "./format.js";
import { message } from "./messages.js";
import type { Infusion, Message } from "./resultSchema.js";
import { EFNS_COURSE_DAYS, MAX_COURSE_SPAN_DAYS, SCHEDULING_WINDOW_DAYS } from "../data/guidelines.js";
import { option } from "./optionKeys.js";

/** Placing the courses of a schedule on the calendar, and what the moves tell the reader. */

/** Every course placed, with a note for each pushed course and a warning for a course spread over more than a week. */
export interface SchedulePlacement {
  readonly courses: readonly (readonly PlacedDay[])[];
  readonly notes: readonly Message[];
  readonly warnings: readonly Message[];
}

/**
 * Places all courses of a schedule (IVIG courses or SCIG doses) by one rule ({@link placeCourses}):
 * never two infusions on one date, dates strictly increasing; a rule set that blocks everything is
 * bad input (`NO_ALLOWED_DAY`).
 *
 * @example
 * placeSchedule([{ plannedStart: "2026-12-05", count: 2 }], { weekends: true }).courses[0].map((d) => d.date)
 * //=> ["2026-12-07", "2026-12-08"]
 */
export function placeSchedule(
  courses: readonly PlannedCourse[],
  rules: AvoidRules | undefined,
  firstCourse = 1,
): SchedulePlacement {
  const placed = placeCourses(courses, rules);
  // Course numbers as printed: an established patient's first course is n+1 (--courses-given).
  const number = (c: number) => c + firstCourse;
  const notes = placed.flatMap((p, c) =>
    p.pushedBecause === undefined
      ? []
      : [
          message(
            "COURSE_PUSHED",
            `course ${number(c)} pushed to start ${weekdayOf(p.days[0]!.date)} ${p.days[0]!.date} ` +
              `instead of ${courses[c]!.plannedStart}: ` +
              `${p.pushedBecause}, and no two infusions share a date`,
          ),
        ],
  );
  const warnings = [
    ...spreadWarnings(placed, courses, rules, number),
    ...closeTogetherWarnings(placed, courses, number),
  ];
  return { courses: placed.map((p) => p.days), notes, warnings };
}

/**
 * One warning naming every course that the moves brought closer to the course before it than the
 * plan spaces them, by more than the scheduling window (a course moved 3 weeks by a closure while
 * the next keeps its date would give two courses a week apart).
 */
function closeTogetherWarnings(
  placed: readonly PlacedCourse[],
  courses: readonly PlannedCourse[],
  number: (c: number) => number,
): Message[] {
  const window = SCHEDULING_WINDOW_DAYS.value;
  const close = placed.flatMap((p, c) => {
    if (c === 0) return [];
    const planned = daysBetween(courses[c - 1]!.plannedStart, courses[c]!.plannedStart);
    const actual = daysBetween(placed[c - 1]!.days[0]!.date, p.days[0]!.date);
    return planned - actual > window
      ? [`course ${number(c)} starts ${plural(actual, "day")} after course ${number(c - 1)} (planned ${planned})`]
      : [];
  });
  if (close.length === 0) return [];
  return [
    message(
      "COURSES_CLOSE_TOGETHER",
      `after the moves, ${close.join("; ")}: more than ${plural(window, "day")} closer than prescribed, ` +
        `so more drug is given in less time; check ` +
        `the dose or move the later course with ${option("avoid")}`,
      [SCHEDULING_WINDOW_DAYS.source],
    ),
  ];
}

/** One warning naming every course whose days, after the moves, span more than a week of calendar days. */
function spreadWarnings(
  placed: readonly PlacedCourse[],
  courses: readonly PlannedCourse[],
  rules: AvoidRules | undefined,
  number: (c: number) => number,
): Message[] {
  const span = (days: readonly PlacedDay[]) => daysBetween(days[0]!.date, days.at(-1)!.date) + 1;
  const spread = placed
    .map((p, c) => ({ course: number(c), days: p.days }))
    .filter((p) => span(p.days) > MAX_COURSE_SPAN_DAYS.value);
  if (spread.length === 0) return [];
  // Without the weekend rule the avoided dates alone may leave every course within a week.
  const withoutWeekends = rules?.weekends ? placeCourses(courses, { dates: rules.dates }) : undefined;
  const weekendsHelp = withoutWeekends?.every((p) => span(p.days) <= MAX_COURSE_SPAN_DAYS.value);
  const list = spread.map(
    (p) =>
      `course ${p.course} (${p.days.length} days from ${p.days[0]!.date} to ${p.days.at(-1)!.date}, ` +
      `${span(p.days)} calendar days)`,
  );
  return [
    message(
      "COURSE_SPREAD_OVER_WEEK",
      `the moves spread ${list.join("; ")} over more than a week, where a course is given over ` +
        `${EFNS_COURSE_DAYS.value.min}–${EFNS_COURSE_DAYS.value.max} days: check the ` +
        `closures${weekendsHelp ? " or allow weekend infusions" : ""}`,
      [EFNS_COURSE_DAYS.source],
      weekendsHelp ? [option("skipWeekends", false)] : [],
    ),
  ];
}

/**
 * One note per moved infusion day, and one stating the rule when any rule is set.
 *
 * @example
 * movedNotes(infusions, undefined) //=> []
 */
export function movedNotes(infusions: readonly Infusion[], rules: AvoidRules | undefined): Message[] {
  if (!rules || (!rules.weekends && !rules.dates?.length)) return [];
  const rule = [rules.weekends ? "weekends" : "", rules.dates?.length ? plural(rules.dates.length, "avoided date") : ""]
    .filter(Boolean)
    .join(" and ");
  const out = [
    message(
      "MOVE_RULE",
      `no infusion on ${rule}: a blocked day moves to the next allowed day, a course's days stay consecutive allowed days, and later ` +
        `courses keep their planned dates unless a moved day reaches them (then the later course is pushed to the next allowed day after ` +
        `it: never two infusions on one date)`,
    ),
  ];
  for (const i of infusions) {
    if (i.movedBecause) {
      out.push(
        message(
          "MOVED",
          `course ${i.course} day ${i.day}: ${i.plannedDate} → ${i.weekday} ${i.date} (${i.movedBecause})`,
        ),
      );
    }
  }
  return out;
}
