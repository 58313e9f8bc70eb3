import { ROUNDINGS } from "../core/courseDose.js";
import { DOSING_WEIGHT_CHOICES, SEXES } from "../core/dosingWeight.js";
import { DEFAULTS, LIMITS } from "../core/input.js";
import type { OptionKey } from "../core/optionKeys.js";
import { RISK_FACTORS } from "../core/ratePlan.js";
import { POLICY_IDS } from "../data/policies.js";
import { IVIG_PRODUCTS, REGIONS, ROUTES, type Route, SCIG_PRODUCTS } from "../data/products.js";
import { formatHelp, OUTPUT_FORMAT_NAMES } from "./outputFormats.js";

/**
 * Every option of the one-patient command, as data (the npm-check-updates pattern). This one table
 * drives commander and the --help groups (commands/schedule.ts), the plain one-patient command line
 * (scheduleArgv.ts), validation (validate.ts builds its
 * schema from `value`), the site settings: config keys and MMN_DOSE_* names (config.ts), the batch
 * keys (batch.ts), route applicability and calendar-only options (validate.ts, config.ts), and the
 * README options table (scripts/options-table.mjs, `npm run docs:options`).
 *
 * Order matters: validation reports the first bad option in this order, and --help lists the
 * options of each group in this order.
 */
export interface OptionSpec {
  /** Commander flags, e.g. "-w, --weight <weight>". */
  readonly flags: string;
  /** Key in the parsed options (camelCase of the long flag); also the config and batch key, and how the core names it. */
  readonly key: OptionKey;
  /** The --help heading it is listed under. */
  readonly group: OptionGroup;
  readonly description: string;
  /** Shown in help as the default; not applied by commander (validation applies defaults). */
  readonly defaultText?: string;
  /** How its value is read and checked (validate.ts); absent for --no-… and the options that are not validated. */
  readonly value?: ValueSpec;
  /**
   * patient: patient data, never from the environment or a config file; site: a site setting (config
   * key, MMN_DOSE_* variable), its number orders `mmn-dose config`; run: this invocation only.
   */
  readonly scope: "patient" | { readonly site: number } | "run";
  /** Who the patient is, or their body: never a site setting or a plan phase key (compare takes it once, for every regimen). */
  readonly patientData?: true;
  /** An option of one route: given on the other it is refused, or ("ignored") accepted and unused, its site setting dropped. */
  readonly route?: Route;
  readonly otherRoute?: "ignored";
  /** In a batch line: a key (the default), refused ("not accepted per line"), or unknown. */
  readonly batch?: "refused" | "unknown";
  /** ICS only: what it does in a calendar (it is refused outside --format ics). */
  readonly calendar?: string;
  /** A calendar option that acts on the printed sheet (--format html) too: what it does there. */
  readonly sheet?: string;
  /** A calendar option that acts on the FHIR export (--format fhir) too: what it does there. */
  readonly ehr?: string;
  /** The README options table: meaning and default (Markdown); absent: covered by another row. */
  readonly readme?: { readonly text: string; readonly default: string };
}

export type OptionGroup =
  | "Patient:"
  | "Regimen:"
  | "Product and rates:"
  | "SCIG:"
  | "Calendar (--format ics):"
  | "Output:"
  | "Site:";

/** How an option's value is read; validate.ts turns each kind into its check. */
export type ValueSpec =
  | { readonly kind: "flag" }
  | { readonly kind: "text" }
  | { readonly kind: "date" }
  | { readonly kind: "decimal"; readonly limits: Limits; readonly unit: string; readonly integer?: true }
  | { readonly kind: "list"; readonly limits: Limits; readonly unit: string; readonly ascending?: true }
  | {
      readonly kind: "choice";
      readonly choices: readonly string[];
      readonly aliases?: Readonly<Record<string, string>>;
    }
  | { readonly kind: "product"; readonly route: Route }
  | { readonly kind: "weight" | "height" | "avoid" | "scigFactor" | "time" | "tz" | "calendarId" }
  | { readonly kind: "fhirReference" };

interface Limits {
  readonly min: number;
  readonly max: number;
}

const decimal = (limits: Limits, unit: string): ValueSpec => ({ kind: "decimal", limits, unit });
const whole = (limits: Limits, unit: string): ValueSpec => ({ kind: "decimal", limits, unit, integer: true });
const choice = (choices: readonly string[], aliases?: Readonly<Record<string, string>>): ValueSpec =>
  aliases ? { kind: "choice", choices, aliases } : { kind: "choice", choices };
const FLAG: ValueSpec = { kind: "flag" };
const TEXT: ValueSpec = { kind: "text" };
const DATE: ValueSpec = { kind: "date" };
const range = (l: Limits) => `${l.min}–${l.max}`;

export const IVIG_IDS: readonly string[] = IVIG_PRODUCTS.map((p) => p.id);
export const SCIG_IDS: readonly string[] = SCIG_PRODUCTS.map((p) => p.id);

