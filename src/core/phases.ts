import { addCalendarDays, type IsoDate } from "./calendarDate.js";
import { DomainError } from "./domainError.js";
import { formatNumber, plural, roundTo } from "./format.js";
import type { ScheduleInput } from "./input.js";
import { message } from "./messages.js";
import { patientJson, typedUnitWarnings } from "./patient.js";
import { withGivenIvigCourse } from "./planConversion.js";
import { boundaryMonthlyWarnings, earlyStartWarnings, phaseEnd } from "./phaseBoundaries.js";
import type { DerivedSchedule } from "./derivation.js";
import type { RoutePlan } from "./planner.js";
import type { CourseTotal, Infusion, Message, PhaseSummary, ScheduleResult, SourceRef } from "./resultSchema.js";
import { planRoute } from "./schedule.js";
import { usedSources } from "./sourceCollection.js";
import { gToMg, mgToG } from "./vials.js";
import { option } from "./optionKeys.js";

/**
 * A treatment plan (`--plan`): phases planned one after another with the route planners, joined
 * into one schedule. Each phase's request is complete (the CLI applies inheritance); a phase after
 * the first has a `startDate` only when the plan sets one. Pure, like `planSchedule`.
 */

/** One phase as planned: its request (start and previous infusion filled in), plan and start rule. */
interface PlannedPhase {
  readonly input: ScheduleInput;
  readonly plan: RoutePlan;
  readonly startRule: string;
  readonly startNotes: readonly Message[];
  /** PHASE_STARTS_EARLY, when the plan's own start stacks the phase on the one before (phases already set). */
  readonly startWarnings: readonly Message[];
  /** The plan's own start puts the phase before the previous phase's next course date. */
  readonly startsEarly: boolean;
}

/**
 * Plans every phase and joins them: phase k+1 starts when phase k's next course would have started
 * (its last course's planned start + its interval), an SCIG phase after an IVIG phase one week after
 * the last IVIG infusion (the labels' rule), unless the phase sets its own start, which must fall
 * after the previous phase's last infusion. Courses are numbered through the whole plan; each
 * infusion and course total carries its `phase`.
 *
 * @example
 * planPhases([{ ...input, courses: 1, daysPerCourse: 5 }, { ...input, doseGPerKg: 1, intervalWeeks: 3, courses: 3 }],
 *   "2026-12-01").phases!.map((p) => p.firstDate) //=> ["2026-12-01", "2026-12-29"]
 */
export function planPhases(inputs: readonly ScheduleInput[], today: IsoDate): ScheduleResult {
  return planDerivedPhases(inputs, today).result;
}

/** {@link planPhases}, with each phase's record of how its figures were reached (what `--explain` renders). */
export function planDerivedPhases(inputs: readonly ScheduleInput[], today: IsoDate): DerivedSchedule {
  if (inputs.length === 0) throw new DomainError("EMPTY_PLAN", "plan", "a treatment plan needs at least one phase");
  const phases: PlannedPhase[] = [];
  inputs.forEach((given, k) => {
    const previous = phases.at(-1);
    const { input, startRule, startNotes } =
      previous === undefined
        ? firstPhase(given)
        : nextPhase(withGivenIvigCourse(given, previous.input, previous.plan.regimen, k), k + 1, previous);
    const plan = inPhase(k + 1, () => planRoute(input, today));
    const inherited = inheritedDaysNote(input, plan);
    // Only a start the plan sets can stack phases (an SCIG phase after IVIG: the SCIG planner checks its week).
    const ownStart = previous !== undefined && given.startDate !== undefined && input.scig?.lastIvigDate === undefined;
    const startWarnings = ownStart ? earlyStartWarnings(previous.plan, plan, k + 1, given.startDate!) : [];
    const startsEarly = ownStart && given.startDate! < phaseEnd(previous.plan).nextCourse;
    phases.push({ input, plan, startRule, startNotes: [...startNotes, ...inherited], startWarnings, startsEarly });
  });
  // Phase 1 starts as a single regimen would; a later phase's start is the plan's rule.
  const derivations = phases.map((p, k) => ({
    phase: k + 1,
    startRule: k === 0 ? undefined : p.startRule,
    derivation: p.plan.derivation,
  }));
  return { result: joinPhases(phases), derivations };
}

/**
 * PHASE_DAYS_NOT_INHERITED: a phase that changed the dose or the daily maximum does not keep the days per
 * course set before it (the contract); the note says what it gives instead: 1 g/kg after a 5-day load is 1 day.
 */
