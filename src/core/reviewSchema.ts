import * as z from "zod/mini";
import { PROGRAMME_IDS } from "../data/reviewProgrammes.js";
import { ROUTES } from "../data/products.js";

/**
 * The `review --json` contract (schemaVersion 1): `mmn-dose schema review` prints its JSON Schema
 * (draft 2020-12); the tests validate every review JSON against it.
 */

const isoDate = z.iso.date().check(z.describe("Calendar date, YYYY-MM-DD"));
const nullableDate = z.nullable(isoDate);

const MessageSchema = z.strictObject({
  code: z.string().check(z.regex(/^[A-Z][A-Z0-9_]*$/)),
  message: z.string(),
  sources: z.optional(z.array(z.string())),
  remedies: z.optional(z.array(z.string())),
});

const SpanSchema = z.strictObject({
  from: isoDate,
  to: isoDate,
  days: z.number().check(z.int()),
  grams: z.number(),
  gPerKgPerMonth: z
    .number()
    .check(z.describe("g/kg per month of 365.25 / 12 days, each infusion at its date's dosing weight")),
  scigWeeklyGPerKg: z.nullable(z.number()),
  partial: z.boolean().check(z.describe("The span starts before the first infusion or ends after the review date")),
});

const CourseSchema = z.strictObject({
  start: isoDate,
  end: isoDate,
  days: z.number().check(z.int()),
  grams: z.number(),
  dosingWeightKg: z.number(),
  gPerKg: z.number(),
  products: z.array(z.string()),
  daysSincePrevious: z.nullable(z.number().check(z.int())),
});

const IntensitySchema = z.strictObject({
  courses: z.array(CourseSchema),
  windows: z.array(SpanSchema).check(z.describe("12-week windows ending on the review date, oldest first")),
  quarters: z.array(SpanSchema),
  trend: z.nullable(z.strictObject({ now: z.number(), yearBefore: z.number(), percent: z.nullable(z.number()) })),
  prescribed: z.nullable(z.strictObject({ gPerKgPerMonth: z.number(), percent: z.nullable(z.number()) })),
  offSchedule: z.nullable(
    z.array(
      z.strictObject({
        course: isoDate,
        daysSincePrevious: z.number(),
        expectedDays: z.number(),
        daysLate: z.number(),
        missedCourses: z.number(),
      }),
    ),
  ),
  productChanges: z.array(z.strictObject({ date: isoDate, from: z.string(), to: z.string(), route: z.enum(ROUTES) })),
});

const VerdictSchema = z.enum(["improved", "stable", "worse", "no verdict"]);
const ReadingSchema = z.strictObject({ date: isoDate, value: z.number() });

const OutcomeSchema = z.strictObject({
  measure: z.enum(["grip-left", "grip-right", "mrc-sum", "onls", "rods"]),
  name: z.string(),
  unit: z.string(),
  mcid: z.nullable(z.number()),
  mcidSource: z.nullable(z.string()),
  noMcidReason: z.nullable(z.string()),
  baseline: ReadingSchema,
  previous: z.nullable(ReadingSchema),
  latest: ReadingSchema,
  changeSinceBaseline: z.number(),
  changeSincePrevious: z.nullable(z.number()),
  sinceBaseline: VerdictSchema,
  sincePrevious: VerdictSchema,
  readings: z.array(ReadingSchema),
});

const ReviewSchema = z.strictObject({
  schemaVersion: z.literal(1),
  patient: z.nullable(z.string()),
  asOf: isoDate,
  warnings: z.array(MessageSchema),
  intensity: IntensitySchema,
  outcomes: z.array(OutcomeSchema),
  status: VerdictSchema,
  statusRule: z.string(),
  stableFor12Months: z.boolean(),
  review: z.strictObject({
    programme: z.nullable(z.enum(PROGRAMME_IDS)),
    start: nullableDate,
    lastReview: nullableDate,
    nextDue: nullableDate,
    rule: z.string(),
    daysOverdue: z.nullable(z.number()),
    source: z.nullable(z.string()),
  }),
  regimen: z.nullable(
    z.strictObject({
      doseGPerKg: z.number(),
      everyWeeks: z.nullable(z.number()),
      days: z.number(),
      product: z.string(),
      lastCourse: isoDate,
      from: z.string(),
    }),
  ),
  options: z.array(
    z.strictObject({
      kind: z.enum([
        "interval-extension",
        "dose-reduction",
        "shorter-interval",
        "higher-dose",
        "scig",
        "below-dose-response",
      ]),
      text: z.string(),
      arithmetic: z.string(),
      sources: z.array(z.string()),
      cidpProtocol: z.boolean(),
    }),
  ),
  optionsNote: z.nullable(z.string()).check(z.describe("Why no option is listed, when none is")),
  disclaimer: z.string(),
});

/** The JSON Schema of `review --json`. */
export function reviewJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(ReviewSchema, { target: "draft-2020-12" }),
    title: "mmn-dose review --json, schemaVersion 1",
  };
}

const DueRowSchema = z.strictObject({
  patient: z.string().check(z.describe("The history's patient column, as written")),
  start: z.nullable(isoDate).check(z.describe("The first infusion in the history; null when it has none")),
  lastReview: nullableDate.check(z.describe("The last measurement date; null when none")),
  nextDue: nullableDate.check(z.describe("When the programme's next review is due; null when no date can be given")),
  daysOverdue: z
    .nullable(z.number().check(z.int()))
    .check(z.describe("Days past nextDue on asOf: positive overdue, zero due today, negative not yet due")),
});

const ReviewDueSchema = z.strictObject({
  schemaVersion: z.literal(1),
  asOf: isoDate,
  programme: z.enum(["ontario", "bc"]),
  patients: z.array(DueRowSchema).check(z.describe("Overdue first, then by due date; patients without a date last")),
});

/** The JSON Schema of `review --due --json` (who is due for a treatment review, by date). */
export function reviewDueJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(ReviewDueSchema, { target: "draft-2020-12" }),
    title: "mmn-dose review --due --json, schemaVersion 1",
  };
}
