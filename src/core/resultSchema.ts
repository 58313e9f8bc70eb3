import * as z from "zod/mini";
import { ROUNDINGS } from "./courseDose.js";
import { SEXES } from "./dosingWeight.js";
import { POLICY_IDS } from "../data/policies.js";
import { ROUTES } from "../data/products.js";

/**
 * The `--json` output contract (schemaVersion 1). `mmn-dose schema` prints the JSON Schema
 * generated from these zod schemas, and the tests validate every JSON output against it.
 * Add fields freely; never rename or drop one without bumping `schemaVersion`.
 */

export const isoDate = z.iso.date().check(z.describe("Calendar date, YYYY-MM-DD"));

export const MessageSchema = z.strictObject({
  code: z
    .string()
    .check(z.regex(/^[A-Z][A-Z0-9_]*$/))
    .check(z.describe("Stable machine code")),
  message: z.string().check(z.describe("One plain sentence for a pharmacist")),
  sources: z.optional(z.array(z.string())).check(z.describe("URLs backing the rule")),
  remedies: z
    .optional(z.array(z.string()))
    .check(z.describe('Options that address a warning, each accepted by the tool as written (e.g. "--days 3")')),
  phases: z
    .optional(z.array(z.number().check(z.int()).check(z.positive())))
    .check(
      z.describe(
        "Treatment plans (--plan) only: the phases (1-based) the message came from; a message without it applies to every phase",
      ),
    ),
});

export const SourceSchema = z.strictObject({ id: z.string(), title: z.string(), url: z.string() });

export const PatientSchema = z.strictObject({
  weightKg: z.number().check(z.positive()),
  weightAsEntered: z.string().check(z.describe("The --weight value as typed")),
  heightCm: z.nullable(z.number().check(z.positive())),
  heightAsEntered: z.nullable(z.string()).check(z.describe("The --height value as typed")),
  sex: z.nullable(z.enum(SEXES)),
  ageYears: z.nullable(z.number().check(z.gte(0))),
  pregnant: z.nullable(z.boolean()),
  bmi: z.nullable(z.number().check(z.positive())),
  idealWeightKg: z.nullable(z.number().check(z.positive())),
  adjustedWeightKg: z.nullable(z.number().check(z.positive())),
  dosingWeightKg: z.number().check(z.positive()),
  dosingWeightBasis: z.enum(["actual", "ideal", "adjusted"]),
  dosingWeightRule: z.string().check(z.describe("actual, ideal, adjusted, bmi30, ibw120 or policy:<id>")),
  dosingWeightReason: z.string().check(z.describe("Why this weight, in one sentence")),
  policy: z.nullable(z.enum(POLICY_IDS)),
});

export const VialSchema = z.strictObject({
  sizeG: z.number().check(z.positive()),
  count: z.number().check(z.int()).check(z.positive()),
});

