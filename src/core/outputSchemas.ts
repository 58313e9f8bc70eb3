import * as z from "zod/mini";
import {
  ErrorResultSchema,
  isoDate,
  MessageSchema,
  PatientSchema,
  ScheduleResultSchema,
  SourceSchema,
  VialSchema,
} from "./resultSchema.js";
import { ROUTES } from "../data/products.js";

/**
 * The JSON Schemas of the machine outputs beside the one-patient `--json` (resultSchema.ts): a batch
 * line, `compare --json` and `batch --forecast … --format json`. `mmn-dose schema <name>` prints them;
 * the tests validate every such output against them with an independent validator (ajv).
 */

const positiveInt = () => z.number().check(z.int()).check(z.positive());

const lineNumber = positiveInt().check(z.describe("The input line (1-based; blank lines and a CSV header count)"));
const lineId = z
  .nullable(z.union([z.string(), z.number()]))
  .check(z.describe("The input line's id, as given; null when it had none or could not be read"));

/** A line that failed: its number, its id, and the error (as on stderr and in a forecast's failedLines). */
const ErrorLineSchema = z.strictObject({
  line: lineNumber,
  id: lineId,
  error: z.strictObject({ code: z.string(), message: z.string() }),
});

/** A batch line that planned: the one-patient `--json` result with the line's number and id first. */
const ScheduleLineSchema = z.extend(ScheduleResultSchema, { line: lineNumber, id: lineId });

const BatchLineSchema = z.union([ScheduleLineSchema, ErrorLineSchema, ErrorResultSchema]);

const CompareVialsSchema = z.strictObject({
  sizeG: z.number().check(z.positive()),
  count: z.number().check(z.positive()).check(z.describe("Per year: a mean, not whole vials")),
});

const RegimenYearSchema = z.strictObject({
  regimen: z.string().check(z.describe("The --regimen value as typed")),
  route: z.enum(ROUTES),
  product: z.string(),
  productName: z.string(),
  doseGPerKg: z.number().check(z.positive()).check(z.describe("As the schedule's regimen.doseGPerKg")),
  intervalWeeks: positiveInt(),
  coursesPerYear: z.number().check(z.positive()).check(z.describe("daysPerYear / (7 × intervalWeeks)")),
  perCourse: z.strictObject({
    infusionDays: positiveInt(),
    doseG: z.number().check(z.positive()),
    dispensedG: z.number().check(z.positive()).check(z.describe("What the vials hold")),
    wasteG: z.number().check(z.gte(0)),
    chairMinutes: positiveInt(),
    infusionKind: z.enum(["first", "later"]),
    sites: z.nullable(positiveInt()).check(z.describe("SCIG needle sites; null for IVIG")),
    vials: z.array(VialSchema),
  }),
  gPerKgPerMonth: z.number().check(z.positive()),
  gramsPerYear: z.number().check(z.positive()).check(z.describe("Dispensed grams, vial waste included")),
  infusionDaysPerYear: z.number().check(z.positive()),
  chairHoursPerYear: z.number().check(z.positive()),
  sitesPerYear: z.nullable(z.number().check(z.positive())).check(z.describe("null for IVIG")),
  vialsPerYear: z.array(CompareVialsSchema),
  costPerYear: z
    .nullable(z.number().check(z.gte(0)))
    .check(z.describe("gramsPerYear × pricePerG, in the price's currency; null without --price-per-g")),
  warnings: z.array(MessageSchema),
  notes: z.array(MessageSchema).check(z.describe("Notes that change what the regimen gives (rounding, interval)")),
});

const ComparisonSchema = z.strictObject({
  schemaVersion: z.literal(1),
  patient: PatientSchema,
  daysPerYear: z.number().check(z.positive()),
  pricePerG: z.nullable(z.number().check(z.positive())).check(z.describe("--price-per-g; null without it")),
  regimens: z.array(RegimenYearSchema).check(z.minLength(2)),
  sources: z.array(SourceSchema),
});

const ForecastRowSchema = z.strictObject({
  periodStart: isoDate.check(z.describe("Monday of the ISO week, or the first of the month")),
  product: z.string(),
  grams: z.number().check(z.positive()).check(z.describe("Dispensed: what the vials hold")),
  volumeMl: z.number().check(z.positive()).check(z.describe("Infused: the sum of the infusions' volumes")),
  vials: z.array(VialSchema),
  infusions: positiveInt(),
  patients: positiveInt().check(z.describe("Lines with an infusion of this product in this period")),
});

const ForecastSchema = z.strictObject({
  schemaVersion: z.literal(1),
  forecast: z.strictObject({ period: z.enum(["week", "month"]), rows: z.array(ForecastRowSchema) }),
  failedLines: z.array(ErrorLineSchema).check(z.describe("Lines left out of the forecast, in input order")),
});

function jsonSchema(schema: z.ZodMiniType, title: string): unknown {
  return { ...z.toJSONSchema(schema, { target: "draft-2020-12" }), title };
}

/** One line of `mmn-dose batch` (JSON Lines): a schedule with `line` and `id`, or an error line. */
export function batchLineJsonSchema(): unknown {
  return jsonSchema(BatchLineSchema, "mmn-dose batch: one output line, schemaVersion 1");
}

/** `mmn-dose compare --json`: the comparison, or an error. */
export function compareJsonSchema(): unknown {
  return jsonSchema(z.union([ComparisonSchema, ErrorResultSchema]), "mmn-dose compare --json, schemaVersion 1");
}

/** `mmn-dose batch --forecast <period> --format json`: the forecast document, or an error. */
export function forecastJsonSchema(): unknown {
  return jsonSchema(z.union([ForecastSchema, ErrorResultSchema]), "mmn-dose batch --forecast --json, schemaVersion 1");
}
