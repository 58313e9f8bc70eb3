import type { OptionKey } from "./optionKeys.js";

/** What went wrong, as the CLI prints it (`--json` `error.code`, batch lines). */
export type DomainErrorCode =
  | "UNKNOWN_PRODUCT"
  | "VIALS_NEEDED"
  | "UNKNOWN_VIAL_SIZE"
  | "NO_ALLOWED_DAY"
  | "UNTIL_BEFORE_START"
  | "TOO_MANY_COURSES"
  | "MISSING_HEIGHT"
  | "MISSING_SEX"
  | "CONTRADICTORY_INPUT"
  | "CANNOT_SPLIT_COURSE"
  | "ROUNDING_TOO_FAR"
  | "RATE_NEEDED"
  | "RATE_ABOVE_LABEL"
  | "RATE_STEPS_OUTSIDE_PLAN"
  | "RATE_ROUNDS_TO_ZERO"
  | "CHAIR_TIME_OVER_24H"
  | "SCIG_LIMITS_NOT_ENCODED"
  | "SCIG_DOSE_TOO_SMALL"
  | "SCIG_INTERVAL_NOT_ALLOWED"
  | "SCIG_SESSIONS_NOT_ALLOWED"
  | "SCIG_FACTOR_NOT_FOUND"
  | "SCIG_LIMIT_NOT_FOUND"
  | "SCIG_CHAIR_TIME_TOO_LONG"
  | "HYQVIA_DAILY_VOLUME"
  | "WEIGHT_FORMAT"
  | "HEIGHT_FORMAT"
  | "EMPTY_PLAN"
  | "PHASE_OVERLAP"
  | "STEP_TIME_BELOW_LABEL"
  | "REVIEW_INPUT"
  | "LAST_COURSE_NOT_BEFORE_START"
  | "NOT_IN_SCHEDULE";

/**
 * The input cannot be planned as given: the one error the core throws for bad input, where the
 * problem is found. `option` is the key of the option that fixes it; `related` the other options the
 * message names. The message names options with `option()` mentions, which the CLI phrases (flags, or
 * a batch line's keys); it reports the error as bad input (exit 2) and says where a setting came from by these.
 *
 * @example
 * throw new DomainError("RATE_ABOVE_LABEL", "maxRate", `${option("maxRate", 10)} is above …`)
 */
export class DomainError extends Error {
  override readonly name = "DomainError";
  constructor(
    readonly code: DomainErrorCode,
    readonly option: OptionKey | undefined,
    message: string,
    readonly related: readonly OptionKey[] = [],
  ) {
    super(message);
  }

  /** Every option the error concerns: `option` first, then `related`. */
  get options(): readonly OptionKey[] {
    return [...(this.option === undefined ? [] : [this.option]), ...this.related];
  }
}

/**
 * Why an input is refused, as data: a pure check returns it (a remedy is only offered where the
 * check finds none), and the planner throws it as the {@link DomainError} it describes, so the
 * check and the planner cannot disagree.
 *
 * @example
 * rateRefusal(privigen, { maxMlPerKgPerHour: 99 }) //=> Refusal { code: "RATE_ABOVE_LABEL", option: "maxRate", … }
 */
export class Refusal {
  constructor(
    readonly code: DomainErrorCode,
    readonly option: OptionKey | undefined,
    readonly message: string,
    readonly related: readonly OptionKey[] = [],
  ) {}

  /** The error the planner throws for it. */
  error(): DomainError {
    return new DomainError(this.code, this.option, this.message, this.related);
  }
}

/**
 * Whether `plan` succeeds, for a remedy whose check is the whole plan (an SCIG plan at another
 * factor: its sites, sessions and chair time); a refusal one function finds is a {@link Refusal}.
 *
 * @example
 * accepts(() => planScig({ ...input, scig: { factor: 1.53 } }, today)) //=> true
 */
export function accepts(plan: () => unknown): boolean {
  try {
    plan();
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}