const RegimenSchema = z.strictObject({
  route: z.enum(ROUTES),
  region: z
    .enum(["us", "eu"])
    .check(z.describe("Whose label applies (--region): us, the US prescribing information; eu, the EU SmPC")),
  mmnIndication: z
    .nullable(z.boolean())
    .check(z.describe("Whether that region's label names MMN; null when no label text was found")),
  product: z.string(),
  productName: z.string(),
  concentrationGPerMl: z.number().check(z.positive()),
  vialSizesG: z.array(z.number().check(z.positive())),
  rates: z
    .nullable(
      z.strictObject({
        indication: z.string().check(z.describe("The label indication the rates come from")),
        rateWeightKg: z.number().check(z.positive()).check(z.describe("Rates per kg use the dosing weight")),
        initialMlPerKgPerHour: z.number().check(z.positive()),
        stepMinutes: z.number().check(z.positive()),
        intermediateMlPerKgPerHour: z.array(z.number().check(z.positive())),
        maxMlPerKgPerHour: z.number().check(z.positive()),
        firstInfusionMaxMlPerKgPerHour: z.number().check(z.positive()),
        atRisk: z.boolean(),
      }),
    )
    .check(z.describe("IVIG rate settings; null for SCIG")),
  scig: z
    .nullable(
      z.strictObject({
        factor: z.number().check(z.positive()).check(z.describe("SCIG:IVIG dose ratio")),
        factorSource: z.string().check(z.describe("Where the factor comes from")),
        ivigDoseGPerKg: z
          .number()
          .check(z.positive())
          .check(z.describe("The IVIG dose converted, per course, per kg of dosing weight")),
        ivigCourseDoseG: z
          .number()
          .check(z.positive())
          .check(z.describe("The IVIG course dose converted (Ontario: after its 5 g rounding)")),
        ivigIntervalWeeks: z.number().check(z.int()).check(z.positive()),
        weeklyDoseG: z.number().check(z.positive()).check(z.describe("IVIG course ÷ weeks × factor, before rounding")),
        everyWeeks: z.number().check(z.int()).check(z.positive()),
        sessions: z.number().check(z.int()).check(z.gte(1)).check(z.lte(2)),
        rampUp: z.boolean().check(z.describe("HyQvia ramp-up infusions precede the full dose")),
        startRule: z.string(),
      }),
    )
    .check(z.describe("SCIG conversion; null for IVIG")),
  doseGPerKg: z
    .number()
    .check(z.positive())
    .check(
      z.describe(
        "Per course, per kg of dosing weight, before the course is rounded; SCIG: per dosing " +
          "interval, from the IVIG course converted (after Ontario's 5 g rounding of that course)",
      ),
    ),
  intervalWeeks: z.number().check(z.int()).check(z.positive()),
  daysPerCourse: z.number().check(z.int()).check(z.gte(1)).check(z.lte(5)),
  daysPerCourseReason: z.enum(["requested", "fewest-within-cap"]),
  maxDailyGPerKg: z.number().check(z.positive()),
  exactCourseDoseG: z.number().check(z.positive()).check(z.describe("Dosing weight × dose, before rounding")),
  courseDoseG: z.number().check(z.positive()).check(z.describe("What each course gives, after rounding")),
  roundingDifferenceG: z.number(),
  roundingDifferencePercent: z.number(),
  rounding: z.enum(ROUNDINGS),
  roundingSource: z.enum(["option", "policy", "default"]).check(z.describe("Where the rounding came from")),
  dayDosesG: z.array(z.number().check(z.positive())),
  monthlyDoseGPerKg: z
    .number()
    .check(z.positive())
    .check(z.describe("Course dose per kg of dosing weight per average calendar month")),
  courses: z.number().check(z.int()).check(z.positive()),
  startDate: isoDate,
  untilDate: z.nullable(isoDate),
});

