// zod/mini: the same validation as classic zod, but building and first-parsing the checks costs about a
// third (measured in a bundle: ~5 ms against ~15 ms for every option). Each option's check is built on
// its first use (optionCheck), so a run pays for the few options it gives.
import * as z from "zod/mini";
import { isIsoDate } from "../core/calendarDate.js";
import { DEFAULTS, LIMITS, type ScheduleInput } from "../core/input.js";
import { DomainError } from "../core/domainError.js";
import { type OptionKey, option } from "../core/optionKeys.js";
import type { ScheduleWindow } from "../core/resultSchema.js";
import { parseHeight, parseWeight } from "../core/units.js";
import { UsageError } from "./cliError.js";
import type { OutputFormat } from "./outputFormats.js";
import {
  IVIG_IDS,
  longFlagOf,
  SCHEDULE_OPTIONS,
  SCIG_IDS,
  type ValueSpec,
  VALUE_OPTIONS,
  routeOnly,
} from "./options.js";
import { excerpt } from "./smallFile.js";
import { closest } from "./suggest.js";
import type { Route } from "../data/products.js";

/**
 * `--patient-ref`: a FHIR R4 relative literal reference to a Patient (MedicationRequest.subject also
 * allows a Group, but a weight-based dose is for one patient); the id as R4's `id` type: 1–64 of
 * A–Z a–z 0–9 - ., but not dots alone: `Patient/..` is a relative path's parent segment, not an id.
 */
const SUBJECT_REFERENCE = /^Patient\/(?!\.+$)[A-Za-z0-9\-.]{1,64}$/;

/** A plain decimal: digits, an optional fraction. No sign, exponent, comma, space or unicode digits. */
const DECIMAL = /^\d+(?:\.\d+)?$/;

/** Records a failed check on a transform's payload (zod/mini has no ctx.addIssue). */
function fail(ctx: { issues: unknown[] }, input: string, message: string): typeof z.NEVER {
  ctx.issues.push({ code: "custom", message, input });
  return z.NEVER;
}

/** Text, or an error naming the option (zod/mini has no English messages of its own). */
function textOption(flag: string) {
  return z.string({
    error: (issue) => `${flag} must be given as text; got ${JSON.stringify(issue.input) ?? String(issue.input)}`,
  });
}

/** A string option read by `read`, which returns the typed value or reports through `fail`. */
function readString<T>(flag: string, read: (text: string, ctx: { issues: unknown[] }) => T) {
  return z.pipe(textOption(flag), z.transform(read));
}

function rangeText(min: number, max: number, unit: string): string {
  return `from ${min} to ${max}${unit ? ` ${unit}` : ""}`;
}

function decimal(flag: string, limits: { min: number; max: number }, unit: string, integer = false) {
  const what = integer ? "a whole number" : "a number";
  return readString(flag, (text, ctx) => {
    const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value) || value < limits.min || value > limits.max || (integer && !Number.isInteger(value))) {
      return fail(ctx, text, `${flag} must be ${what} ${rangeText(limits.min, limits.max, unit)}; got '${text}'`);
    }
    return value;
  });
}

/** A string option that must pass `test`; `message` names the option and what it accepts. */
function checked(test: (text: string) => boolean, message: (text: string) => string) {
  const error = (issue: { input: unknown }) => message(String(issue.input));
  return z.string({ error }).check(z.refine(test, { error }));
}

/** The years the calendar code plans in (`isIsoDate`): said in every date refusal, so 9999-12-01 is not a mystery. */
const DATE_RANGE = "from 1900-01-01 to 2999-12-31";

function isoDate(flag: string) {
  return checked(
    isIsoDate,
    (text) => `${flag} must be a real calendar date ${DATE_RANGE} as YYYY-MM-DD, e.g. 2026-12-01; got '${text}'`,
  );
}

/**
 * A choice value, in any case (`Privigen`, `SCIG`), read as its lower-case id; `aliases` are other
 * accepted spellings (`m` for male). An unknown value is refused with the accepted list, the
 * closest valid value, or `hint`'s pointer (an SCIG product given as --product).
 */