function inheritedDaysNote(input: ScheduleInput, plan: RoutePlan): Message[] {
  const from = input.daysNotInherited;
  if (from === undefined || plan.regimen.route !== "ivig") return [];
  const days = plan.regimen.dayDosesG;
  const sizes = [...new Set(days)].map((d) => `${formatNumber(d)} g`).join(" or ");
  return [
    message(
      "PHASE_DAYS_NOT_INHERITED",
      `${plural(from.days, "day")} per course of ${from.from} not inherited: this phase changes the ${from.changed}, so ` +
        `each course is the fewest days within ${option("maxDaily", roundTo(input.maxDailyGPerKg, 2))} g/kg: ` +
        `${plural(days.length, "day")} of ${sizes}. Give "days" in the phase to set them`,
    ),
  ];
}

/** A core error in a phase names the phase. */
function inPhase<T>(phase: number, plan: () => T): T {
  try {
    return plan();
  } catch (e) {
    if (e instanceof DomainError) throw new DomainError(e.code, e.option, `phase ${phase}: ${e.message}`, e.related);
    throw e;
  }
}

function firstPhase(input: ScheduleInput): Pick<PlannedPhase, "input" | "startRule" | "startNotes"> {
  const startRule =
    input.route === "scig" && input.scig?.lastIvigDate !== undefined
      ? "1 week after the last IVIG"
      : input.startDate === undefined
        ? "today"
        : "the start date";
  return { input, startRule, startNotes: [] };
}

/** Phase `phase`'s start (given, after the last IVIG, or the next course date) and the infusion before it. */
function nextPhase(
  given: ScheduleInput,
  phase: number,
  previous: PlannedPhase,
): Pick<PlannedPhase, "input" | "startRule" | "startNotes"> {
  const before = phase - 1;
  const { last, nextCourse, nextFrom } = phaseEnd(previous.plan);
  const previousRoute = previous.plan.regimen.route;
  const previousInfusion = { date: last.date, route: previousRoute, productId: previous.plan.product.id };
  const afterIvig = given.route === "scig" && previousRoute === "ivig";
  const scig = afterIvig ? { ...given.scig, lastIvigDate: last.date } : given.scig;
  const base = { ...given, previousInfusion, scig };
  if (given.startDate !== undefined) {
    if (given.startDate <= last.date) {
      throw new DomainError(
        "PHASE_OVERLAP",
        "plan",
        `phase ${phase}: start ${given.startDate} is on or before phase ${before}'s last infusion on ${last.date}: a phase starts ` +
          `after the one before it ends (leave start out to begin when phase ${before}'s next course would have started, ${nextCourse})`,
      );
    }
    return { input: base, startRule: "its start date in the plan", startNotes: [] };
  }
  if (afterIvig) {
    // planScig dates it one week after the last IVIG (WEEKS_AFTER_LAST_IVIG) and notes it.
    return {
      input: { ...base, startDate: undefined },
      startRule: `1 week after the last IVIG on ${last.date}`,
      startNotes: [],
    };
  }
  const every = previous.plan.regimen.intervalWeeks;
  if (nextCourse > last.date) {
    const rule = `phase ${before}'s next course date (${nextFrom} + ${plural(every, "week")})`;
    const note = message(
      "PHASE_START",
      `starts ${nextCourse}, when phase ${before}'s next course would have started (${nextFrom} + ${every * 7} days)`,
    );
    return { input: { ...base, startDate: nextCourse }, startRule: rule, startNotes: [note] };
  }
  // Moves stretched the last course past its next course date: the phase starts the day after.
  const start = addCalendarDays(last.date, 1);
  const note = message(
    "PHASE_START",
    `starts ${start}, the day after phase ${before}'s last infusion: its next course date ${nextCourse} falls within phase ${before}'s ` +
      `moved days, and no two infusions share a date`,
  );
  return {
    input: { ...base, startDate: start },
    startRule: `the day after phase ${before}'s last infusion`,
    startNotes: [note],
  };
}

