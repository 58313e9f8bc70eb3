import type { IsoDate } from "./calendarDate.js";
import { DomainError } from "./domainError.js";
import type { ScheduleResult, ScheduleWindow } from "./resultSchema.js";
import { option } from "./optionKeys.js";

/**
 * `--on <date>` or `--course <n>`: the whole schedule, planned as it is (course numbers, rates,
 * moves, warnings), with only those infusions and course totals kept, and `window` saying so. A
 * date without an infusion names the nearest infusion dates; a course outside the schedule names
 * its range. Pure.
 *
 * @example
 * scheduleWindow(result, { course: 2 }).infusions.every((i) => i.course === 2) //=> true
 */
export function scheduleWindow(result: ScheduleResult, window: ScheduleWindow): ScheduleResult {
  const keep =
    "on" in window
      ? (i: { date: IsoDate }) => i.date === window.on
      : (i: { course: number }) => i.course === window.course;
  const infusions = result.infusions.filter(keep);
  if (infusions.length === 0) throw notInSchedule(result, window);
  const courses = new Set(infusions.map((i) => i.course));
  const courseTotals = result.courseTotals.filter((t) => courses.has(t.course));
  return { ...result, infusions, courseTotals, window };
}

function notInSchedule(result: ScheduleResult, window: ScheduleWindow): DomainError {
  if ("course" in window) {
    const first = result.courseTotals[0]!.course;
    const last = result.courseTotals.at(-1)!.course;
    return new DomainError(
      "NOT_IN_SCHEDULE",
      "course",
      `${option("course", window.course)}: this schedule has courses ${first} to ${last}`,
    );
  }
  const dates = [...new Set(result.infusions.map((i) => i.date))];
  const before = dates.filter((d) => d < window.on).at(-1);
  const after = dates.find((d) => d > window.on);
  const nearest = [
    ...(before === undefined ? [] : [`${before} before it`]),
    ...(after === undefined ? [] : [`${after} after it`]),
  ].join(" and ");
  return new DomainError(
    "NOT_IN_SCHEDULE",
    "on",
    `${option("on", window.on)}: no infusion that day; the nearest infusion dates are ${nearest}`,
  );
}
