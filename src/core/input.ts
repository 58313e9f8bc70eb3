import type { IsoDate } from "./calendarDate.js";
import type { Rounding } from "./courseDose.js";
import type { DosingWeightChoice, Sex } from "./dosingWeight.js";
import type { PolicyId } from "../data/policies.js";
import { DEFAULT_IVIG_PRODUCT_ID, type Region, type Route } from "../data/products.js";
import type { RateOptions } from "./ratePlan.js";
import type { AvoidRules } from "./avoid.js";
import type { SettingOrigins } from "./settingOrigin.js";

/** A validated one-patient request: what the CLI, a config file or a batch line reduce to. */
export interface ScheduleInput {
  /** Actual body weight in kg. */
  readonly weightKg: number;
  /** The weight as the user typed it (`70`, `154lb`), echoed in the output. */
  readonly weightAsEntered: string;
  /** Height in cm, when given. */
  readonly heightCm?: number | undefined;
  /** The height as typed (`175`, `5ft9in`). */
  readonly heightAsEntered?: string | undefined;
  readonly sex?: Sex | undefined;
  readonly ageYears?: number | undefined;
  readonly pregnant?: boolean | undefined;
  /** `--dosing-weight`; overrides a policy's weight rule. */
  readonly dosingWeight?: DosingWeightChoice | undefined;
  /** `--policy`: dosing weight and rounding together. */
  readonly policy?: PolicyId | undefined;
  /** Grams per kg of dosing weight per course. */
  readonly doseGPerKg: number;
  /** Weeks between the first days of consecutive courses. */
  readonly intervalWeeks: number;
  /** Infusion days per course; absent means the fewest that keep each day within `maxDailyGPerKg`. */
  readonly daysPerCourse?: number | undefined;
  /** Largest dose on one day, g/kg. */
  readonly maxDailyGPerKg: number;
  /** Number of courses, or (with `untilDate`) absent. */
  readonly courses?: number | undefined;
  /** Every course that starts on or before this date is scheduled. */
  readonly untilDate?: IsoDate | undefined;
  /** First infusion day; absent means `today`. */
  readonly startDate?: IsoDate | undefined;
  readonly productId: string;
  /** `--region`: whose label (US PI or EU SmPC) decides the MMN indication and vial sizes; absent means us. */
  readonly region?: Region | undefined;
  /** `--vials`: the sizes the pharmacy stocks, in g. */
  readonly vialSizesG?: readonly number[] | undefined;
  /** Rate options: `--initial-rate`, `--max-rate`, `--step-minutes`, `--rate-steps`, `--at-risk`. */
  readonly rates?: RateOptions | undefined;
  /** `--skip-weekends`, `--avoid`: days no infusion may fall on. */
  readonly avoid?: AvoidRules | undefined;
  /** `--route`: IVIG courses, or the weekly SCIG equivalent. */
  readonly route?: Route | undefined;
  readonly scig?: ScigOptions | undefined;
  /** `--first-infusion`: every course starts as a first infusion. */
  readonly firstInfusion?: boolean | undefined;
  /** `--round`; absent means the policy's rounding, else `vial`. */
  readonly rounding?: Rounding | undefined;
  /**
   * The infusion given just before this schedule (a treatment plan's previous phase): the first
   * infusion here is a first infusion only after a gap over 8 weeks or a change of product.
   */
  readonly previousInfusion?: PreviousInfusion | undefined;
  /**
   * A treatment plan's phase that changed the dose or the daily maximum, so it did not inherit the days
   * per course set before it (the CLI applies inheritance): where they were set, how many, and what
   * changed ("dose 2 → 1 g/kg"), so a note can say so.
   */
  readonly daysNotInherited?: { readonly from: string; readonly days: number; readonly changed: string } | undefined;
  /** Site settings that came from a config file or MMN_DOSE_* variable, so notes name that source. */
  readonly settingOrigins?: SettingOrigins | undefined;
  /** An established patient: what was given before this schedule (`--last-course`, `--courses-given`, …). */
  readonly continuing?: Continuing | undefined;
}

/** What was given before this schedule (`continuing.ts` decides the start, numbering and rates from it). */
interface Continuing {
  /** `--last-course`: the first day of the last IVIG course. */
  readonly lastCourseDate?: IsoDate | undefined;
  /** `--last-scig`: the last SCIG dose. */
  readonly lastScigDate?: IsoDate | undefined;
  /** `--last-product`: the product of the last course or dose, when it differs from this schedule's. */
  readonly lastProductId?: string | undefined;
  /** `--courses-given`: courses (SCIG: doses) already given; the first one printed is number n+1. */
  readonly coursesGiven?: number | undefined;
}

/** The last infusion before a schedule: its placed date, route and product. */
export interface PreviousInfusion {
  readonly date: IsoDate;
  readonly route: Route;
  readonly productId: string;
}

/** SCIG options (`--scig-product`, `--scig-factor`, `--scig-every`, `--sessions`, `--last-ivig`). */
export interface ScigOptions {
  readonly productId?: string | undefined;
  /** A number, or `label` for the product's own factor. */
  readonly factor?: number | "label" | undefined;
  readonly everyWeeks?: number | undefined;
  readonly sessions?: number | undefined;
  readonly lastIvigDate?: IsoDate | undefined;
  /** `--doses`: the number of SCIG doses to schedule (instead of the IVIG-equivalent period). */
  readonly doses?: number | undefined;
  /**
   * A treatment plan's SCIG phase after an IVIG phase: the IVIG course that phase gave (its course
   * total, as dispensed), converted instead of weight × dose (`planConversion.ts`).
   */
  readonly givenIvigCourse?:
    | { readonly courseMg: number; readonly phase: number; readonly productName: string }
    | undefined;
}

/** Defaults of the contract (docs/contract.md, options table). */
export const DEFAULTS = {
  doseGPerKg: 2,
  intervalWeeks: 4,
  maxDailyGPerKg: 1,
  courses: 6,
  productId: DEFAULT_IVIG_PRODUCT_ID,
  rounding: "vial",
} as const;

/** Accepted ranges: wide enough for any real regimen, narrow enough to catch a typo. */
export const LIMITS = {
  weightKg: { min: 2, max: 350 },
  heightCm: { min: 50, max: 250 },
  ageYears: { min: 0, max: 120 },
  doseGPerKg: { min: 0.1, max: 4 },
  intervalWeeks: { min: 1, max: 52 },
  daysPerCourse: { min: 1, max: 5 },
  maxDailyGPerKg: { min: 0.1, max: 2 },
  courses: { min: 1, max: 100 },
  /** `--courses-given`: years of 3-weekly courses, far above any real count. */
  coursesGiven: { min: 0, max: 999 },
  /** `--doses`: SCIG doses, as many as the SCIG planner schedules at once (4 × the course limit). */
  doses: { min: 1, max: 400 },
  rateMlPerKgPerHour: { min: 0.01, max: 20 },
  stepMinutes: { min: 5, max: 240 },
  vialSizeG: { min: 0.1, max: 100 },
  scigFactor: { min: 0.1, max: 3 },
  scigEveryWeeks: { min: 1, max: 4 },
  sessions: { min: 1, max: 2 },
  /**
   * Values in one list option (`--vials`, `--rate-steps`): a stock holds a handful of vial sizes and a
   * protocol a handful of steps; 20,000 steps made each infusion's rate plan a megabyte.
   */
  listValues: { min: 1, max: 20 },
} as const;
