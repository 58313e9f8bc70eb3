import * as z from "zod";

/**
 * The `--json` output contract (schemaVersion 1). `mmn-dose schema` prints the JSON Schema
 * generated from these zod schemas, and the tests validate every JSON output against it.
 * Add fields freely; never rename or drop one without bumping `schemaVersion`.
 */

const isoDate = z.iso.date().describe("Calendar date, YYYY-MM-DD");

const MessageSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/).describe("Stable machine code"),
  message: z.string().describe("One plain sentence for a pharmacist"),
  sources: z.array(z.string()).optional().describe("URLs backing the rule"),
  remedies: z
    .array(z.string())
    .optional()
    .describe("Options that address a warning, each accepted by the tool as written (e.g. \"--days 3\")"),
});

const SourceSchema = z.strictObject({ id: z.string(), title: z.string(), url: z.string() });

const PatientSchema = z.strictObject({
  weightKg: z.number().positive(),
  weightAsEntered: z.string().describe("The --weight value as typed"),
  heightCm: z.number().positive().nullable(),
  heightAsEntered: z.string().nullable().describe("The --height value as typed"),
  sex: z.enum(["male", "female"]).nullable(),
  ageYears: z.number().min(0).nullable(),
  pregnant: z.boolean().nullable(),
  bmi: z.number().positive().nullable(),
  idealWeightKg: z.number().positive().nullable(),
  adjustedWeightKg: z.number().positive().nullable(),
  dosingWeightKg: z.number().positive(),
  dosingWeightBasis: z.enum(["actual", "ideal", "adjusted"]),
  dosingWeightRule: z.string().describe("actual, ideal, adjusted, bmi30, ibw120 or policy:<id>"),
  dosingWeightReason: z.string().describe("Why this weight, in one sentence"),
  policy: z.enum(["ontario", "australia", "uk"]).nullable(),
});

const VialSchema = z.strictObject({
  sizeG: z.number().positive(),
  count: z.number().int().positive(),
});

const RegimenSchema = z.strictObject({
  route: z.enum(["ivig", "scig"]),
  region: z.enum(["us", "eu"]).describe("Whose label applies (--region): us, the US prescribing information; eu, the EU SmPC"),
  mmnIndication: z.boolean().nullable().describe("Whether that region's label names MMN; null when no label text was found"),
  product: z.string(),
  productName: z.string(),
  concentrationGPerMl: z.number().positive(),
  vialSizesG: z.array(z.number().positive()),
  rates: z.strictObject({
    indication: z.string().describe("The label indication the rates come from"),
    rateWeightKg: z.number().positive().describe("Rates per kg use the dosing weight"),
    initialMlPerKgPerHour: z.number().positive(),
    stepMinutes: z.number().positive(),
    intermediateMlPerKgPerHour: z.array(z.number().positive()),
    maxMlPerKgPerHour: z.number().positive(),
    firstInfusionMaxMlPerKgPerHour: z.number().positive(),
    atRisk: z.boolean(),
  }).nullable().describe("IVIG rate settings; null for SCIG"),
  scig: z
    .strictObject({
      factor: z.number().positive().describe("SCIG:IVIG dose ratio"),
      factorSource: z.string().describe("Where the factor comes from"),
      ivigDoseGPerKg: z.number().positive().describe("The IVIG dose converted, per course, per kg of dosing weight"),
      ivigCourseDoseG: z.number().positive().describe("The IVIG course dose converted (Ontario: after its 5 g rounding)"),
      ivigIntervalWeeks: z.number().int().positive(),
      weeklyDoseG: z.number().positive().describe("IVIG course ÷ weeks × factor, before rounding"),
      everyWeeks: z.number().int().positive(),
      sessions: z.number().int().min(1).max(2),
      rampUp: z.boolean().describe("HyQvia ramp-up infusions precede the full dose"),
      startRule: z.string(),
    })
    .nullable()
    .describe("SCIG conversion; null for IVIG"),
  doseGPerKg: z.number().positive().describe("Per course, per kg of dosing weight, before the course is rounded; SCIG: per dosing " +
    "interval, from the IVIG course converted (after Ontario's 5 g rounding of that course)"),
  intervalWeeks: z.number().int().positive(),
  daysPerCourse: z.number().int().min(1).max(5),
  daysPerCourseReason: z.enum(["requested", "fewest-within-cap"]),
  maxDailyGPerKg: z.number().positive(),
  exactCourseDoseG: z.number().positive().describe("Dosing weight × dose, before rounding"),
  courseDoseG: z.number().positive().describe("What each course gives, after rounding"),
  roundingDifferenceG: z.number(),
  roundingDifferencePercent: z.number(),
  rounding: z.enum(["none", "vial", "5g"]),
  roundingSource: z.enum(["option", "policy", "default"]).describe("Where the rounding came from"),
  dayDosesG: z.array(z.number().positive()),
  monthlyDoseGPerKg: z.number().positive().describe("Course dose per kg of dosing weight per average calendar month"),
  courses: z.number().int().positive(),
  startDate: isoDate,
  untilDate: isoDate.nullable(),
});