const PATIENT_OPTIONS: readonly OptionSpec[] = [
  {
    flags: "-w, --weight <weight>",
    patientData: true,
    key: "weight",
    group: "Patient:",
    scope: "patient",
    value: { kind: "weight" },
    description:
      `actual body weight: 70, 70kg or 154lb (a bare number is kg; ${range(LIMITS.weightKg)} kg); required; ` +
      "100 kg or more with no --height warns: give --height, --sex and a --policy (or --dosing-weight actual)",
    readme: {
      text:
        `actual body weight: \`70\`, \`70kg\` or \`154lb\` (a bare number is kg; ${range(LIMITS.weightKg)} kg; no space before the ` +
        "unit); 100 kg or more with no `--height` warns: give `--height`, `--sex` and a `--policy` (or `--dosing-weight actual`)",
      default: "required",
    },
  },
  {
    flags: "--height <height>",
    patientData: true,
    key: "height",
    group: "Patient:",
    scope: "patient",
    value: { kind: "height" },
    description: `height: 175, 175cm, 69in or 5ft9in (a bare number is cm; ${LIMITS.heightCm.min}–${LIMITS.heightCm.max} cm)`,
    readme: {
      text:
        `\`175\`, \`175cm\`, \`69in\`, \`5ft\`, \`5ft9in\` (a bare number is cm; ${range(LIMITS.heightCm)} ` + `cm)`,
      default: "none",
    },
  },
  {
    flags: "--sex <sex>",
    patientData: true,
    key: "sex",
    group: "Patient:",
    scope: "patient",
    value: choice(SEXES, { m: "male", f: "female" }),
    description: "male or female (m, f): Devine ideal weight needs it",
    readme: { text: "needed with height for ideal and adjusted weight; `m` and `f` are accepted", default: "none" },
  },
  {
    flags: "--dosing-weight <basis>",
    patientData: true,
    key: "dosingWeight",
    group: "Patient:",
    scope: "run",
    value: choice(DOSING_WEIGHT_CHOICES),
    description:
      "actual, ideal, adjusted (IBW + 0.4 × (actual − IBW)), bmi30 (adjusted when BMI > 30), ibw120 (adjusted when actual > 120 % of " +
      "ideal); " +
      "overrides --policy's weight rule",
    defaultText: "actual, or the policy's rule",
    readme: {
      text:
        "`actual`, `ideal`, `adjusted`, `bmi30`, `ibw120` (see [Dosing " +
        "weight](docs/clinical-decisions.md#dosing-weight)); overrides the policy's weight rule",
      default: "`actual`, or the policy's",
    },
  },
  {
    flags: "--policy <name>",
    key: "policy",
    group: "Site:",
    scope: { site: 4 },
    value: choice([...POLICY_IDS, "none"]),
    description:
      "institution rules for dosing weight and rounding: ontario (adjusted if ≥ 152.4 cm and > 50/45.5 kg, or BMI > 30 at any height; " +
      "nearest 5 g), australia (adjusted unless < 18 y, < 152 cm, pregnant or actual < adjusted; whole vials), " +
      "uk (adjusted if BMI > 30 or > 120 % of ideal); none overrides a site setting",
    defaultText: "none",
    readme: {
      text: "`ontario`, `australia`, `uk`: dosing weight and rounding together; `none` undoes a site policy",
      default: "none",
    },
  },
  {
    flags: "--age <years>",
    patientData: true,
    key: "age",
    group: "Patient:",
    scope: "patient",
    value: decimal(LIMITS.ageYears, "years"),
    description:
      `age in years (${LIMITS.ageYears.min}–${LIMITS.ageYears.max}); under 18: australia and uk dose on actual weight, ` +
      "ontario applies its criteria at any age; over 65 prompts the renal/thrombosis risk",
    defaultText: "adult",
    readme: {
      text:
        `age (${range(LIMITS.ageYears)}); under 18: \`australia\` and \`uk\` dose on actual weight, \`ontario\` applies its criteria ` +
        `at any age; ` +
        "over 65 warns of the renal/thrombosis risk",
      default: "adult",
    },
  },
  {
    flags: "--pregnant",
    patientData: true,
    key: "pregnant",
    group: "Patient:",
    scope: "patient",
    value: FLAG,
    description:
      "the patient is pregnant (ontario: give the pre-pregnancy weight; australia: actual weight; without a policy a warning says so)",
    readme: {
      text:
        "the patient is pregnant: `ontario` asks for the pre-pregnancy weight, `australia` uses actual weight; " +
        "without a policy a `PREGNANCY` warning says no rule is applied",
      default: "not pregnant",
    },
  },
];

