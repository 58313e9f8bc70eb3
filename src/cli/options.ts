import { RISK_FACTORS } from "../core/ratePlan.js";
import { DEFAULTS, LIMITS } from "../core/input.js";

/**
 * Every option of the one-patient command, as data: commander, `--help` and validation are all
 * built from this table, so they cannot drift apart (the npm-check-updates pattern).
 */
export interface OptionSpec {
  /** Commander flags, e.g. "-w, --weight <weight>". */
  readonly flags: string;
  /** Key in the parsed options (camelCase of the long flag). */
  readonly key: string;
  readonly description: string;
  /** Shown in help as the default; not applied by commander (validation applies defaults). */
  readonly defaultText?: string;
  readonly choices?: readonly string[];
  /** Takes a comma-separated list, so a JSON array in a batch line or the config file. */
  readonly list?: true;
}

export const SCHEDULE_OPTIONS: readonly OptionSpec[] = [
  {
    flags: "-w, --weight <weight>",
    key: "weight",
    description: `actual body weight: 70, 70kg or 154lb (a bare number is kg; ${LIMITS.weightKg.min}–${LIMITS.weightKg.max} kg); required`,
  },
  {
    flags: "--height <height>",
    key: "height",
    description: `height: 175, 175cm, 69in or 5ft9in (a bare number is cm; ${LIMITS.heightCm.min}–${LIMITS.heightCm.max} cm)`,
  },
  { flags: "--sex <sex>", key: "sex", description: "male or female (m, f): Devine ideal weight needs it", choices: ["male", "female"] },
  {
    flags: "--dosing-weight <basis>",
    key: "dosingWeight",
    description:
      "actual, ideal, adjusted (IBW + 0.4 × (actual − IBW)), bmi30 (adjusted when BMI > 30), ibw120 (adjusted when actual > 120 % of ideal); overrides --policy's weight rule",
    defaultText: "actual, or the policy's rule",
    choices: ["actual", "ideal", "adjusted", "bmi30", "ibw120"],
  },
  {
    flags: "--policy <name>",
    key: "policy",
    description:
      "institution rules for dosing weight and rounding: ontario (adjusted if ≥ 152.4 cm and > 50/45.5 kg, or BMI > 30 at any height; nearest 5 g), australia (adjusted unless < 18 y, < 152 cm, pregnant or actual < adjusted; whole vials), uk (adjusted if BMI > 30 or > 120 % of ideal); none overrides a site setting",
    defaultText: "none",
    choices: ["ontario", "australia", "uk", "none"],
  },
  {
    flags: "--age <years>",
    key: "age",
    description: `age in years (${LIMITS.ageYears.min}–${LIMITS.ageYears.max}); under 18: australia and uk dose on actual weight, ontario applies its criteria at any age; over 65 prompts the renal/thrombosis risk`,
    defaultText: "adult",
  },
  { flags: "--pregnant", key: "pregnant", description: "the patient is pregnant (ontario: give the pre-pregnancy weight; australia: actual weight; without a policy a warning says so)" },
  {
    flags: "--dose <g/kg>",
    key: "dose",
    description: `grams per kg per course (${LIMITS.doseGPerKg.min}–${LIMITS.doseGPerKg.max})`,
    defaultText: String(DEFAULTS.doseGPerKg),
  },
  {
    flags: "--every <weeks>",
    key: "every",
    description: `weeks between course starts (whole weeks, ${LIMITS.intervalWeeks.min}–${LIMITS.intervalWeeks.max})`,
    defaultText: String(DEFAULTS.intervalWeeks),
  },
  {
    flags: "--days <n>",
    key: "days",
    description: `consecutive infusion days per course (${LIMITS.daysPerCourse.min}–${LIMITS.daysPerCourse.max}); a day above --max-daily is then a warning`,
    defaultText: "fewest days keeping each day within --max-daily",
  },
  {
    flags: "--max-daily <g/kg>",
    key: "maxDaily",
    description: `largest dose on one day, g/kg of dosing weight (${LIMITS.maxDailyGPerKg.min}–${LIMITS.maxDailyGPerKg.max}); the default is the maximum Ontario IGUM states in its RRMS entry (no MMN-specific daily maximum was found)`,
    defaultText: `${DEFAULTS.maxDailyGPerKg} (Ontario IGUM, RRMS entry)`,
  },
  {
    flags: "--courses <n>",
    key: "courses",
    description: `number of courses (${LIMITS.courses.min}–${LIMITS.courses.max}); not with --until`,
    defaultText: String(DEFAULTS.courses),
  },
  {
    flags: "--until <YYYY-MM-DD>",
    key: "until",
    description: "schedule every course that starts on or before this date; not with --courses",
  },
  { flags: "--start <YYYY-MM-DD>", key: "start", description: "first infusion day", defaultText: "today" },
  {
    flags: "--product <id>",
    key: "product",
    description: "IVIG product: gammagard-liquid, privigen, gamunex-c, octagam-10, panzyga, kiovig, flebogamma-dif-10 (see `mmn-dose products`; an SCIG product needs --route scig --scig-product)",
    defaultText: DEFAULTS.productId,
  },
  {
    flags: "--region <region>",
    key: "region",
    description:
      "whose label applies: us (US prescribing information) or eu (EU SmPC); it decides whether the product counts as labelled for MMN (NOT_LABELLED_FOR_MMN) and its vial sizes. A product sold under another name there is named in a note (Gammagard Liquid is Kiovig in the EU); one with no label text found for the region is warned about",
    defaultText: "us",
    choices: ["us", "eu"],
  },
  {
    flags: "--vials <g,g,…>",
    key: "vials", list: true,
    description: "vial sizes the pharmacy stocks, in g (e.g. 10,20); rounding and dispensing use only these",
    defaultText: "every size the product comes in",
  },
  {
    flags: "--max-rate <mL/kg/h>",
    key: "maxRate",
    description: `lower the maximum infusion rate to a local protocol's (${LIMITS.rateMlPerKgPerHour.min}–${LIMITS.rateMlPerKgPerHour.max}); above the label maximum needs --allow-above-label-rate (with --at-risk the label's holds)`,
    defaultText: "the label's",
  },
  { flags: "--allow-above-label-rate", key: "allowAboveLabelRate", description: "accept an --initial-rate or --max-rate above the label's (printed as a warning); with --at-risk the label's rate holds" },
  {
    flags: "--initial-rate <mL/kg/h>",
    key: "initialRate",
    description: `initial infusion rate (${LIMITS.rateMlPerKgPerHour.min}–${LIMITS.rateMlPerKgPerHour.max}): a lower one, or one for a product whose label rate was not found; above the label's needs --allow-above-label-rate`,
    defaultText: "the label's",
  },
  {
    flags: "--rate-steps <mL/kg/h,…>",
    key: "rateSteps", list: true,
    description: "override the default titration with your protocol's rates between the initial rate and the maximum, ascending (e.g. 1,2,3,4); a step outside that range is refused",
    defaultText: "the label's steps, else NL-IVIG002's 0.01/0.02/0.04/0.06/0.08/0.12/0.14 mL/kg/min within the label's range",
  },
  {
    flags: "--step-minutes <min>",
    key: "stepMinutes",
    description: `override the minutes at each rate before the next step (${LIMITS.stepMinutes.min}–${LIMITS.stepMinutes.max})`,
    defaultText: "the label's, else 30",
  },
  {
    flags: "--at-risk",
    key: "atRisk",
    description: `renal or thrombosis risk (${RISK_FACTORS}): cap the rate at the label's at-risk maximum; where the label has none, at --max-rate if given, else at NL-IVIG002's 0.08 mL/kg/min; never above the label`,
  },
  {
    flags: "--first-infusion",
    key: "firstInfusion",
    description: "every course starts as a first infusion (by default the first course, and any course more than 8 weeks after the previous infusion's date, NL-IVIG002)",
  },
  {
    flags: "--round <mode>",
    key: "round",
    description:
      "course total: none (0.01 g), vial (nearest total that splits into whole vials a day), 5g (nearest 5 g, Ontario); a vial or 5g total more than 10 % from the dose is refused; a rounded day above --max-daily is a note within 10 %, a warning beyond",
    defaultText: `the policy's, else ${DEFAULTS.rounding}`,
    choices: ["none", "vial", "5g"],
  },
  {
    flags: "--skip-weekends",
    key: "skipWeekends",
    defaultText: "off",
    description:
      "no infusion on Saturday or Sunday: a blocked day moves to the next allowed day, a course's days stay consecutive allowed days, later courses keep their planned dates unless a moved day reaches them (then that course is pushed to the next allowed day after it: never two infusions on one date)",
  },
  { flags: "--no-skip-weekends", key: "skipWeekends", description: "infusions may fall on weekends (overrides a site setting)" },
  { flags: "--avoid <dates>", key: "avoid", list: true, description: "dates with no infusion, comma-separated YYYY-MM-DD: a blocked day moves to the next allowed day; a course a moved day reaches is pushed past it (never two infusions on one date, with a note); a course spread over more than 7 days warns" },
  { flags: "--avoid-file <file>", key: "avoidFile", description: "a file of dates to avoid, one YYYY-MM-DD per line (# comments allowed)" },
  {
    flags: "--route <route>",
    key: "route",
    description: "ivig, or scig for the weekly subcutaneous equivalent of the IVIG regimen",
    defaultText: "ivig",
    choices: ["ivig", "scig"],
  },
  {
    flags: "--scig-product <id>",
    key: "scigProduct",
    description: "SCIG product: hizentra, cuvitru, xembify, cutaquig, hyqvia, gammagard-liquid-sc",
    defaultText: "hizentra",
  },
  {
    flags: "--scig-factor <x>",
    key: "scigFactor",
    description: `SCIG:IVIG dose ratio (${LIMITS.scigFactor.min}–${LIMITS.scigFactor.max}), or label for the product's own PI factor`,
    defaultText: "1 (MMN/CIDP practice)",
  },
  {
    flags: "--scig-every <weeks>",
    key: "scigEvery",
    description: "weeks between SCIG infusions: 1, or 2 at twice the weekly dose; HyQvia 2–4",
    defaultText: "1 (HyQvia: the IVIG interval, 2–4)",
  },
  { flags: "--sessions <n>", key: "sessions", description: "split each SCIG dose over 1 or 2 consecutive days (not HyQvia: one session); sites beyond the label's at-once limit otherwise run in turn", defaultText: "1" },
  { flags: "--last-ivig <YYYY-MM-DD>", key: "lastIvig", description: "last IVIG infusion: SCIG starts one week later (label)" },
  {
    flags: "--format <format>",
    key: "format",
    description: "output format: table, json, csv (one row per infusion) or ics (calendar, one event per infusion day)",
    defaultText: "table",
    choices: ["table", "json", "csv", "ics"],
  },
  {
    flags: "--time <HH:MM>",
    key: "time",
    description:
      "ICS only (with --format ics; an error otherwise): chair time, 9:00 or 09:00; events start then and end after the estimated chair time; a time the clocks skip that day moves forward (RFC 5545: 02:30 -> 03:30) with a note",
    defaultText: "all-day events",
  },
  {
    flags: "--tz <zone>",
    key: "tz",
    description: "ICS only, with --time (an error otherwise): IANA time zone of --time, e.g. Europe/London; an empty or unknown system zone is an error, never UTC",
    defaultText: "the system zone",
  },
  {
    flags: "--calendar-id <text>",
    key: "calendarId",
    description: "ICS only (an error otherwise): an opaque reference that keeps event UIDs stable across re-exports (no patient names)",
    defaultText: "derived from weight as typed, route, product and start",
  },
  { flags: "--sequence <n>", key: "sequence", description: "ICS only (an error otherwise): raise when reissuing a changed schedule (0–1000)", defaultText: "0" },
  { flags: "--json", key: "json", description: "same as --format json" },
  { flags: "--config <file>", key: "config", description: "site configuration file (site policy only, never patient data)", defaultText: "./mmn-dose.config.json, else ~/.config/mmn-dose/config.json" },
  { flags: "-o, --output <file>", key: "output", description: "write the output to this file instead of stdout (- is stdout): atomically, keeping its permissions; through a symlink to its target; a device or FIFO directly" },
];