function oneOf(
  flag: string,
  values: readonly string[],
  aliases: Readonly<Record<string, string>> = {},
  hint?: (id: string) => string | undefined,
) {
  const accepted = `${values.join(", ")}${Object.keys(aliases).length > 0 ? ` (or ${Object.keys(aliases).join(", ")})` : ""}`;
  const refusal = (text: string) => {
    const pointer = hint?.(text.toLowerCase());
    if (pointer !== undefined) return `${flag} ${text} ${pointer}`;
    const near = closest(text, values);
    return `${flag} must be one of ${accepted}; got '${text}'${near === undefined ? "" : ` (did you mean ${near}?)`}`;
  };
  const read = (text: string, ctx: { issues: unknown[] }) => {
    // ASCII only: the Kelvin sign lower-cases to "k", and "\u212Aiovig" is not a product name.
    const id = /^[\x21-\x7e]*$/.test(text) ? text.toLowerCase() : text;
    if (values.includes(id)) return id;
    return Object.hasOwn(aliases, id) ? aliases[id]! : fail(ctx, text, refusal(text));
  };
  return z.pipe(z.string({ error: (issue) => refusal(String(issue.input)) }), z.transform(read));
}

/** An SCIG product given as --product, or an IVIG one as --scig-product, is sent to the right option. */
const ivigHint = (id: string) =>
  SCIG_IDS.includes(id)
    ? `is an SCIG product: give ${option("route", "scig")} ${option("scigProduct", id)} (the IVIG products are ` +
      `${IVIG_IDS.join(", ")})`
    : undefined;
const scigHint = (id: string) =>
  IVIG_IDS.includes(id)
    ? `is an IVIG product: give ${option("product", id)} without ${option("route", "scig")} (the SCIG products are ` +
      `${SCIG_IDS.join(", ")})`
    : undefined;

/** `9:00` or `09:00` (0–23 h) → `09:00`. */
const clockTime = () =>
  readString(option("time"), (text, ctx) => {
    const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text);
    if (m === null)
      return fail(
        ctx,
        text,
        `${option("time")} must be a clock time HH:MM or H:MM from 0:00 to 23:59, e.g. 09:00 or 9:00; got '${text}'`,
      );
    return `${m[1]!.padStart(2, "0")}:${m[2]}`;
  });

/**
 * A measurement, or undefined when the core refuses its text (a `DomainError` about `flag`): the
 * option's reader then reports it with the accepted range, as it does a value out of range.
 */
function measured<T>(key: OptionKey, read: (text: string) => T, value: (t: T) => number, text: string): T | undefined {
  try {
    const m = read(text);
    return Number.isFinite(value(m)) ? m : undefined;
  } catch (e) {
    if (e instanceof DomainError && e.option === key) return undefined;
    throw e;
  }
}

/**
 * A body measurement in its base unit: the core reads the text (`70`, `154lb`, `5ft9in`), and a text it
 * refuses or a value outside `limits` is refused naming the option, its range and examples.
 */
function measurement(
  key: "weight" | "height",
  read: (text: string) => { value: number },
  limits: { min: number; max: number },
  [what, unit, examples]: readonly [string, string, string],
) {
  return readString(option(key), (text, ctx) => {
    const value = measured(key, read, (m) => m.value, text)?.value ?? Number.NaN;
    if (!(value >= limits.min && value <= limits.max)) {
      return fail(
        ctx,
        text,
        `${option(key)} must be ${what} ${rangeText(limits.min, limits.max, unit)}, e.g. ${examples}; got '${text}'`,
      );
    }
    return value;
  });
}