const REGIMEN_OPTIONS: readonly OptionSpec[] = [
  {
    flags: "--dose <g/kg>",
    key: "dose",
    group: "Regimen:",
    scope: "patient",
    value: decimal(LIMITS.doseGPerKg, "g/kg"),
    description: `grams per kg per course (${LIMITS.doseGPerKg.min}–${LIMITS.doseGPerKg.max})`,
    defaultText: String(DEFAULTS.doseGPerKg),
    readme: { text: `grams per kg per course (${range(LIMITS.doseGPerKg)})`, default: `\`${DEFAULTS.doseGPerKg}\`` },
  },
  {
    flags: "--every <weeks>",
    key: "every",
    group: "Regimen:",
    scope: "patient",
    value: whole(LIMITS.intervalWeeks, "weeks"),
    description: `weeks between course starts (whole weeks, ${LIMITS.intervalWeeks.min}–${LIMITS.intervalWeeks.max})`,
    defaultText: String(DEFAULTS.intervalWeeks),
    readme: {
      text: `whole weeks between course starts (${range(LIMITS.intervalWeeks)})`,
      default: `\`${DEFAULTS.intervalWeeks}\``,
    },
  },
  {
    flags: "--days <n>",
    key: "days",
    group: "Regimen:",
    scope: "patient",
    route: "ivig",
    value: whole(LIMITS.daysPerCourse, "days"),
    description:
      `consecutive infusion days per course (${LIMITS.daysPerCourse.min}–${LIMITS.daysPerCourse.max}); a day above --max-daily is then ` +
      `a warning`,
    defaultText: "fewest days keeping each day within --max-daily",
    readme: {
      text: `consecutive infusion days per course ` + `(${range(LIMITS.daysPerCourse)})`,
      default: "fewest days keeping each day ≤ `--max-daily`",
    },
  },
  {
    flags: "--max-daily <g/kg>",
    key: "maxDaily",
    group: "Regimen:",
    scope: { site: 6 },
    route: "ivig",
    value: decimal(LIMITS.maxDailyGPerKg, "g/kg"),
    description:
      `largest dose on one day, g/kg of dosing weight (${LIMITS.maxDailyGPerKg.min}–${LIMITS.maxDailyGPerKg.max}); ` +
      "the default is the maximum Ontario IGUM states in its RRMS entry (no MMN-specific daily maximum was found)",
    defaultText: `${DEFAULTS.maxDailyGPerKg} (Ontario IGUM, RRMS entry)`,
    readme: {
      text: `largest dose on one day (${range(LIMITS.maxDailyGPerKg)})`,
      default: `\`${DEFAULTS.maxDailyGPerKg}\` (Ontario IGUM, from its RRMS entry; no MMN-specific maximum was found)`,
    },
  },
  {
    flags: "--courses <n>",
    key: "courses",
    group: "Regimen:",
    scope: "patient",
    value: whole(LIMITS.courses, ""),
    description: `number of courses (${LIMITS.courses.min}–${LIMITS.courses.max}); not with --until`,
    defaultText: String(DEFAULTS.courses),
    readme: { text: `number of courses (${range(LIMITS.courses)})`, default: `\`${DEFAULTS.courses}\`` },
  },
  {
    flags: "--until <YYYY-MM-DD>",
    key: "until",
    group: "Regimen:",
    scope: "patient",
    value: DATE,
    description: "schedule every course that starts on or before this date; not with --courses",
    readme: {
      text: `instead of \`--courses\`: every course that starts on or before this date (at most ${LIMITS.courses.max})`,
      default: "none",
    },
  },
  {
    flags: "--start <YYYY-MM-DD>",
    key: "start",
    group: "Regimen:",
    scope: "patient",
    value: DATE,
    description: "first infusion day; with --last-course it wins, and the gap from the last infusion decides the rates",
    defaultText: "today, or --every weeks after --last-course",
    readme: {
      text: "first infusion day; with `--last-course` it wins, and the gap from the last infusion decides the rates",
      default: "today (local date), or `--every` weeks after `--last-course`",
    },
  },
  {
    flags: "--last-course <YYYY-MM-DD>",
    key: "lastCourse",
    group: "Regimen:",
    scope: "patient",
    route: "ivig",
    value: DATE,
    description:
      "first day of the patient's last IVIG course: the next course starts --every weeks later (unless --start) at the " +
      "maintenance rates, unless more than 8 weeks (56 days) passed since its last infusion (its first day + days − 1), " +
      "the product changed (--last-product) or --first-infusion is given",
    readme: {
      text:
        "an established patient: the first day of the last IVIG course; the next starts `--every` weeks later at the " +
        "maintenance rates unless > 56 days passed since its last infusion ([Continuing " +
        "treatment](docs/pharmacist.md#continuing-treatment))",
      default: "none (a new patient)",
    },
  },
  {
    flags: "--courses-given <n>",
    key: "coursesGiven",
    group: "Regimen:",
    scope: "patient",
    value: whole(LIMITS.coursesGiven, ""),
    description:
      `courses (SCIG: doses) already given (${range(LIMITS.coursesGiven)}): the first course printed is number n+1 in every ` +
      "format; without --last-course or --last-scig the last infusion's date is unknown, so it starts at the first-infusion rates",
    defaultText: "0",
    readme: {
      text: `courses (SCIG: doses) already given (${range(LIMITS.coursesGiven)}): the first printed is number n+1 everywhere`,
      default: "0",
    },
  },
  {
    flags: "--last-product <id>",
    key: "lastProduct",
    group: "Regimen:",
    scope: "patient",
    value: choice([...IVIG_IDS, ...SCIG_IDS]),
    description:
      "the product of the last course (or SCIG dose), with --last-course or --last-scig: a different product from this one " +
      "starts at the first-infusion rates (Gammagard PI)",
    defaultText: "this schedule's product",
    readme: {
      text: "the product of the last course or dose: a change of product starts at the first-infusion rates",
      default: "the same product",
    },
  },
];