const InfusionSchema = z.strictObject({
  date: isoDate,
  weekday: z.enum(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
  course: z.number().check(z.int()).check(z.positive()),
  day: z.number().check(z.int()).check(z.positive()),
  daysInCourse: z.number().check(z.int()).check(z.positive()),
  doseG: z.number().check(z.positive()),
  doseGPerKg: z.number().check(z.positive()).check(z.describe("Per kg of dosing weight")),
  volumeMl: z.number().check(z.positive()),
  vials: z.array(VialSchema),
  dispensedG: z.number().check(z.positive()).check(z.describe("What the vials hold")),
  wasteG: z.number().check(z.gte(0)).check(z.describe("Left in the last vial after the dose is drawn up")),
  infusionKind: z.enum(["first", "later"]).check(z.describe("first: the first course, or after a gap over 8 weeks")),
  ratePlan: z
    .array(
      z.strictObject({
        startMinute: z.number().check(z.int()).check(z.gte(0)),
        mlPerHour: z.number().check(z.positive()),
        mlPerKgPerHour: z.number().check(z.positive()),
        mgPerKgPerMin: z.number().check(z.positive()),
      }),
    )
    .check(z.minLength(1)),
  durationMinutes: z
    .number()
    .check(z.int())
    .check(z.positive())
    .check(z.describe("Chair time to run the volume through the plan, rounded up")),
  sites: z.optional(z.number().check(z.int()).check(z.positive())).check(z.describe("SCIG: infusion sites")),
  sitesAtOnce: z
    .optional(z.number().check(z.int()).check(z.positive()))
    .check(z.describe("SCIG: sites running at the same time, never above the label's " + "simultaneous limit")),
  siteRounds: z
    .optional(z.number().check(z.int()).check(z.positive()))
    .check(z.describe("SCIG: groups of sites run one after another (1: all at once)")),
  volumePerSiteMl: z.optional(z.number().check(z.positive())).check(z.describe("SCIG: volume at each site")),
  hyaluronidaseMl: z.optional(z.number().check(z.positive())).check(z.describe("HyQvia: hyaluronidase given first")),
  plannedDate: z
    .optional(isoDate)
    .check(z.describe("Where the day was planned, when --skip-weekends or --avoid moved it")),
  movedBecause: z.optional(z.string()).check(z.describe("Why the planned date could not be used")),
  phase: z
    .optional(z.number().check(z.int()).check(z.positive()))
    .check(z.describe("--plan: the phase of the treatment plan, from 1")),
});

/** Site settings this run took from a config file or the environment (flags and defaults are not listed). */
const SettingsSchema = z.strictObject({
  file: z.nullable(z.string()).check(z.describe("The config file that set a value, as found; null when none did")),
  fromFile: z.array(z.string()).check(z.describe("Config keys whose value came from that file, e.g. vials, policy")),
  fromEnv: z
    .array(z.string())
    .check(z.describe("Config keys whose value came from their MMN_DOSE_* variable, e.g. round for MMN_DOSE_ROUND")),
});

const CourseTotalSchema = z.strictObject({
  course: z.number().check(z.int()).check(z.positive()),
  startDate: isoDate,
  endDate: isoDate,
  doseG: z.number().check(z.positive()),
  volumeMl: z.number().check(z.positive()),
  vials: z.array(VialSchema),
  phase: z.optional(z.number().check(z.int()).check(z.positive())).check(z.describe("--plan: the phase, from 1")),
});

const PhaseSchema = z.strictObject({
  phase: z.number().check(z.int()).check(z.positive()),
  route: z.enum(ROUTES),
  product: z.string(),
  productName: z.string(),
  doseGPerKg: z.number().check(z.positive()).check(z.describe("As the phase's regimen.doseGPerKg")),
  intervalWeeks: z.number().check(z.int()).check(z.positive()),
  firstDate: isoDate,
  lastDate: isoDate,
  infusionCount: z.number().check(z.int()).check(z.positive()),
  totalG: z.number().check(z.positive()).check(z.describe("Sum of the phase's infusion doses")),
  startRule: z.string().check(z.describe("How the phase's start was decided")),
  regimen: RegimenSchema,
});

const ContinuationSchema = z.strictObject({
  lastCourse: z.nullable(isoDate).check(z.describe("--last-course: the first day of the last IVIG course")),
  lastScig: z.nullable(isoDate).check(z.describe("--last-scig: the last SCIG dose")),
  lastInfusion: z.nullable(isoDate).check(z.describe("The last infusion given; null when not known")),
  lastInfusionRule: z.nullable(z.string()).check(z.describe("How lastInfusion was found, e.g. first day + 1 day")),
  lastProduct: z
    .nullable(z.string())
    .check(z.describe("The product of the last infusion (--last-product, else this one)")),
  coursesGiven: z.number().check(z.int()).check(z.nonnegative()),
  firstCourse: z
    .number()
    .check(z.int())
    .check(z.positive())
    .check(z.describe("The number of the first course printed")),
  firstDate: isoDate,
  gapDays: z.nullable(z.number().check(z.int())).check(z.describe("Days from the last infusion to firstDate")),
  rates: z.enum(["maintenance", "first-infusion"]).check(z.describe("The rates the first course starts at")),
  rule: z
    .enum(["maintenance", "gap", "product-change", "asked", "unknown-gap"])
    .check(
      z.describe(
        "maintenance: within 56 days, same product; gap: more than 56 days (NL-IVIG002); product-change (Gammagard PI); " +
          "asked: --first-infusion; unknown-gap: no last date",
      ),
    ),
  reason: z.string(),
});

const WindowSchema = z
  .union([z.strictObject({ on: isoDate }), z.strictObject({ course: z.number().check(z.int()).check(z.positive()) })])
  .check(z.describe("--on or --course: only those infusions are listed; the schedule was planned whole"));

const ExplainStepSchema = z.strictObject({
  step: z.string().check(z.describe("What is worked out, e.g. Dosing weight, Exact course dose, Chair time")),
  formula: z.string().check(z.describe("The formula with the numbers put in")),
  result: z.string().check(z.describe("The result, formatted as the table prints it")),
  value: z
    .optional(z.number())
    .check(z.describe("The result as a number, the plan's own figure; absent when the step has no one number")),
  unit: z
    .optional(z.string())
    .check(z.describe("The unit of value: kg, cm, kg/m², g, g/kg/month, days, vials, mL, mL/h, sites or min")),
  source: z.nullable(z.string()).check(z.describe("URL of the source of the rule or number; null when none applies")),
});

export const ScheduleResultSchema = z.strictObject({
  schemaVersion: z.literal(1),
  patient: PatientSchema,
  regimen: RegimenSchema,
  infusions: z.array(InfusionSchema).check(z.minLength(1)),
  courseTotals: z.array(CourseTotalSchema).check(z.minLength(1)),
  warnings: z.array(MessageSchema).check(z.describe("Outside a label or guideline range, or a forced override")),
  notes: z.array(MessageSchema).check(z.describe("Every rounding, cap and split the tool applied")),
  sources: z.array(SourceSchema),
  phases: z
    .optional(z.array(PhaseSchema).check(z.minLength(1)))
    .check(z.describe("--plan: each phase of the treatment plan; `regimen` above is phase 1's")),
  continuation: z
    .optional(ContinuationSchema)
    .check(
      z.describe("An established patient (--last-course, --last-scig, --courses-given): the rule for the first course"),
    ),
  window: z.optional(WindowSchema),
  explain: z
    .optional(z.array(ExplainStepSchema))
    .check(z.describe("With --explain: the arithmetic behind every number, step by step")),
  settings: z
    .optional(SettingsSchema)
    .check(
      z.describe("Present when a config file or MMN_DOSE_* variable set a value this run used; absent when none did"),
    ),
});

export const ErrorResultSchema = z.strictObject({
  schemaVersion: z.literal(1),
  error: z.strictObject({ code: z.string(), message: z.string() }),
});

/** What `--json` prints: a schedule, or an error. */
const JsonOutputSchema = z.union([ScheduleResultSchema, ErrorResultSchema]);

export type Message = z.infer<typeof MessageSchema>;
export type Patient = z.infer<typeof PatientSchema>;
export type Regimen = z.infer<typeof RegimenSchema>;
export type Infusion = z.infer<typeof InfusionSchema>;
export type CourseTotal = z.infer<typeof CourseTotalSchema>;
export type PhaseSummary = z.infer<typeof PhaseSchema>;
export type ScheduleResult = z.infer<typeof ScheduleResultSchema>;
export type SourceRef = z.infer<typeof SourceSchema>;
export type ExplainStep = z.infer<typeof ExplainStepSchema>;
export type Continuation = z.infer<typeof ContinuationSchema>;
export type ScheduleWindow = z.infer<typeof WindowSchema>;
export type Settings = z.infer<typeof SettingsSchema>;

/** The JSON Schema (draft 2020-12) of the `--json` output. */
export function jsonOutputJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(JsonOutputSchema, { target: "draft-2020-12" }),
    title: "mmn-dose --json output, schemaVersion 1",
  };
}
