import type { IsoDate } from "./calendarDate.js";
import type { Derivation } from "./derivation.js";
import type { DosingWeightDecision } from "./dosingWeight.js";
import type { ScheduleInput } from "./input.js";
import { dosingWeightFor } from "./patient.js";
import type { Continuation, CourseTotal, Infusion, Message, Regimen } from "./resultSchema.js";
import { POLICIES, type Policy } from "../data/policies.js";
import { DEFAULT_REGION, type Product, type Region } from "../data/products.js";

/** The decisions every route starts from: who is dosed on which weight, under which policy and label region. */
export interface PlanContext {
  readonly decision: DosingWeightDecision;
  readonly dosingWeightKg: number;
  readonly policy: Policy | undefined;
  readonly region: Region;
}

/**
 * Decides the dosing weight, policy and region of a request (a missing height or sex is bad input).
 *
 * @example
 * planContext({ ...input, weightKg: 70 }) //=> { dosingWeightKg: 70, policy: undefined, region: "us", … }
 */
export function planContext(input: ScheduleInput): PlanContext {
  const decision = dosingWeightFor(input);
  return {
    decision,
    dosingWeightKg: decision.dosingWeightKg,
    policy: input.policy === undefined ? undefined : POLICIES[input.policy],
    region: input.region ?? DEFAULT_REGION,
  };
}

/**
 * One route's plan, before the patient, the unit-slip checks and the sources are added. A later
 * phase runner can chain these (its `regimen.startDate`, last infusion and dose are typed).
 */
export interface RoutePlan {
  readonly context: PlanContext;
  readonly product: Product;
  readonly regimen: Regimen;
  readonly infusions: readonly Infusion[];
  readonly courseTotals: readonly CourseTotal[];
  /** Warnings shown first (unit slips, dosing weight, age). */
  readonly leadWarnings: readonly Message[];
  readonly warnings: readonly Message[];
  readonly notes: readonly Message[];
  /** An established patient: the rule that decided the first course's rates. */
  readonly continuation?: Continuation | undefined;
  /** How each figure was reached, recorded while planning: what `--explain` renders. */
  readonly derivation: Derivation;
}

/** A route's planner: a validated request and today's date to a plan. */
export type Planner = (input: ScheduleInput, today: IsoDate) => RoutePlan;