const PRODUCT_OPTIONS: readonly OptionSpec[] = [
  {
    flags: "--product <id>",
    key: "product",
    group: "Product and rates:",
    scope: { site: 2 },
    route: "ivig",
    value: { kind: "product", route: "ivig" },
    description: `IVIG product: ${IVIG_IDS.join(", ")} (see \`mmn-dose products\`; an SCIG product needs --route scig --scig-product)`,
    defaultText: DEFAULTS.productId,
    readme: {
      text:
        "IVIG product, see `mmn-dose products`; an SCIG product here (`hizentra`) is refused, pointing to " +
        "`--route scig --scig-product hizentra`",
      default: `\`${DEFAULTS.productId}\``,
    },
  },
  {
    flags: "--region <region>",
    key: "region",
    group: "Product and rates:",
    scope: { site: 1 },
    value: choice(REGIONS),
    description:
      "whose label applies: us (US prescribing information) or eu (EU SmPC); it decides whether the product counts as labelled for MMN " +
      "(NOT_LABELLED_FOR_MMN) and its vial sizes. A product sold under another name there is named in a note (Gammagard Liquid is " +
      "Kiovig in the EU); one with no label text found for the region is warned about",
    defaultText: "us",
    readme: {
      text:
        "whose label applies: the US prescribing information or the EU SmPC; it decides `NOT_LABELLED_FOR_MMN` and the vial sizes " +
        "([Label region](docs/clinical-decisions.md#label-region---region))",
      default: "`us`",
    },
  },
  {
    flags: "--vials <g,g,…>",
    key: "vials",
    group: "Product and rates:",
    scope: { site: 3 },
    route: "ivig",
    otherRoute: "ignored",
    value: { kind: "list", limits: LIMITS.vialSizeG, unit: "g" },
    description: "vial sizes the pharmacy stocks, in g (e.g. 10,20); rounding and dispensing use only these",
    defaultText: "every size the product comes in",
    readme: {
      text: `vial sizes the pharmacy stocks (e.g. \`10,20\`, at most ${LIMITS.listValues.max}); rounding and dispensing use only these`,
      default: "every size the product comes in",
    },
  },
  {
    flags: "--max-rate <mL/kg/h>",
    key: "maxRate",
    group: "Product and rates:",
    scope: { site: 7 },
    route: "ivig",
    value: decimal(LIMITS.rateMlPerKgPerHour, "mL/kg/h"),
    description:
      `lower the maximum infusion rate to a local protocol's (${LIMITS.rateMlPerKgPerHour.min}–${LIMITS.rateMlPerKgPerHour.max}); ` +
      "above the label maximum (no label rate: the same product's other label, else NL-IVIG002's 8.4) needs " +
      "--allow-above-label-rate (with --at-risk the label's holds)",
    defaultText: "the label's",
    readme: {
      text:
        `lower the maximum infusion rate to a local protocol's (${range(LIMITS.rateMlPerKgPerHour)}); above the label maximum is refused ` +
        "unless `--allow-above-label-rate` (then a warning); without label rates (Kiovig) the bound is the same product's other label " +
        "(Gammagard Liquid, 5.4), else NL-IVIG002's top row (8.4); with `--at-risk` the label's holds",
      default: "the label's",
    },
  },
  {
    flags: "--allow-above-label-rate",
    key: "allowAboveLabelRate",
    group: "Product and rates:",
    scope: "run",
    value: FLAG,
    description:
      "accept an --initial-rate or --max-rate above the label's (or its bound), or a --step-minutes shorter than the label's step " +
      "(printed as a warning); with --at-risk the label's rate and step hold",
    readme: {
      text:
        "accept `--initial-rate` or `--max-rate` above the label's (or, without label rates, its bound), or `--step-minutes` " +
        "shorter than the label's step (a warning); not with `--at-risk`, where the label's rate and step hold",
      default: "off",
    },
  },
  {
    flags: "--initial-rate <mL/kg/h>",
    key: "initialRate",
    group: "Product and rates:",
    scope: "run",
    route: "ivig",
    value: decimal(LIMITS.rateMlPerKgPerHour, "mL/kg/h"),
    description:
      `initial infusion rate (${LIMITS.rateMlPerKgPerHour.min}–${LIMITS.rateMlPerKgPerHour.max}): a lower one, or one for a product ` +
      "whose label rate was not found (bounded by the same product's other label, else NL-IVIG002's 0.6); above needs " +
      "--allow-above-label-rate",
    defaultText: "the label's",
    readme: {
      text:
        `the initial rate (${range(LIMITS.rateMlPerKgPerHour)}): a lower one, or the rate of a product whose label rate was not found ` +
        "(Kiovig: bounded by Gammagard Liquid's 0.5, else NL-IVIG002's first row, 0.6); above the label's or the bound is refused " +
        "unless `--allow-above-label-rate` (then a warning); with `--at-risk` the label's holds",
      default: "the label's",
    },
  },
  {
    flags: "--rate-steps <mL/kg/h,…>",
    key: "rateSteps",
    group: "Product and rates:",
    scope: { site: 9 },
    route: "ivig",
    value: { kind: "list", limits: LIMITS.rateMlPerKgPerHour, unit: "mL/kg/h", ascending: true },
    description:
      "override the default titration with your protocol's rates between the initial rate and the maximum, ascending (e.g. 1,2,3,4); " +
      "a step outside that range is refused",
    defaultText:
      "the label's steps, else NL-IVIG002's 0.01/0.02/0.04/0.06/0.08/0.12/0.14 mL/kg/min within the label's range",
    readme: {
      text:
        "overrides the default titration with your protocol's rates between the initial rate and the maximum, ascending " +
        `(at most ${LIMITS.listValues.max}); a step outside that range is refused`,
      default:
        "the label's steps, else NL-IVIG002's ([rate plans](docs/clinical-decisions.md#products-rate-plans-and-chair-time))",
    },
  },
  {
    flags: "--step-minutes <min>",
    key: "stepMinutes",
    group: "Product and rates:",
    scope: { site: 8 },
    route: "ivig",
    value: whole(LIMITS.stepMinutes, "minutes"),
    description:
      `override the minutes at each rate before the next step (${LIMITS.stepMinutes.min}–${LIMITS.stepMinutes.max}); shorter ` +
      "than the label's step (Gammagard, Octagam 30; Panzyga 15; no label figure: 30) needs --allow-above-label-rate",
    defaultText: "the label's, else 30",
    readme: {
      text:
        `overrides the minutes at each rate (${range(LIMITS.stepMinutes)}); shorter than the label's step (Gammagard Liquid, ` +
        "Octagam 10 %: 30; Panzyga: 15; no label figure: the plan's 30) is refused unless `--allow-above-label-rate` (then a warning)",
      default: "the label's, else 30",
    },
  },
  {
    flags: "--at-risk",
    patientData: true,
    key: "atRisk",
    group: "Product and rates:",
    scope: "run",
    route: "ivig",
    value: FLAG,
    description:
      `renal or thrombosis risk (${RISK_FACTORS}): always slower than the ordinary plan: the label's at-risk cap (Octagam, ` +
      "Panzyga 0.033 mL/kg/min); else the NL-IVIG002 step below the label's 'less than' figure (Gamunex-C 0.06) or below its " +
      "maximum, at most 0.08 mL/kg/min; a lower --max-rate is kept; a day of 1 g/kg or more is offered more days",
    readme: {
      text:
        "renal or thrombosis risk: always slower than the ordinary plan: the label's at-risk cap (Octagam 10 %, Panzyga); else " +
        "the NL-IVIG002 step below the label's 'less than' figure (Gamunex-C: 0.06 mL/kg/min) or below its maximum (Privigen, " +
        "Flebogamma 0.06; Gammagard 0.08), never above 0.08 mL/kg/min; a lower `--max-rate` is kept; a day of 1 g/kg or more " +
        "gets `AT_RISK_DAY_VOLUME` with a `--days` remedy",
      default: "off",
    },
  },
  {
    flags: "--first-infusion",
    key: "firstInfusion",
    group: "Product and rates:",
    scope: "run",
    route: "ivig",
    value: FLAG,
    description:
      "every course starts as a first infusion (by default the first course of a new patient, and any course more than 8 weeks " +
      "after the previous infusion's date, NL-IVIG002; with --last-course, also the next course)",
    readme: {
      text: "every course starts as a first infusion, the next one of an established patient too",
      default: "the first course, and any course more than 8 weeks after the previous infusion (placed dates)",
    },
  },
];