function decimalList(flag: string, limits: { min: number; max: number }, unit: string, ascending: boolean) {
  return readString(flag, (text, ctx) => {
    // "10, 20" (a space after the comma, as people type lists) reads as "10,20".
    const parts = text.split(",").map((p) => p.trim());
    if (parts.length > LIMITS.listValues.max) {
      const many = `${LIMITS.listValues.max} values (${unit === "g" ? "vial sizes" : "steps"})`;
      return fail(ctx, text, `${flag} takes at most ${many}; got ${parts.length.toLocaleString("en-US")}`);
    }
    const values = parts.map((p) => (DECIMAL.test(p) ? Number(p) : Number.NaN));
    const ok =
      values.every((v) => Number.isFinite(v) && v >= limits.min && v <= limits.max) &&
      (!ascending || values.every((v, i) => i === 0 || v > values[i - 1]!));
    if (!ok) {
      return fail(
        ctx,
        text,
        `${flag} must be a comma-separated list of numbers ` +
          `${rangeText(limits.min, limits.max, unit)}${ascending ? ", ascending" : ""}, e.g. ${ascending ? "1,2,4" : "10,20"}; got ` +
          `'${text}'`,
      );
    }
    return values;
  });
}

const avoidDates = (flag: string) =>
  readString(flag, (text, ctx) => {
    const dates = text.split(",").map((d) => d.trim());
    const bad = dates.find((d) => !isIsoDate(d));
    if (bad !== undefined)
      return fail(ctx, text, `${flag} must be comma-separated real dates as YYYY-MM-DD ${DATE_RANGE}; got '${bad}'`);
    return dates;
  });

const scigFactor = (flag: string) =>
  readString(flag, (text, ctx) => {
    if (text.toLowerCase() === "label") return "label" as const;
    const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!(value >= LIMITS.scigFactor.min && value <= LIMITS.scigFactor.max)) {
      return fail(
        ctx,
        text,
        `${flag} must be a number ${rangeText(LIMITS.scigFactor.min, LIMITS.scigFactor.max, "")} or 'label'; got ` +
          `'${text}'`,
      );
    }
    return value;
  });

/** The check of one option, from its `value` in the options table. */
function reader(flag: string, value: ValueSpec): z.ZodMiniType {
  switch (value.kind) {
    case "flag":
      return z.boolean({ error: `${flag} takes no value: it is on when given` });
    case "text":
      return textOption(flag);
    case "date":
      return isoDate(flag);
    case "decimal":
      return decimal(flag, value.limits, value.unit, value.integer);
    case "list":
      return decimalList(flag, value.limits, value.unit, value.ascending === true);
    case "choice":
      return oneOf(flag, value.choices, value.aliases);
    case "product":
      return value.route === "ivig" ? oneOf(flag, IVIG_IDS, {}, ivigHint) : oneOf(flag, SCIG_IDS, {}, scigHint);
    case "weight":
      return measurement("weight", parseWeight, LIMITS.weightKg, ["a body weight", "kg", "70, 70kg or 154lb"]);
    case "height":
      return measurement("height", parseHeight, LIMITS.heightCm, ["a height", "cm", "175, 175cm, 69in or 5ft9in"]);
    case "avoid":
      return avoidDates(flag);
    case "scigFactor":
      return scigFactor(flag);
    case "time":
      return clockTime();
    case "tz":
      return checked(isTimeZone, (text) => `${flag} must be an IANA time zone such as Europe/London; got '${text}'`);
    case "calendarId":
      return checked(
        (t) => t.length >= 1 && t.length <= 200,
        () => `${flag} must be from 1 to 200 characters`,
      );
    case "fhirReference":
      return checked(
        (t) => SUBJECT_REFERENCE.test(t),
        (text) =>
          `${flag} must be a FHIR reference Patient/<id> (id: 1–64 of A–Z a–z 0–9 - ., not only dots), e.g. Patient/123; ` +
          `got '${text}'`,
      );
  }
}

