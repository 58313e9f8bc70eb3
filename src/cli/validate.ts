import * as z from "zod";
import { isIsoDate } from "../core/calendarDate.js";
import { DEFAULTS, LIMITS, type ScheduleInput } from "../core/input.js";
import { IVIG_PRODUCTS, SCIG_PRODUCTS } from "../data/products.js";
import { MeasurementFormatError, parseHeight, parseWeight } from "../core/units.js";
import { UsageError } from "./errors.js";

/** A plain decimal: digits, an optional fraction. No sign, exponent, comma, space or unicode digits. */
const DECIMAL = /^\d+(?:\.\d+)?$/;


function rangeText(min: number, max: number, unit: string): string {
  return `from ${min} to ${max}${unit ? ` ${unit}` : ""}`;
}

function decimal(flag: string, limits: { min: number; max: number }, unit: string, integer = false) {
  const what = integer ? "a whole number" : "a number";
  return z.string().transform((text, ctx) => {
    const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
    if (!Number.isFinite(value) || value < limits.min || value > limits.max || (integer && !Number.isInteger(value))) {
      ctx.addIssue({
        code: "custom",
        message: `${flag} must be ${what} ${rangeText(limits.min, limits.max, unit)}; got '${text}'`,
      });
      return z.NEVER;
    }
    return value;
  });
}

function isoDate(flag: string) {
  return z.string().refine(isIsoDate, {
    error: (issue) => `${flag} must be a real calendar date as YYYY-MM-DD, e.g. 2026-12-01; got '${String(issue.input)}'`,
  });
}

function oneOf(flag: string, values: readonly string[]) {
  return z.string().refine((v) => values.includes(v), {
    error: (issue) => `${flag} must be one of ${values.join(", ")}; got '${String(issue.input)}'`,
  });
}

function measured<T>(read: (text: string) => T, value: (t: T) => number, text: string): T | undefined {
  try {
    const m = read(text);
    return Number.isFinite(value(m)) ? m : undefined;
  } catch (e) {
    if (e instanceof MeasurementFormatError) return undefined;
    throw e;
  }
}

const weight = z.string().transform((text, ctx) => {
  const kg = measured(parseWeight, (m) => m.value, text)?.value ?? Number.NaN;
  if (!(kg >= LIMITS.weightKg.min && kg <= LIMITS.weightKg.max)) {
    ctx.addIssue({
      code: "custom",
      message: `--weight must be a body weight ${rangeText(LIMITS.weightKg.min, LIMITS.weightKg.max, "kg")}, e.g. 70, 70kg or 154lb; got '${text}'`,
    });
    return z.NEVER;
  }
  return kg;
});

const height = z.string().transform((text, ctx) => {
  const cm = measured(parseHeight, (m) => m.value, text)?.value ?? Number.NaN;
  if (!(cm >= LIMITS.heightCm.min && cm <= LIMITS.heightCm.max)) {
    ctx.addIssue({
      code: "custom",
      message: `--height must be a height ${rangeText(LIMITS.heightCm.min, LIMITS.heightCm.max, "cm")}, e.g. 175, 175cm, 69in or 5ft9in; got '${text}'`,
    });
    return z.NEVER;
  }
  return cm;
});

function decimalList(flag: string, limits: { min: number; max: number }, unit: string, ascending: boolean) {
  return z.string().transform((text, ctx) => {
    const parts = text.split(",");
    const values = parts.map((p) => (DECIMAL.test(p) ? Number(p) : Number.NaN));
    const ok =
      values.every((v) => Number.isFinite(v) && v >= limits.min && v <= limits.max) &&
      (!ascending || values.every((v, i) => i === 0 || v > values[i - 1]!));
    if (!ok) {
      ctx.addIssue({
        code: "custom",
        message: `${flag} must be a comma-separated list of numbers ${rangeText(limits.min, limits.max, unit)}${ascending ? ", ascending" : ""}, e.g. ${ascending ? "1,2,4" : "10,20"}; got '${text}'`,
      });
      return z.NEVER;
    }
    return values;
  });
}

