import { addCalendarDays, daysBetween, type IsoDate } from "./calendarDate.js";
import { formatNumber } from "./format.js";
import { message } from "./messages.js";
import type { RoutePlan } from "./planner.js";
import type { CourseTotal, Infusion, Message } from "./resultSchema.js";
import { gToMg, mgToG } from "./vials.js";
import { GAMMAGARD_MMN_MONTHLY_G_PER_KG, SCHEDULING_WINDOW_DAYS } from "../data/guidelines.js";

/**
 * Where one phase of a treatment plan meets the next: when the previous phase's next course would
 * have started, and the warnings for phases that the plan's own `start` stacks on each other.
 */

/**
 * [D] The shortest calendar month (February). The label's maximum is per month; more than it
 * started within 28 days is more than it within a month, whatever "month" means.
 */
const SHORTEST_MONTH_DAYS = 28;

/** The last infusion of a phase and when its next course would have started (last course start + interval). */
export function phaseEnd(plan: RoutePlan): { last: Infusion; nextCourse: IsoDate; nextFrom: IsoDate } {
  const { infusions, regimen } = plan;
  const last = infusions.at(-1)!;
  const lastCourseStart = infusions.find((i) => i.course === last.course)!;
  const nextFrom = lastCourseStart.plannedDate ?? lastCourseStart.date;
  return { last, nextCourse: addCalendarDays(nextFrom, 7 * regimen.intervalWeeks), nextFrom };
}

const dose = (g: number, perKg: number) => `${formatNumber(g)} g (${formatNumber(perKg)} g/kg)`;

/**
 * PHASE_STARTS_EARLY: phase `phase` sets its own start more than the scheduling window (4 days,
 * the one COURSES_CLOSE_TOGETHER uses) before the previous phase's next course date, so the two
 * phases' doses come closer together than either regimen gives them.
 */
export function earlyStartWarnings(previous: RoutePlan, current: RoutePlan, phase: number, start: IsoDate): Message[] {
  const { nextCourse, nextFrom } = phaseEnd(previous);
  const early = daysBetween(start, nextCourse);
  const window = SCHEDULING_WINDOW_DAYS.value;
  if (early <= window) return [];
  const before = phase - 1;
  const last = previous.courseTotals.at(-1)!;
  const first = current.courseTotals[0]!;
  const text =
    `phase ${phase} starts ${start} (its start in the plan), ${early} days before ${nextCourse}, when phase ${before}'s next ` +
    `course would have started (${nextFrom} + ${7 * previous.regimen.intervalWeeks} days): phase ${before}'s last course of ` +
    `${dose(last.doseG, previous.regimen.doseGPerKg)} began ${last.startDate}, and phase ${phase} gives ` +
    `${dose(first.doseG, current.regimen.doseGPerKg)} from ${first.startDate}; the scheduling window is ${window} days: ` +
    `check that the phases are not stacked`;
  return [{ ...message("PHASE_STARTS_EARLY", text, [SCHEDULING_WINDOW_DAYS.source]), phases: [before, phase] }];
}

/**
 * ABOVE_LABEL_MONTHLY_DOSE across the change from one IVIG phase to the next, when the plan's own
 * start brings the next phase before the previous phase's next course date: the most grams of the
 * courses (each counted whole, as the label's monthly rule counts a course per interval) starting
 * in any 28 days that hold a course of each, per kg of dosing weight, above the label's monthly
 * maximum, when each phase's own regimen is within it (else its own warning says so).
 */
export function boundaryMonthlyWarnings(
  courses: readonly CourseTotal[],
  plans: readonly RoutePlan[],
  startsEarly: readonly boolean[],
  dosingWeightKg: number,
): Message[] {
  const label = GAMMAGARD_MMN_MONTHLY_G_PER_KG;
  return plans.slice(1).flatMap((plan, k) => {
    const pair = [plans[k]!, plan];
    if (!startsEarly[k + 1]) return [];
    if (pair.some((p) => p.regimen.route !== "ivig" || p.regimen.monthlyDoseGPerKg > label.value.max)) return [];
    const [before, phase] = [k + 1, k + 2];
    const both = courses.filter((c) => c.phase === before || c.phase === phase);
    let most: readonly CourseTotal[] = [];
    for (const c of both.filter((x) => x.phase === before)) {
      const to = addCalendarDays(c.startDate, SHORTEST_MONTH_DAYS - 1);
      const within = both.filter((x) => x.startDate >= c.startDate && x.startDate <= to);
      if (within.some((x) => x.phase === phase) && mgOf(within) > mgOf(most)) most = within;
    }
    const gPerKg = mgToG(mgOf(most)) / dosingWeightKg;
    if (most.length === 0 || gPerKg <= label.value.max) return [];
    const from = most[0]!.startDate;
    const text =
      `phases ${before} and ${phase}: the courses starting in the ${SHORTEST_MONTH_DAYS} days from ${from} to ` +
      `${addCalendarDays(from, SHORTEST_MONTH_DAYS - 1)} (${most.map((c) => `${formatNumber(c.doseG)} g on ${c.startDate}`).join(", ")}) ` +
      `give ${formatNumber(mgToG(mgOf(most)))} g, ${formatNumber(gPerKg)} g/kg of dosing weight ${formatNumber(dosingWeightKg)} kg, ` +
      `above the Gammagard Liquid MMN label's ${label.value.max} g/kg/month (each phase's own regimen is within it)`;
    return [{ ...message("ABOVE_LABEL_MONTHLY_DOSE", text, [label.source]), phases: [before, phase] }];
  });
}

/** The courses' grams, summed in integer mg (0.1 + 0.2 is not 0.3 in floating point). */
const mgOf = (courses: readonly CourseTotal[]) => courses.reduce((sum, c) => sum + gToMg(c.doseG), 0);