const PLACEMENT_OPTIONS: readonly OptionSpec[] = [
  {
    flags: "--skip-weekends",
    key: "skipWeekends",
    group: "Regimen:",
    scope: { site: 11 },
    value: FLAG,
    defaultText: "off",
    description:
      "no infusion on Saturday or Sunday: a blocked day moves to the next allowed day, a course's days stay consecutive allowed days, " +
      "later courses keep their planned dates unless a moved day reaches them (then that course is pushed to the next allowed day " +
      "after it: never two infusions on one date)",
    readme: {
      text:
        "no infusion on Saturday or Sunday ([the rule](docs/nurse.md#moving-days-off-weekends-and-holidays)); " +
        "`--no-skip-weekends` undoes a site setting",
      default: "off",
    },
  },
  {
    flags: "--no-skip-weekends",
    key: "skipWeekends",
    group: "Regimen:",
    scope: { site: 11 },
    description: "infusions may fall on weekends (overrides a site setting)",
  },
  {
    flags: "--avoid <dates>",
    key: "avoid",
    group: "Regimen:",
    scope: { site: 12 },
    value: { kind: "avoid" },
    description:
      "dates with no infusion, comma-separated YYYY-MM-DD: a blocked day moves to the next allowed day; a course a moved day reaches " +
      "is pushed past it (never two infusions on one date, with a note); a course spread over more than 7 days warns",
    readme: {
      text: "dates with no infusion: `2026-12-25,2027-01-01` ([the rule](docs/nurse.md#moving-days-off-weekends-and-holidays))",
      default: "none",
    },
  },
  {
    flags: "--avoid-file <file>",
    key: "avoidFile",
    group: "Regimen:",
    scope: "run",
    batch: "refused",
    value: TEXT,
    description: "a file of dates to avoid, one YYYY-MM-DD per line (# comments allowed)",
    readme: { text: "a file of dates with no infusion, one date a line (`#` comments)", default: "none" },
  },
];

const PLAN_OPTION: OptionSpec = {
  flags: "--plan <file>",
  key: "plan",
  group: "Regimen:",
  scope: "run",
  value: TEXT,
  description:
    'a treatment plan, a JSON file {"phases": [{…}, …]}: each phase holds regimen keys (dose, every, days, courses or until, start, ' +
    "product, route, scig…, round…) and inherits the rest from the phase before; the regimen options given here are phase 1's " +
    "defaults; a phase starts when the previous one's next course would have (SCIG after IVIG: one week after the last IVIG)",
  readme: {
    text: "a treatment plan: phases of regimen keys, one after another ([Treatment plans](docs/pharmacist.md#treatment-plans))",
    default: "none",
  },
};

const ROUTE_OPTION: OptionSpec = {
  flags: "--route <route>",
  key: "route",
  group: "SCIG:",
  scope: "run",
  value: choice(ROUTES),
  description: "ivig, or scig for the weekly subcutaneous equivalent of the IVIG regimen",
  defaultText: "ivig",
  readme: { text: "`scig` prints the weekly subcutaneous equivalent of the IVIG regimen", default: "`ivig`" },
};