/** Keys of the options that take a list. */
export const LIST_KEYS: ReadonlySet<string> = new Set(SCHEDULE_OPTIONS.filter((o) => o.list).map((o) => o.key));

/** Keys of the on/off options (no value). */
export const FLAG_KEYS: ReadonlySet<string> = new Set(SCHEDULE_OPTIONS.filter((o) => !o.flags.includes("<")).map((o) => o.key));

/** The long flag of an option key: `maxDaily` → `--max-daily`. */
export function longFlagOf(key: string): string {
  const spec = SCHEDULE_OPTIONS.find((o) => o.key === key && !o.flags.includes("--no-"));
  return spec ? spec.flags.replace(/^-\w, /, "").split(" ")[0]! : key;
}

/**
 * A JSON value (a batch line, the config file) → what commander would hand over for the same flag:
 * text, `true`/`false` for an on/off option, a comma-joined list where the flag takes a list.
 * Anything else (`"weight": [70]` is not 70 kg, `true` for a number) becomes its JSON text, which the
 * option's own validator refuses, naming the option and its range.
 */
export function optionValueFromJson(key: string, value: unknown): unknown {
  if (typeof value === "string") return value;
  if (typeof value === "boolean" && FLAG_KEYS.has(key)) return value;
  if (typeof value === "number") return String(value); // 1e400 parses as Infinity: the validator names the range
  if (Array.isArray(value) && LIST_KEYS.has(key) && value.every((v) => typeof v === "number" || typeof v === "string")) return value.join(",");
  return JSON.stringify(value);
}