/** The options as validated: typed values, keyed as commander keys them. */
interface ScheduleOptions {
  weight?: number;
  height?: number;
  sex?: string;
  dosingWeight?: string;
  policy?: string;
  age?: number;
  pregnant?: boolean;
  dose?: number;
  every?: number;
  days?: number;
  maxDaily?: number;
  courses?: number;
  until?: string;
  start?: string;
  lastCourse?: string;
  coursesGiven?: number;
  lastProduct?: string;
  product?: string;
  region?: string;
  vials?: number[];
  maxRate?: number;
  allowAboveLabelRate?: boolean;
  initialRate?: number;
  rateSteps?: number[];
  stepMinutes?: number;
  atRisk?: boolean;
  firstInfusion?: boolean;
  route?: string;
  skipWeekends?: boolean;
  avoid?: string[];
  avoidFile?: string;
  output?: string;
  config?: string;
  scigProduct?: string;
  scigFactor?: number | "label";
  scigEvery?: number;
  sessions?: number;
  lastIvig?: string;
  lastScig?: string;
  doses?: number;
  round?: string;
  format?: string;
  time?: string;
  tz?: string;
  calendarId?: string;
  sequence?: number;
  patientRef?: string;
  fhirBundle?: string;
  on?: string;
  course?: number;
  json?: boolean;
  explain?: boolean;
}

/** Each option's check, built on its first use: a run gives a few of the options, and building all cost ~5 ms. */
const checks = new Map<string, z.ZodMiniType>();

/** The check of the option `key` (its value optional), or undefined if `key` takes no value in the options table. */
export function optionCheck(key: string): z.ZodMiniType | undefined {
  let check = checks.get(key);
  if (check === undefined) {
    const spec = VALUE_OPTIONS.find((o) => o.key === key);
    if (spec === undefined) return undefined;
    check = z.optional(reader(option(spec.key), spec.value));
    checks.set(key, check);
  }
  return check;
}

/** Objects of the checks of the keys a run gives, by those keys (a batch file's lines mostly give the same ones). */
const objects = new Map<string, z.ZodMiniType>();

/**
 * The raw one-patient options as commander hands them over (all strings), validated and typed: one
 * check per option given, in the options table's order (the first bad option is the one reported).
 * The same as one object of every option's check: an absent optional key adds nothing, and unknown
 * keys are dropped.
 */
export function checkScheduleOptions(raw: unknown): z.util.SafeParseResult<Record<string, unknown>> {
  const given = typeof raw === "object" && raw !== null ? VALUE_OPTIONS.filter((o) => o.key in raw) : [];
  const id = given.map((o) => o.key).join();
  let schema = objects.get(id);
  if (schema === undefined) {
    if (objects.size >= 64) objects.clear();
    schema = z.object(Object.fromEntries(given.map((o) => [o.key, optionCheck(o.key)!])));
    objects.set(id, schema);
  }
  return schema.safeParse(raw) as z.util.SafeParseResult<Record<string, unknown>>;
}