/** The phases as one result: phase 1's patient and regimen, every infusion, merged messages, the phases. */
function joinPhases(phases: readonly PlannedPhase[]): ScheduleResult {
  const first = phases[0]!;
  const infusions: Infusion[] = [];
  const courseTotals: CourseTotal[] = [];
  const summaries: PhaseSummary[] = [];
  phases.forEach(({ plan, startRule }, k) => {
    // Numbered through the plan, from phase 1's first course (n+1 after --courses-given n).
    const offset = k === 0 ? 0 : courseTotals.at(-1)!.course;
    const own = plan.infusions.map((i) => ({ ...i, course: i.course + offset, phase: k + 1 }));
    infusions.push(...own);
    courseTotals.push(...plan.courseTotals.map((c) => ({ ...c, course: c.course + offset, phase: k + 1 })));
    summaries.push(phaseSummary(k + 1, plan, own, startRule));
  });
  const warnings = mergeMessages(
    phases.length,
    phases.map((p) => [...p.plan.leadWarnings, ...p.plan.warnings]),
  );
  const notes = mergeMessages(
    phases.length,
    phases.map((p) => [...p.startNotes, ...p.plan.notes]),
  );
  const patient = patientJson(first.input, first.plan.context.decision);
  warnings.push(
    ...phases.flatMap((p) => p.startWarnings),
    ...boundaryMonthlyWarnings(
      courseTotals,
      phases.map((p) => p.plan),
      phases.map((p) => p.startsEarly),
      patient.dosingWeightKg,
    ),
  );
  const lead = typedUnitWarnings(first.input);
  return {
    schemaVersion: 1,
    patient,
    regimen: first.plan.regimen,
    infusions,
    courseTotals,
    warnings: [...lead, ...warnings],
    notes,
    sources: planSources(phases, [...lead, ...warnings], notes),
    phases: summaries,
    ...(first.plan.continuation ? { continuation: first.plan.continuation } : {}),
  };
}

function phaseSummary(phase: number, plan: RoutePlan, infusions: readonly Infusion[], startRule: string): PhaseSummary {
  const { regimen } = plan;
  return {
    phase,
    route: regimen.route,
    product: regimen.product,
    productName: regimen.productName,
    doseGPerKg: regimen.doseGPerKg,
    intervalWeeks: regimen.intervalWeeks,
    firstDate: infusions[0]!.date,
    lastDate: infusions.at(-1)!.date,
    infusionCount: infusions.length,
    // Summed in integer mg: 0.1 + 0.2 is not 0.3 in floating point.
    totalG: mgToG(infusions.reduce((sum, i) => sum + gToMg(i.doseG), 0)),
    startRule,
    regimen,
  };
}

/**
 * Each message once: one that every phase gives is printed as it is; one that only some phases give
 * names them ("phase 2: …", "phases 1 and 3: …"). Each carries `phases`, the phases it came from, so
 * a renderer shows it with those phases' infusions only. In a plan the fix goes into the plan file,
 * so messages carry no `remedies` (an option added to the command line sets phase 1's defaults only).
 */
function mergeMessages(count: number, perPhase: readonly (readonly Message[])[]): Message[] {
  const seen = new Map<string, { message: Message; phases: number[] }>();
  perPhase.forEach((messages, k) => {
    for (const m of messages) {
      const key = `${m.code}\u0000${m.message}`;
      const entry = seen.get(key) ?? seen.set(key, { message: m, phases: [] }).get(key)!;
      if (!entry.phases.includes(k + 1)) entry.phases.push(k + 1);
    }
  });
  return [...seen.values()].map(({ message: m, phases }) => {
    const { remedies: _dropped, ...rest } = m;
    return phases.length === count
      ? { ...rest, phases }
      : { ...rest, message: `${phaseNames(phases)}: ${m.message}`, phases };
  });
}

/**
 * "phase 2", "phases 1 and 3", "phases 1, 2 and 4".
 *
 * @example
 * phaseNames([1, 2, 4]) //=> "phases 1, 2 and 4"
 */
function phaseNames(phases: readonly number[]): string {
  if (phases.length === 1) return `phase ${phases[0]}`;
  return `phases ${phases.slice(0, -1).join(", ")} and ${phases.at(-1)}`;
}

/** Every phase's sources (product, policy, messages), each once, in phase order. */
function planSources(phases: readonly PlannedPhase[], warnings: Message[], notes: Message[]): SourceRef[] {
  const all = phases.flatMap(({ plan }) =>
    usedSources(plan.product, plan.context.policy, warnings, notes, plan.context.region),
  );
  const seen = new Set<string>();
  return all.filter((s) => !seen.has(s.id) && seen.add(s.id));
}