const ROUND_OPTION: OptionSpec = {
  flags: "--round <mode>",
  key: "round",
  group: "Regimen:",
  scope: { site: 5 },
  value: choice(ROUNDINGS),
  description:
    "course total: none (0.01 g), vial (nearest total that splits into whole vials a day), 5g (nearest 5 g, Ontario); a vial or 5g " +
    "total more than 10 % from the dose is refused; a rounded day above --max-daily is a note within 10 %, a warning beyond",
  defaultText: `the policy's, else ${DEFAULTS.rounding}`,
  readme: {
    text: "rounding of the course total; overrides the policy's",
    default: `the policy's, else \`${DEFAULTS.rounding}\``,
  },
};

const FILE_OPTIONS: readonly OptionSpec[] = [
  {
    flags: "-o, --output <file>",
    key: "output",
    group: "Output:",
    scope: "run",
    batch: "refused",
    value: TEXT,
    description:
      "write the output to this file instead of stdout (- is stdout): atomically, keeping its permissions; through a symlink to its " +
      "target; " +
      "a device or FIFO directly",
    readme: {
      text:
        "write the output to a file ([the " +
        "rules](docs/scripts-and-ehr.md#option-rules-files-choices-calendar-options)); `-` is stdout; `batch` takes it too",
      default: "stdout",
    },
  },
  {
    flags: "--config <file>",
    key: "config",
    group: "Site:",
    scope: "run",
    batch: "refused",
    value: TEXT,
    description: "site configuration file (site policy only, never patient data)",
    defaultText: "./mmn-dose.config.json, else ~/.config/mmn-dose/config.json",
    readme: {
      text: "site configuration ([Site configuration](docs/pharmacist.md#site-configuration))",
      default: "`./mmn-dose.config.json`, else " + "`~/.config/mmn-dose/config.json`",
    },
  },
];

const SCIG_OPTIONS: readonly OptionSpec[] = [
  {
    flags: "--scig-product <id>",
    key: "scigProduct",
    group: "SCIG:",
    scope: { site: 10 },
    route: "scig",
    value: { kind: "product", route: "scig" },
    description: `SCIG product: ${SCIG_IDS.join(", ")}`,
    defaultText: "hizentra",
    readme: { text: SCIG_IDS.map((id) => `\`${id}\``).join(", "), default: "`hizentra`" },
  },
  {
    flags: "--scig-factor <x>",
    key: "scigFactor",
    group: "SCIG:",
    scope: "run",
    route: "scig",
    value: { kind: "scigFactor" },
    description: `SCIG:IVIG dose ratio (${LIMITS.scigFactor.min}–${LIMITS.scigFactor.max}), or label for the product's own PI factor`,
    defaultText: "1 (MMN/CIDP practice)",
    readme: {
      text: `SCIG:IVIG dose ratio (${range(LIMITS.scigFactor)}), or \`label\` for the product's PI factor`,
      default: "`1`",
    },
  },
  {
    flags: "--scig-every <weeks>",
    key: "scigEvery",
    group: "SCIG:",
    scope: "run",
    route: "scig",
    value: whole(LIMITS.scigEveryWeeks, "weeks"),
    description:
      "weeks between SCIG infusions: 1, or 2 at twice the weekly dose where the label allows it (all but Gammagard " +
      "Liquid SC, weekly only); HyQvia 2–4",
    defaultText: "1 (HyQvia: the IVIG interval, 2–4)",
    readme: {
      text:
        "1 (weekly) or 2 (twice the weekly dose, where the label allows it: Hizentra, Cuvitru, Xembify, Cutaquig; not " +
        "Gammagard Liquid SC); HyQvia 2, 3 or 4",
      default: "1; HyQvia: the IVIG interval",
    },
  },
  {
    flags: "--sessions <n>",
    key: "sessions",
    group: "SCIG:",
    scope: "run",
    route: "scig",
    value: whole(LIMITS.sessions, ""),
    description:
      "split each SCIG dose over 1 or 2 consecutive days (not HyQvia: one session); sites beyond the label's at-once limit otherwise " +
      "run in turn",
    defaultText: "1",
    readme: { text: "split each SCIG dose over 1 or 2 consecutive days", default: "1" },
  },
  {
    flags: "--last-ivig <YYYY-MM-DD>",
    key: "lastIvig",
    group: "SCIG:",
    scope: "patient",
    route: "scig",
    value: DATE,
    description: "last IVIG infusion: SCIG starts one week later (label)",
    readme: { text: "the last IVIG infusion: SCIG starts one week later", default: "none" },
  },
  {
    flags: "--last-scig <YYYY-MM-DD>",
    key: "lastScig",
    group: "SCIG:",
    scope: "patient",
    route: "scig",
    value: DATE,
    description:
      "an established SCIG patient's last dose: the next is --scig-every weeks later (unless --start), with no HyQvia ramp-up " +
      "and no first-infusion limits within 8 weeks on the same product",
    readme: {
      text: "an established SCIG patient's last dose: the next is `--scig-every` weeks later, with no HyQvia ramp-up",
      default: "none",
    },
  },
  {
    flags: "--doses <n>",
    key: "doses",
    group: "SCIG:",
    scope: "patient",
    route: "scig",
    value: whole(LIMITS.doses, ""),
    description:
      `number of SCIG doses to schedule (${range(LIMITS.doses)}), instead of --courses, which counts IVIG-equivalent periods ` +
      "(--courses 4 every 4 weeks gives 16 weekly doses)",
    defaultText: "the period of --courses",
    readme: {
      text: `number of SCIG doses (${range(LIMITS.doses)}); \`--courses\` counts IVIG-equivalent periods instead`,
      default: "the period of `--courses`",
    },
  },
];