/** Dates from `--avoid-file`: one per line; blank lines and `#` comments are skipped. */
function parseAvoidFile(path: string | undefined, text: string | undefined): string[] {
  if (path === undefined || text === undefined) return [];
  const dates: string[] = [];
  text.split(/\r?\n/).forEach((line, n) => {
    const value = line.replace(/#.*/, "").trim();
    if (value === "") return;
    if (!isIsoDate(value)) {
      throw new UsageError(
        "INVALID_OPTION",
        `--avoid-file ${path}, line ${n + 1}: '${excerpt(value)}' is not a real date as YYYY-MM-DD`,
      );
    }
    dates.push(value);
  });
  return dates;
}

export interface ScheduleRequest {
  readonly input: ScheduleInput;
  readonly format: OutputFormat;
  /** `--explain`: add the arithmetic, step by step (table and JSON). */
  readonly explain: boolean;
  readonly calendar: {
    readonly time?: string;
    readonly tz?: string;
    readonly calendarId?: string;
    readonly sequence?: number;
  };
  /** `--format fhir`: the MedicationRequest's subject and the Bundle's type. */
  readonly fhir: { readonly patientRef?: string; readonly bundleType?: "collection" | "transaction" };
  /** `--on` or `--course`: only those infusions are shown (planned as the whole schedule). */
  readonly window?: ScheduleWindow;
}

/** The options that shape calendar events only (some the printed sheet too), and what each does there. */
const CALENDAR_ONLY = SCHEDULE_OPTIONS.flatMap((o) =>
  o.calendar === undefined
    ? []
    : [{ key: o.key, flag: longFlagOf(o.key), what: o.calendar, sheet: o.sheet, ehr: o.ehr }],
);

/** The formats a calendar option acts in: ics, and html and fhir where it says what it does there. */
function formatsOf(o: (typeof CALENDAR_ONLY)[number]): string[] {
  return ["ics", ...(o.sheet !== undefined ? ["html"] : []), ...(o.ehr !== undefined ? ["fhir"] : [])];
}

const orList = (words: readonly string[]) =>
  words.length === 1 ? words[0]! : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;

/**
 * A calendar option typed on the command line that the output would not use is refused, never
 * silently ignored: --time, --tz, --calendar-id and --sequence act in `--format ics` only (--time and
 * --tz in `--format html` too), and --tz only with a --time (without one, events are all-day and the
 * sheet has no clock times). `flags` holds only what was typed: a site's `time` or `tz` setting
 * (MMN_DOSE_TIME, the config file) applies when ics or html is asked for, and is not an error elsewhere.
 */
export function refuseUnusedCalendarOptions(flags: Record<string, unknown>, request: ScheduleRequest): void {
  const { format } = request;
  const given = CALENDAR_ONLY.find((o) => flags[o.key] !== undefined && !formatsOf(o).includes(format));
  if (given) {
    const formats = formatsOf(given);
    const what = [given.what, given.sheet, given.ehr].filter((w) => w !== undefined);
    throw new UsageError(
      "CONFLICTING_OPTIONS",
      `${given.flag} ${orList(what).replace(/ or ([^,]*)$/, " and $1")}, so it applies to --format ${orList(formats)} only ` +
        `(this is --format ${format}): add --format ${orList(formats.map((f, k) => (k === 0 ? f : `--format ${f}`)))}, ` +
        `or leave ${given.flag} out`,
    );
  }
  if (format !== "fhir" && flags.fhirBundle !== undefined) {
    throw new UsageError(
      "CONFLICTING_OPTIONS",
      `--fhir-bundle is the type of a FHIR Bundle, so it applies to --format fhir only (this is --format ${format}): ` +
        "add --format fhir, or leave --fhir-bundle out",
    );
  }
  const zoned = format === "ics" || format === "html" || format === "fhir";
  if (zoned && flags.tz !== undefined && (format === "fhir" ? flags.time : request.calendar.time) === undefined) {
    const without = {
      ics: "the calendar events are all-day",
      html: "the sheet has no clock times",
      fhir: "the FHIR dosages are dates",
    }[format];
    throw new UsageError(
      "CONFLICTING_OPTIONS",
      `--tz is the zone of --time: without --time ${without}, so give --time HH:MM too, or leave --tz out`,
    );
  }
}

/**
 * `--patient-ref` (a batch line's `patientRef`) names the subject of a FHIR export and the identity of
 * a calendar (ICS: its event UIDs); elsewhere it is refused, never ignored.
 */
export function refuseUnusedPatientRef(patientRef: unknown, used: boolean, batchLine = false): void {
  if (patientRef === undefined || used) return;
  const [name, format] = batchLine
    ? ["'patientRef'", "batch --format fhir"]
    : ["--patient-ref", "--format fhir or ics"];
  throw new UsageError(
    "CONFLICTING_OPTIONS",
    `${name} is the subject of a FHIR MedicationRequest${batchLine ? "" : " and the identity of a calendar"}, so it ` +
      `applies to ${format} only: use ${batchLine ? format : "--format fhir or --format ics"}, or leave it out`,
  );
}

/** Whether `zone` is an IANA time zone this Node knows (its ICU data; no network). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** An option of the other route (given as a flag, a batch key or a site setting) is refused, naming it. */
function refuseOtherRoute(route: Route, o: ScheduleOptions): void {
  const given = routeOnly(route, true).find((spec) => o[spec.key as keyof ScheduleOptions] !== undefined);
  if (given) {
    throw new UsageError("CONFLICTING_OPTIONS", `${option(given.key)} applies to ${option("route", route)} only`);
  }
}

/**
 * Turns commander's raw option values into a typed request, or throws a `UsageError` whose
 * message names the option and its accepted range.
 */
export function validateScheduleOptions(
  raw: Record<string, unknown>,
  files: { avoidFileText?: string } = {},
): ScheduleRequest {
  const parsed = checkScheduleOptions(raw);
  if (!parsed.success) {
    throw new UsageError("INVALID_OPTION", parsed.error.issues[0]?.message ?? "invalid option");
  }
  const o = parsed.data as ScheduleOptions;
  const weight = refuseConflicts(raw, o);
  const avoidDates = [...(o.avoid ?? []), ...parseAvoidFile(o.avoidFile, files.avoidFileText)];
  return {
    format: o.json ? "json" : ((o.format as OutputFormat | undefined) ?? "table"),
    explain: o.explain === true,
    calendar: {
      ...(o.time !== undefined ? { time: o.time } : {}),
      ...(o.tz !== undefined ? { tz: o.tz } : {}),
      ...(o.calendarId !== undefined ? { calendarId: o.calendarId } : {}),
      ...(o.sequence !== undefined ? { sequence: o.sequence } : {}),
    },
    fhir: {
      ...(o.patientRef !== undefined ? { patientRef: o.patientRef } : {}),
      ...(o.fhirBundle !== undefined ? { bundleType: o.fhirBundle as "collection" | "transaction" } : {}),
    },
    ...(o.on !== undefined ? { window: { on: o.on } } : o.course !== undefined ? { window: { course: o.course } } : {}),
    input: scheduleInputOf(raw, o, weight, avoidDates),
  };
}

/**
 * A missing weight, and options that contradict each other or the route, are usage errors; returns
 * the weight, in kg and as typed.
 */
function refuseConflicts(raw: Record<string, unknown>, o: ScheduleOptions): { kg: number; typed: string } {
  if (o.weight === undefined || typeof raw.weight !== "string") {
    throw new UsageError(
      "MISSING_WEIGHT",
      `${option("weight")} is required: the patient's actual body weight, e.g. ${option("weight", 70)} (kg) or ` +
        `${option("weight", "154lb")}`,
    );
  }
  if (o.courses !== undefined && o.until !== undefined) {
    throw new UsageError(
      "CONFLICTING_OPTIONS",
      `${option("courses")} and ${option("until")} cannot be used together: give one of them`,
    );
  }
  if (o.json && o.format !== undefined && o.format !== "json") {
    throw new UsageError("CONFLICTING_OPTIONS", `--json and --format ${o.format} cannot be used together`);
  }
  refuseOtherRoute(o.route === "scig" ? "ivig" : "scig", o);
  const format = o.json ? "json" : (o.format ?? "table");
  if (o.explain && format !== "table" && format !== "json") {
    throw new UsageError(
      "CONFLICTING_OPTIONS",
      `--explain adds a section to the table or an array to --json: it does not apply to --format ${format}`,
    );
  }
  if (o.lastIvig !== undefined && o.start !== undefined) {
    throw new UsageError(
      "CONFLICTING_OPTIONS",
      `${option("lastIvig")} and ${option("start")} cannot be used together: SCIG starts one week after the last IVIG`,
    );
  }
  if (o.until !== undefined && o.start !== undefined && o.until < o.start) {
    throw new UsageError(
      "INVALID_OPTION",
      `${option("until", o.until)} must not be before ${option("start", o.start)}`,
    );
  }
  refuseContinuingConflicts(o);
  return { kg: o.weight, typed: raw.weight };
}

/** An established patient's options that contradict each other, and --on with --course. */
function refuseContinuingConflicts(o: ScheduleOptions): void {
  const conflict = (text: string) => new UsageError("CONFLICTING_OPTIONS", text);
  if (o.on !== undefined && o.course !== undefined)
    throw conflict("--on and --course cannot be used together: give one of them");
  const last = o.lastCourse !== undefined ? "lastCourse" : o.lastScig !== undefined ? "lastScig" : undefined;
  const lastDate = o.lastCourse ?? o.lastScig;
  if (o.lastProduct !== undefined && last === undefined)
    throw conflict(
      `${option("lastProduct")} is the product of the last course: give ${option("lastCourse")} ` +
        `(SCIG: ${option("lastScig")}) with it`,
    );
  if (o.lastScig !== undefined && o.lastIvig !== undefined)
    throw conflict(
      `${option("lastScig")} and ${option("lastIvig")} cannot be used together: give the last infusion the patient had`,
    );
  if (last !== undefined && lastDate !== undefined && o.start !== undefined && lastDate >= o.start) {
    throw new UsageError(
      "INVALID_OPTION",
      `${option(last, lastDate)} must be before ${option("start", o.start)}: it is the first day of the last course ` +
        `already given`,
    );
  }
  if (o.doses !== undefined && (o.courses !== undefined || o.until !== undefined)) {
    const other = option(o.courses !== undefined ? "courses" : "until");
    const doses = option("doses");
    throw conflict(`${doses} and ${other} cannot be used together: ${doses} counts SCIG doses, give one of them`);
  }
}

/** The validated options as the core's request (defaults applied, lists de-duplicated). */
function scheduleInputOf(
  raw: Record<string, unknown>,
  o: ScheduleOptions,
  weight: { kg: number; typed: string },
  avoidDates: readonly string[],
): ScheduleInput {
  const scig = o.route === "scig";
  return {
    weightKg: weight.kg,
    weightAsEntered: weight.typed,
    heightCm: o.height,
    heightAsEntered: typeof raw.height === "string" ? raw.height : undefined,
    sex: o.sex as ScheduleInput["sex"],
    ageYears: o.age,
    pregnant: o.pregnant,
    dosingWeight: o.dosingWeight as ScheduleInput["dosingWeight"],
    policy: o.policy === "none" ? undefined : (o.policy as ScheduleInput["policy"]),
    doseGPerKg: o.dose ?? DEFAULTS.doseGPerKg,
    intervalWeeks: o.every ?? DEFAULTS.intervalWeeks,
    daysPerCourse: o.days,
    maxDailyGPerKg: o.maxDaily ?? DEFAULTS.maxDailyGPerKg,
    courses: o.until === undefined ? (o.courses ?? DEFAULTS.courses) : undefined,
    untilDate: o.until,
    startDate: o.start,
    productId: o.product ?? DEFAULTS.productId,
    region: o.region as ScheduleInput["region"],
    vialSizesG: o.vials,
    rates: {
      maxMlPerKgPerHour: o.maxRate,
      allowAboveLabelMax: o.allowAboveLabelRate,
      initialMlPerKgPerHour: o.initialRate,
      rateStepsMlPerKgPerHour: o.rateSteps,
      stepMinutes: o.stepMinutes,
      atRisk: o.atRisk,
    },
    firstInfusion: o.firstInfusion,
    continuing: continuingOf(o),
    avoid:
      o.skipWeekends || avoidDates.length > 0
        ? { weekends: o.skipWeekends === true, dates: [...new Set(avoidDates)].sort() }
        : undefined,
    route: o.route as ScheduleInput["route"],
    scig: scig
      ? {
          productId: o.scigProduct,
          factor: o.scigFactor,
          everyWeeks: o.scigEvery,
          sessions: o.sessions,
          lastIvigDate: o.lastIvig,
          doses: o.doses,
        }
      : undefined,
    rounding: o.round as ScheduleInput["rounding"],
  };
}

/** `--last-course`, `--last-scig`, `--last-product`, `--courses-given`: what was given before, if any. */
function continuingOf(o: ScheduleOptions): ScheduleInput["continuing"] {
  if (o.lastCourse === undefined && o.lastScig === undefined && o.coursesGiven === undefined) return undefined;
  return {
    lastCourseDate: o.lastCourse,
    lastScigDate: o.lastScig,
    lastProductId: o.lastProduct,
    coursesGiven: o.coursesGiven,
  };
}
