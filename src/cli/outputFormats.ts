import type { ForecastPeriod } from "../core/forecast.js";

/**
 * The one-patient command's output formats (`--format`), in the order its help lists them, each with
 * what it writes (its words in that help; none for table and json). The `--format` choices, their
 * completion, the help text and `OutputFormat` follow from this table.
 */
export const OUTPUT_FORMATS = {
  table: "",
  json: "",
  csv: "one row per infusion",
  ics: "calendar, one event per infusion day",
  html: "printable sheet: summary, schedule, a page per infusion day to record vital signs and lot numbers",
  fhir: "FHIR R4 Bundle: one draft MedicationRequest for the EHR",
} as const;

export type OutputFormat = keyof typeof OUTPUT_FORMATS;

export const OUTPUT_FORMAT_NAMES = Object.keys(OUTPUT_FORMATS) as readonly OutputFormat[];

/** `batch --format`: per-line JSON, CSV or FHIR; table, JSON or CSV for a forecast. */
export const BATCH_FORMATS = ["json", "csv", "fhir", "table"] as const satisfies readonly OutputFormat[];

export type BatchFormat = (typeof BATCH_FORMATS)[number];

/** `review --format`: the review as a table, JSON or a printable page. */
export const REVIEW_FORMATS = ["table", "json", "html"] as const satisfies readonly OutputFormat[];

/** `compare --format`: the comparison as a table or JSON. */
export const COMPARE_FORMATS = ["table", "json"] as const satisfies readonly OutputFormat[];

/**
 * A subcommand's formats as its `--format` help names them.
 *
 * @example
 * formatChoices(REVIEW_FORMATS) //=> "table, json or html (any case)"
 */
export function formatChoices(formats: readonly string[]): string {
  return `${orList(formats)} (any case)`;
}

const orList = (words: readonly string[]) => `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;

/** `batch --forecast`: keyed by the core's periods, so a period missing here or unknown there does not compile. */
const FORECAST_PERIOD_KEYS = { week: true, month: true } as const satisfies Record<ForecastPeriod, true>;

export const FORECAST_PERIODS = Object.keys(FORECAST_PERIOD_KEYS) as readonly ForecastPeriod[];

/**
 * The `--format` help: each format, with what it writes in parentheses.
 *
 * @example
 * formatHelp() //=> "table, json, csv (one row per infusion), … or fhir (FHIR R4 Bundle: …)"
 */
export function formatHelp(): string {
  return orList(OUTPUT_FORMAT_NAMES.map((f) => (OUTPUT_FORMATS[f] === "" ? f : `${f} (${OUTPUT_FORMATS[f]})`)));
}