const OUTPUT_OPTIONS: readonly OptionSpec[] = [
  {
    flags: "--format <format>",
    key: "format",
    group: "Output:",
    scope: "run",
    batch: "refused",
    value: choice(OUTPUT_FORMAT_NAMES),
    description: `output format: ${formatHelp()}`,
    defaultText: "table",
    readme: {
      text:
        "output format ([Calendars (ICS) and CSV](docs/nurse.md#calendars-ics-and-csv), [Printable " +
        "sheet](docs/nurse.md#printable-sheet), " +
        "[EHR export](docs/scripts-and-ehr.md#ehr-export---format-fhir))",
      default: "`table`",
    },
  },
  {
    flags: "--time <HH:MM>",
    key: "time",
    group: "Calendar (--format ics):",
    scope: { site: 14 },
    batch: "refused",
    calendar: "starts each calendar event at that time",
    sheet: "gives the printed sheet's clock times",
    ehr: "each FHIR dosage's start",
    value: { kind: "time" },
    description:
      "ICS, HTML and FHIR only (an error otherwise): chair time, 9:00 or 09:00; events start then and end after the estimated " +
      "chair time, the sheet's rate plans get clock times, FHIR has one dosage per rate step starting at its dateTime; " +
      "a time the clocks skip that day moves forward (RFC 5545: 02:30 -> 03:30) with a note",
    defaultText: "all-day events",
    readme: {
      text:
        "ICS, HTML and FHIR only: chair time (`9:00` or `09:00`, 0–23 h); events then start at that time and end after the estimated " +
        "chair time; the printed sheet gives each rate step its clock time; FHIR gives each rate step a dosage starting at " +
        "its dateTime (typed on the command line only: a site's `time` setting does not apply to FHIR). " +
        "A time the clocks skip that day moves forward (RFC 5545: 02:30 → 03:30) with a note",
      default: "all-day events",
    },
  },
  {
    flags: "--tz <zone>",
    key: "tz",
    group: "Calendar (--format ics):",
    scope: { site: 13 },
    batch: "refused",
    calendar: "is the zone of --time in calendar events",
    sheet: "of the printed sheet's clock times",
    ehr: "of the FHIR dosages' offsets",
    value: { kind: "tz" },
    description:
      "ICS, HTML and FHIR only, with --time (an error otherwise): IANA time zone of --time, e.g. Europe/London; an empty or " +
      "unknown system zone is an error, never UTC",
    defaultText: "the system zone",
    readme: {
      text: "ICS, HTML and FHIR only, with `--time`: its IANA zone; without `--tz`, an empty or unknown system zone is an error",
      default: "the system zone",
    },
  },
  {
    flags: "--calendar-id <text>",
    key: "calendarId",
    group: "Calendar (--format ics):",
    scope: "run",
    batch: "refused",
    calendar: "keeps calendar event UIDs stable",
    value: { kind: "calendarId" },
    description:
      "ICS only (an error otherwise): an opaque reference for the patient's calendar (no patient names): event UIDs derive " +
      "from it and the course and day alone, so a reissue after a change of weight, dose, product or start replaces the events",
    defaultText: "--patient-ref, else derived from the inputs (a reissue then adds events)",
    readme: {
      text: "ICS only: the calendar's identity; UIDs derive from it and the course and day, so a reissue replaces events",
      default: "`--patient-ref`, else derived from the inputs",
    },
  },
  {
    flags: "--sequence <n>",
    key: "sequence",
    group: "Calendar (--format ics):",
    scope: "run",
    batch: "refused",
    calendar: "numbers a reissued calendar",
    value: whole({ min: 0, max: 1000 }, ""),
    description: "ICS only (an error otherwise): raise when reissuing a changed schedule (0–1000)",
    defaultText: "0",
    readme: { text: "ICS only: raise it when reissuing a changed schedule (0–1000)", default: "0" },
  },
  {
    flags: "--patient-ref <ref>",
    patientData: true,
    key: "patientRef",
    group: "Output:",
    scope: "patient",
    value: { kind: "fhirReference" },
    description:
      "FHIR and ICS only (an error otherwise): the MedicationRequest's subject, Patient/<id> (id: 1–64 of " +
      "A–Z a–z 0–9 - .), e.g. Patient/123; the FHIR ids and (without --calendar-id) the calendar's event UIDs derive from " +
      "it, never written to the calendar; patient data, so never a site setting",
    defaultText: "a display-only subject",
    readme: {
      text:
        "FHIR and ICS ([EHR export](docs/scripts-and-ehr.md#ehr-export---format-fhir)): the subject, a FHIR reference " +
        "`Patient/<id>`; the identity " +
        "that FHIR ids and calendar UIDs derive from; a batch key, never a site setting",
      default: "display-only subject",
    },
  },
  {
    flags: "--fhir-bundle <type>",
    key: "fhirBundle",
    group: "Output:",
    scope: "run",
    batch: "refused",
    value: choice(["collection", "transaction"]),
    description:
      "FHIR only (an error otherwise): collection (a Bundle to file) or transaction (each MedicationRequest a POST, so an " +
      "EHR takes the Bundle in one call)",
    defaultText: "collection",
    readme: {
      text:
        "FHIR only ([EHR export](docs/scripts-and-ehr.md#ehr-export---format-fhir)): `collection`, or `transaction` " +
        "(each entry a `POST`, taken in " +
        "one call)",
      default: "`collection`",
    },
  },
  {
    flags: "--on <YYYY-MM-DD>",
    key: "on",
    group: "Output:",
    scope: "run",
    batch: "refused",
    value: DATE,
    description:
      "show only the infusion(s) on this date, planned as the whole schedule (same course numbers, rates, moves and " +
      "warnings); the printed sheet is the summary and that day's page; a date without an infusion names the nearest ones",
    readme: {
      text:
        "only that date's infusion(s), in every format, planned as the whole schedule ([Showing part of a schedule]" +
        "(docs/nurse.md#showing-part-of-a-schedule---on-and---course))",
      default: "every infusion",
    },
  },
  {
    flags: "--course <n>",
    key: "course",
    group: "Output:",
    scope: "run",
    batch: "refused",
    value: whole({ min: 1, max: LIMITS.coursesGiven.max + LIMITS.doses.max }, ""),
    description: "show only course n (as numbered in the output), planned as the whole schedule; not with --on",
    readme: {
      text: "only course n (as printed), in every format, planned as the whole schedule",
      default: "every course",
    },
  },
  {
    flags: "--json",
    key: "json",
    group: "Output:",
    scope: "run",
    batch: "refused",
    value: FLAG,
    description: "same as --format json",
    readme: { text: "same as `--format json`", default: "off" },
  },
  {
    flags: "--explain",
    key: "explain",
    group: "Output:",
    scope: "run",
    batch: "refused",
    value: FLAG,
    description:
      "show the arithmetic step by step: the formula, numbers, result and source of every number (an Explain section in the " +
      "table; an explain array with --json)",
    readme: {
      text:
        "the arithmetic behind every number, step by step, with its source ([Explaining a " +
        "number](docs/pharmacist.md#explaining-a-number---explain))",
      default: "off",
    },
  },
  {
    flags: "--color",
    key: "color",
    group: "Output:",
    scope: "run",
    batch: "unknown",
    description: "force color in the table",
    readme: {
      text: "force color (`--no-color`: none); `NO_COLOR` and `FORCE_COLOR` are honoured",
      default: "color only on a terminal",
    },
  },
  {
    flags: "--no-color",
    key: "color",
    group: "Output:",
    scope: "run",
    batch: "unknown",
    description: "no color (NO_COLOR is honoured " + "too)",
  },
  {
    flags: "--debug",
    key: "debug",
    group: "Output:",
    scope: "run",
    batch: "unknown",
    description: "print stack traces of internal errors",
    readme: { text: "print the stack trace of an internal error (any command)", default: "off" },
  },
];

