import type { IsoDate } from "./calendarDate.js";
import type { DerivedSchedule } from "./derivation.js";
import type { ScheduleInput } from "./input.js";
import { planIvig } from "./ivig.js";
import { patientJson, typedUnitWarnings } from "./patient.js";
import type { Planner, RoutePlan } from "./planner.js";
import type { ScheduleResult } from "./resultSchema.js";
import { planScig } from "./scig.js";
import { usedSources } from "./sourceCollection.js";
import type { Route } from "../data/products.js";

/** The planner of each route: IVIG courses, or their SCIG equivalent. */
const PLANNERS: Readonly<Record<Route, Planner>> = { ivig: planIvig, scig: planScig };

/**
 * Plans a dated schedule for one patient on the route asked for. Pure: the same input and `today`
 * give the same result, byte for byte once serialised. Bad input throws a `DomainError`.
 *
 * @param input a validated request (see {@link ScheduleInput})
 * @param today the calendar date the schedule starts on when `input.startDate` is absent
 *
 * @example
 * planSchedule({ weightKg: 70, weightAsEntered: "70", doseGPerKg: 2, intervalWeeks: 4,
 *   maxDailyGPerKg: 1, courses: 6, productId: "gammagard-liquid", rounding: "vial" }, "2026-12-01")
 * //=> { regimen: { courseDoseG: 140, daysPerCourse: 2, … }, infusions: [12 days of 70 g], … }
 */
export function planSchedule(input: ScheduleInput, today: IsoDate): ScheduleResult {
  return planDerivedSchedule(input, today).result;
}

/**
 * {@link planSchedule}, with the planner's record of how each figure was reached (what `--explain` renders).
 *
 * @example
 * planDerivedSchedule(input, "2026-12-01").derivations[0].derivation.dose.exactCourseDoseMg //=> 140_000
 */
export function planDerivedSchedule(input: ScheduleInput, today: IsoDate): DerivedSchedule {
  const plan = planRoute(input, today);
  return { result: scheduleResult(input, plan), derivations: [{ derivation: plan.derivation }] };
}

/**
 * The typed plan of the route asked for, before it becomes output: what a treatment plan runs phase
 * after phase (the next phase starts from `regimen.startDate`, `regimen.intervalWeeks` and the last
 * infusion), and what a comparison or a pharmacy forecast sums (doses, dispensed vials, chair time).
 *
 * @example
 * planRoute({ ...input, route: "scig" }, "2026-12-01").regimen.route //=> "scig"
 */
export function planRoute(input: ScheduleInput, today: IsoDate): RoutePlan {
  return PLANNERS[input.route ?? "ivig"](input, today);
}

/**
 * A route's plan as the output: the patient, the unit-slip checks before the route's warnings,
 * and the sources of the product, the policy and every message.
 *
 * @example
 * scheduleResult(input, planIvig(input, "2026-12-01")) //=> { schemaVersion: 1, patient, regimen, … }
 */
function scheduleResult(input: ScheduleInput, plan: RoutePlan): ScheduleResult {
  const { context, product } = plan;
  const lead = [...typedUnitWarnings(input), ...plan.leadWarnings];
  const warnings = [...lead, ...plan.warnings];
  const notes = [...plan.notes];
  return {
    schemaVersion: 1,
    patient: patientJson(input, context.decision),
    regimen: plan.regimen,
    infusions: [...plan.infusions],
    courseTotals: [...plan.courseTotals],
    warnings,
    notes,
    // Every warning shown cites its sources in the list, on both routes.
    sources: usedSources(product, context.policy, warnings, notes, context.region),
    ...(plan.continuation ? { continuation: plan.continuation } : {}),
  };
}