/** The raw one-patient options as commander hands them over (all strings), validated and typed. */
export const ScheduleOptionsSchema = z.object({
  weight: weight.optional(),
  height: height.optional(),
  sex: oneOf("--sex", ["male", "female"]).optional(),
  dosingWeight: oneOf("--dosing-weight", ["actual", "ideal", "adjusted", "bmi30", "ibw120"]).optional(),
  policy: oneOf("--policy", ["ontario", "australia", "uk"]).optional(),
  age: decimal("--age", LIMITS.ageYears, "years").optional(),
  pregnant: z.boolean().optional(),
  dose: decimal("--dose", LIMITS.doseGPerKg, "g/kg").optional(),
  every: decimal("--every", LIMITS.intervalWeeks, "weeks", true).optional(),
  days: decimal("--days", LIMITS.daysPerCourse, "days", true).optional(),
  maxDaily: decimal("--max-daily", LIMITS.maxDailyGPerKg, "g/kg").optional(),
  courses: decimal("--courses", LIMITS.courses, "", true).optional(),
  until: isoDate("--until").optional(),
  start: isoDate("--start").optional(),
  product: oneOf("--product", IVIG_PRODUCTS.map((p) => p.id)).optional(),
  vials: decimalList("--vials", LIMITS.vialSizeG, "g", false).optional(),
  maxRate: decimal("--max-rate", LIMITS.rateMlPerKgPerHour, "mL/kg/h").optional(),
  allowAboveLabelRate: z.boolean().optional(),
  initialRate: decimal("--initial-rate", LIMITS.rateMlPerKgPerHour, "mL/kg/h").optional(),
  rateSteps: decimalList("--rate-steps", LIMITS.rateMlPerKgPerHour, "mL/kg/h", true).optional(),
  stepMinutes: decimal("--step-minutes", LIMITS.stepMinutes, "minutes", true).optional(),
  atRisk: z.boolean().optional(),
  firstInfusion: z.boolean().optional(),
  route: oneOf("--route", ["ivig", "scig"]).optional(),
  skipWeekends: z.boolean().optional(),
  avoid: z
    .string()
    .transform((text, ctx) => {
      const dates = text.split(",");
      const bad = dates.find((d) => !isIsoDate(d));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `--avoid must be comma-separated real dates as YYYY-MM-DD; got '${bad}'` });
        return z.NEVER;
      }
      return dates;
    })
    .optional(),
  avoidFile: z.string().optional(),
  output: z.string().optional(),
  config: z.string().optional(),
  scigProduct: oneOf("--scig-product", SCIG_PRODUCTS.map((p) => p.id)).optional(),
  scigFactor: z
    .string()
    .transform((text, ctx) => {
      if (text === "label") return "label" as const;
      const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
      if (!(value >= LIMITS.scigFactor.min && value <= LIMITS.scigFactor.max)) {
        ctx.addIssue({ code: "custom", message: `--scig-factor must be a number ${rangeText(LIMITS.scigFactor.min, LIMITS.scigFactor.max, "")} or 'label'; got '${text}'` });
        return z.NEVER;
      }
      return value;
    })
    .optional(),
  scigEvery: decimal("--scig-every", LIMITS.scigEveryWeeks, "weeks", true).optional(),
  sessions: decimal("--sessions", LIMITS.sessions, "", true).optional(),
  lastIvig: isoDate("--last-ivig").optional(),
  round: oneOf("--round", ["none", "vial", "5g"]).optional(),
  format: oneOf("--format", ["table", "json", "csv", "ics"]).optional(),
  time: z
    .string()
    .refine((t) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t), { error: (i) => `--time must be a clock time HH:MM from 00:00 to 23:59; got '${String(i.input)}'` })
    .optional(),
  tz: z.string().refine(isTimeZone, { error: (i) => `--tz must be an IANA time zone such as Europe/London; got '${String(i.input)}'` }).optional(),
  calendarId: z.string().min(1).max(200).optional(),
  sequence: decimal("--sequence", { min: 0, max: 1000 }, "", true).optional(),
  json: z.boolean().optional(),
});