const InfusionSchema = z.strictObject({
  date: isoDate,
  weekday: z.enum(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]),
  course: z.number().int().positive(),
  day: z.number().int().positive(),
  daysInCourse: z.number().int().positive(),
  doseG: z.number().positive(),
  doseGPerKg: z.number().positive().describe("Per kg of dosing weight"),
  volumeMl: z.number().positive(),
  vials: z.array(VialSchema),
  dispensedG: z.number().positive().describe("What the vials hold"),
  wasteG: z.number().min(0).describe("Left in the last vial after the dose is drawn up"),
  infusionKind: z.enum(["first", "later"]).describe("first: the first course, or after a gap over 8 weeks"),
  ratePlan: z
    .array(
      z.strictObject({
        startMinute: z.number().int().min(0),
        mlPerHour: z.number().positive(),
        mlPerKgPerHour: z.number().positive(),
        mgPerKgPerMin: z.number().positive(),
      }),
    )
    .min(1),
  durationMinutes: z.number().int().positive().describe("Chair time to run the volume through the plan, rounded up"),
  sites: z.number().int().positive().optional().describe("SCIG: infusion sites"),
  sitesAtOnce: z.number().int().positive().optional().describe("SCIG: sites running at the same time, never above the label's " +
    "simultaneous limit"),
  siteRounds: z.number().int().positive().optional().describe("SCIG: groups of sites run one after another (1: all at once)"),
  volumePerSiteMl: z.number().positive().optional().describe("SCIG: volume at each site"),
  hyaluronidaseMl: z.number().positive().optional().describe("HyQvia: hyaluronidase given first"),
  plannedDate: isoDate.optional().describe("Where the day was planned, when --skip-weekends or --avoid moved it"),
  movedBecause: z.string().optional().describe("Why the planned date could not be used"),
});

const CourseTotalSchema = z.strictObject({
  course: z.number().int().positive(),
  startDate: isoDate,
  endDate: isoDate,
  doseG: z.number().positive(),
  volumeMl: z.number().positive(),
  vials: z.array(VialSchema),
});

export const ScheduleResultSchema = z.strictObject({
  schemaVersion: z.literal(1),
  patient: PatientSchema,
  regimen: RegimenSchema,
  infusions: z.array(InfusionSchema).min(1),
  courseTotals: z.array(CourseTotalSchema).min(1),
  warnings: z.array(MessageSchema).describe("Outside a label or guideline range, or a forced override"),
  notes: z.array(MessageSchema).describe("Every rounding, cap and split the tool applied"),
  sources: z.array(SourceSchema),
});

const ErrorResultSchema = z.strictObject({
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
export type ScheduleResult = z.infer<typeof ScheduleResultSchema>;
export type SourceRef = z.infer<typeof SourceSchema>;

/** The JSON Schema (draft 2020-12) of the `--json` output. */
export function jsonOutputJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(JsonOutputSchema, { target: "draft-2020-12" }),
    title: "mmn-dose --json output, schemaVersion 1",
  };
}