/** The --help groups, in the order --help lists them. */
export const OPTION_GROUPS: readonly OptionGroup[] = [
  "Patient:",
  "Regimen:",
  "Product and rates:",
  "SCIG:",
  "Calendar (--format ics):",
  "Output:",
  "Site:",
];

/** In validation order: the first bad option in this order is the one reported. */
export const SCHEDULE_OPTIONS: readonly OptionSpec[] = [
  ...PATIENT_OPTIONS,
  ...REGIMEN_OPTIONS,
  PLAN_OPTION,
  ...PRODUCT_OPTIONS,
  ROUTE_OPTION,
  ...PLACEMENT_OPTIONS,
  ...FILE_OPTIONS,
  ...SCIG_OPTIONS,
  ROUND_OPTION,
  ...OUTPUT_OPTIONS,
];

/** The options that are validated, one per key (not --no-…, --color, --debug), in validation order. */
export const VALUE_OPTIONS: readonly (OptionSpec & { readonly value: ValueSpec })[] = SCHEDULE_OPTIONS.filter(
  (o): o is OptionSpec & { readonly value: ValueSpec } => o.value !== undefined,
);

/** Whether the option takes a value (`<…>` in its flags). */
export function takesValue(spec: OptionSpec): boolean {
  return spec.flags.includes("<");
}

/** Keys of the options that take a list. */
export const LIST_KEYS: ReadonlySet<string> = new Set(
  VALUE_OPTIONS.filter((o) => o.value.kind === "list" || o.value.kind === "avoid").map((o) => o.key),
);

/** Keys of the on/off options (no value). */
export const FLAG_KEYS: ReadonlySet<string> = new Set(SCHEDULE_OPTIONS.filter((o) => !takesValue(o)).map((o) => o.key));

/** The site settings, in the order `mmn-dose config` lists them. */
export const SITE_KEYS: readonly string[] = VALUE_OPTIONS.flatMap((o) =>
  typeof o.scope === "object" ? [[o.scope.site, o.key] as const] : [],
)
  .sort((a, b) => a[0] - b[0])
  .map(([, key]) => key);

/** Patient data: never from the environment or a config file. */
/** Patient data (`patientData` rows): who the patient is and their body, given per patient only. */
export const PATIENT_DATA_KEYS: readonly string[] = VALUE_OPTIONS.filter((o) => o.patientData).map((o) => o.key);

export const PATIENT_KEYS: ReadonlySet<string> = new Set([
  ...VALUE_OPTIONS.filter((o) => o.scope === "patient").map((o) => o.key),
  "id",
  "name",
]);

/** The options of one route, in table order. */
export function routeOnly(route: Route, refusedOnly = false): readonly OptionSpec[] {
  return VALUE_OPTIONS.filter((o) => o.route === route && !(refusedOnly && o.otherRoute === "ignored"));
}

/** `maxDaily` → `MMN_DOSE_MAX_DAILY` */
export function envName(key: string): string {
  return `MMN_DOSE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
}

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
  const listable =
    Array.isArray(value) && LIST_KEYS.has(key) && value.every((v) => typeof v === "number" || typeof v === "string");
  if (listable) return value.join(",");
  return JSON.stringify(value);
}