/** Dates from `--avoid-file`: one per line; blank lines and `#` comments are skipped. */
export function parseAvoidFile(path: string | undefined, text: string | undefined): string[] {
  if (path === undefined || text === undefined) return [];
  const dates: string[] = [];
  text.split(/\r?\n/).forEach((line, n) => {
    const value = line.replace(/#.*/, "").trim();
    if (value === "") return;
    if (!isIsoDate(value)) {
      throw new UsageError("INVALID_OPTION", `--avoid-file ${path}, line ${n + 1}: '${value}' is not a real date as YYYY-MM-DD`);
    }
    dates.push(value);
  });
  return dates;
}

export type OutputFormat = "table" | "json" | "csv" | "ics";

export interface ScheduleRequest {
  readonly input: ScheduleInput;
  readonly format: OutputFormat;
  readonly calendar: { readonly time?: string; readonly tz?: string; readonly calendarId?: string; readonly sequence?: number };
}

/** Whether `zone` is an IANA time zone this Node knows (its ICU data; no network). */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/**
 * Turns commander's raw option values into a typed request, or throws a `UsageError` whose
 * message names the option and its accepted range.
 */
export function validateScheduleOptions(raw: Record<string, unknown>, files: { avoidFileText?: string } = {}): ScheduleRequest {
  const parsed = ScheduleOptionsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new UsageError("INVALID_OPTION", parsed.error.issues[0]?.message ?? "invalid option");
  }
  const o = parsed.data;
  if (o.weight === undefined || typeof raw.weight !== "string") {
    throw new UsageError(
      "MISSING_WEIGHT",
      `--weight is required: the patient's actual body weight, e.g. --weight 70 (kg) or --weight 154lb`,
    );
  }
  if (o.courses !== undefined && o.until !== undefined) {
    throw new UsageError("CONFLICTING_OPTIONS", "--courses and --until cannot be used together: give one of them");
  }
  if (o.json && o.format !== undefined && o.format !== "json") {
    throw new UsageError("CONFLICTING_OPTIONS", `--json and --format ${o.format} cannot be used together`);
  }
  const scig = o.route === "scig";
  const onlyFor = (route: string, keys: [string, unknown][]) => {
    const given = keys.find(([, v]) => v !== undefined);
    if (given) throw new UsageError("CONFLICTING_OPTIONS", `${given[0]} applies to --route ${route} only`);
  };
  if (scig) {
    onlyFor("ivig", [
      ["--days", o.days],
      ["--max-daily", o.maxDaily],
      ["--max-rate", o.maxRate],
      ["--initial-rate", o.initialRate],
      ["--rate-steps", o.rateSteps],
      ["--step-minutes", o.stepMinutes],
      ["--at-risk", o.atRisk],
      ["--first-infusion", o.firstInfusion],
      ["--product", o.product],
    ]);
  } else {
    onlyFor("scig", [
      ["--scig-product", o.scigProduct],
      ["--scig-factor", o.scigFactor],
      ["--scig-every", o.scigEvery],
      ["--sessions", o.sessions],
      ["--last-ivig", o.lastIvig],
    ]);
  }
  if (o.lastIvig !== undefined && o.start !== undefined) {
    throw new UsageError("CONFLICTING_OPTIONS", "--last-ivig and --start cannot be used together: SCIG starts one week after the last IVIG");
  }
  if (o.until !== undefined && o.start !== undefined && o.until < o.start) {
    throw new UsageError("INVALID_OPTION", `--until ${o.until} must not be before --start ${o.start}`);
  }
  const avoidDates = [...(o.avoid ?? []), ...parseAvoidFile(o.avoidFile, files.avoidFileText)];
  return {
    format: o.json ? "json" : ((o.format as OutputFormat | undefined) ?? "table"),
    calendar: {
      ...(o.time !== undefined ? { time: o.time } : {}),
      ...(o.tz !== undefined ? { tz: o.tz } : {}),
      ...(o.calendarId !== undefined ? { calendarId: o.calendarId } : {}),
      ...(o.sequence !== undefined ? { sequence: o.sequence } : {}),
    },
    input: {
      weightKg: o.weight,
      weightAsEntered: raw.weight,
      heightCm: o.height,
      heightAsEntered: typeof raw.height === "string" ? raw.height : undefined,
      sex: o.sex as ScheduleInput["sex"],
      ageYears: o.age,
      pregnant: o.pregnant,
      dosingWeight: o.dosingWeight as ScheduleInput["dosingWeight"],
      policy: o.policy as ScheduleInput["policy"],
      doseGPerKg: o.dose ?? DEFAULTS.doseGPerKg,
      intervalWeeks: o.every ?? DEFAULTS.intervalWeeks,
      daysPerCourse: o.days,
      maxDailyGPerKg: o.maxDaily ?? DEFAULTS.maxDailyGPerKg,
      courses: o.until === undefined ? (o.courses ?? DEFAULTS.courses) : undefined,
      untilDate: o.until,
      startDate: o.start,
      productId: o.product ?? DEFAULTS.productId,
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
      avoid: o.skipWeekends || avoidDates.length > 0 ? { weekends: o.skipWeekends === true, dates: [...new Set(avoidDates)].sort() } : undefined,
      route: o.route as ScheduleInput["route"],
      scig: scig
        ? { productId: o.scigProduct, factor: o.scigFactor, everyWeeks: o.scigEvery, sessions: o.sessions, lastIvigDate: o.lastIvig }
        : undefined,
      rounding: o.round as ScheduleInput["rounding"],
    },
  };
}
