import { REVIEW_SOURCES } from "./reviewSources.js";
import { SOURCES, type Source } from "./sources.js";

/**
 * What every warning and note code means, when it fires, what backs it and what addresses it:
 * `mmn-dose explain <CODE>`. The codes are the keys of these tables: `WarningCode` and `NoteCode`
 * (src/core/messages.ts) are derived from them, so a code raised without an entry does not compile;
 * test/data/messageCodes.test.ts also scans src/ for codes passed to `message(…)` and its wrappers,
 * and fails on an entry whose code is no longer raised.
 */
interface MessageCodeEntry {
  /** One line: what it tells the reader. */
  readonly meaning: string;
  /** The condition that raises it. */
  readonly firesWhen: string;
  /** What backs the rule (the product's own label is cited in the schedule's sources where it applies). */
  readonly sources: readonly Source[];
  /** Options that address it, as the warning may offer them (`remedies` in JSON), with what each does. */
  readonly remedies?: readonly string[];
}

/** An entry with whether its code is a warning or a note (which table it is in). */
export interface MessageCodeInfo extends MessageCodeEntry {
  readonly kind: "warning" | "note";
}

const label = "the product's own label (cited with the schedule)";

const WARNINGS = {
  REVIEW_OVERDUE: {
    meaning: "mmn-dose review: the programme's next review is past due on the review date",
    firesWhen:
      "--programme ontario: no measures 6 months after the first infusion, or none within 12 months of the last " +
      "review; --programme bc: no measures 3 months after the first infusion",
    sources: [REVIEW_SOURCES.ontarioNeurology, REVIEW_SOURCES.bcNeuromuscular],
  },
  COURSE_OFF_SCHEDULE: {
    meaning: "mmn-dose review: a course started more than 4 days away from --every after the one before",
    firesWhen: "review --every N: the days between two course starts differ from 7 × N by more than 4",
    sources: [SOURCES.optionCareScheduling],
  },
  DAY_ABOVE_MAX_DAILY: {
    meaning: "a day's prescribed dose is above --max-daily",
    firesWhen: "--days puts more than --max-daily × dosing weight on one day, before rounding",
    sources: [SOURCES.ontarioIgumMaxDaily],
    remedies: ["leave --days out: the fewest days within --max-daily"],
  },
  ROUNDED_DAY_ABOVE_MAX_DAILY: {
    meaning: "rounding puts a day more than 10 % above --max-daily",
    firesWhen:
      "the prescribed days are within --max-daily, but the rounded total puts a day more than the 10 % rounding tolerance above " +
      "it (within 10 %: the note ROUNDED_DAY_WITHIN_TOLERANCE)",
    sources: [SOURCES.ontarioIgumMaxDaily, SOURCES.siegelRounding],
    remedies: ["--days N+1 (one more day)", "--round none"],
  },
  DAY_ABOVE_1_G_PER_KG: {
    meaning: "a day above 1 g/kg, the daily maximum the tool defaults to",
    firesWhen: "--max-daily above 1 lets a day exceed 1 g/kg of dosing weight",
    sources: [SOURCES.ontarioIgumMaxDaily],
  },
  OUTSIDE_EFNS_MAINTENANCE: {
    meaning: "the regimen is not an EFNS/PNS typical maintenance regimen",
    firesWhen:
      "the IVIG dose and interval are not 1 g/kg every 2–4 weeks or 2 g/kg every 4–8 weeks (SCIG: the IVIG converted)",
    sources: [SOURCES.efnsPns2006],
  },
  ABOVE_LABEL_MONTHLY_DOSE: {
    meaning: "more than the Gammagard Liquid MMN label's 2.4 g/kg/month",
    firesWhen:
      "the course dose per kg of dosing weight, per average calendar month (365.25 ÷ 12 days), is above 2.4; in a --plan, " +
      "also the grams given in any 28 days across the change from one IVIG phase to the next, when each phase's own " +
      "regimen is within 2.4",
    sources: [SOURCES.gammagardMmn],
  },
  BELOW_LABEL_MONTHLY_DOSE: {
    meaning: "less than the Gammagard Liquid MMN label's 0.5 g/kg/month",
    firesWhen: "the course dose per kg of dosing weight, per average calendar month (365.25 ÷ 12 days), is below 0.5",
    sources: [SOURCES.gammagardMmn],
  },
  OBESE_ON_ACTUAL_WEIGHT: {
    meaning: "an obese patient is dosed on actual weight; names the policies that would adjust and their weight",
    firesWhen: "BMI above 30 and the dosing weight is the actual weight",
    sources: [SOURCES.ontarioDoseCalculator],
  },
  DEVINE_NOT_VALID: {
    meaning: "Devine ideal weight is not used at this height: dosed on actual weight",
    firesWhen: "a Devine-based rule with a height below the rule's minimum (132 cm, or the policy's own)",
    sources: [SOURCES.devineValidity],
  },
  DEVINE_EXTRAPOLATED: {
    meaning: "Devine ideal weight is extrapolated below 152.4 cm, where it is validated",
    firesWhen: "a Devine-based rule with a height from 132 cm to under 152.4 cm",
    sources: [SOURCES.devineValidity],
  },
  PATIENT_UNDER_18: {
    meaning: "the MMN indication is for adults; no MMN dose for under-18s was found",
    firesWhen: "--age under 18; says what the policy does with under-18s",
    sources: [SOURCES.gammagardMmn],
  },
  PREGNANCY: {
    meaning: "pregnancy: which weight the policy doses on, or that no rule is applied",
    firesWhen: "--pregnant with a policy that doses on the pre-pregnancy weight or says nothing, or with no --policy",
    sources: [SOURCES.ontarioDoseCalculator, SOURCES.lifeblood2026],
  },
  WEIGHT_LOOKS_LIKE_POUNDS: {
    meaning: "the weight may be pounds typed as kg",
    firesWhen: "BMI ≥ 50 with a weight not typed in lb, or a weight ≥ 150 kg with no --height to check it",
    sources: [SOURCES.ismpIncorrectWeights, SOURCES.ontarioDoseCalculator, SOURCES.lifeblood2026],
    remedies: [
      "--weight <n>lb when it is pounds",
      "--height to check the BMI",
      "--sex and --policy for a heavy patient",
    ],
  },
  HEAVY_WITHOUT_HEIGHT: {
    meaning: "a heavy weight with no height: dosed on actual weight unprompted, or pounds typed as kg",
    firesWhen:
      "a weight of 100 to < 150 kg not typed in lb, with no --height and no --dosing-weight (100 kg is BMI > 30 below 182.6 cm)",
    sources: [SOURCES.ontarioDoseCalculator, SOURCES.lifeblood2026, SOURCES.ismpIncorrectWeights],
    remedies: [
      "--height and --sex, and --policy (adjusted weight)",
      "--dosing-weight actual to keep actual weight",
      "--weight <n>lb when it is pounds",
    ],
  },
  HEIGHT_LOOKS_LIKE_INCHES: {
    meaning: "the height may be inches typed as cm",
    firesWhen: "a height of 48–96 typed as a bare number or in cm",
    sources: [SOURCES.ismpIncorrectWeights],
    remedies: ["--height <n>in when it is inches"],
  },
  MAX_RATE_ABOVE_LABEL: {
    meaning: "the maximum rate is above the label's",
    firesWhen:
      "--max-rate above the label's maximum (or, without label rates, the same product's other label, else NL-IVIG002's top row), " +
      "accepted with --allow-above-label-rate",
    sources: [SOURCES.gammagardPi],
  },
  INITIAL_RATE_ABOVE_LABEL: {
    meaning: "the initial rate is above the label's",
    firesWhen:
      "--initial-rate above the label's initial rate (or, without label rates, the same product's other label, else NL-IVIG002's " +
      "first row), accepted with --allow-above-label-rate",
    sources: [SOURCES.gammagardPi],
  },
  AT_RISK: {
    meaning:
      "a patient at risk of renal dysfunction or thrombosis: the plan runs slower than the ordinary one; hydrate",
    firesWhen:
      "--at-risk: the plan stops at the label's numeric cap (Octagam 10 %, Panzyga), else at the NL-IVIG002 step below the label's " +
      "'less than' figure (Gamunex-C) or below the label maximum, never above 0.08 mL/kg/min; a --max-rate already at or below that " +
      "top is kept (and the warning says the plan is then the same as without --at-risk)",
    sources: [SOURCES.gammagardBoxedWarning, SOURCES.nlIvig002, SOURCES.gamunexCRenalRate],
  },
  AT_RISK_DAY_VOLUME: {
    meaning:
      "a patient at risk (--at-risk, or older than 65) is planned a day of 1 g/kg or more: more days are offered",
    firesWhen:
      "--at-risk or --age over 65, and an IVIG course of at least 1 g/kg a day (the Gamunex-C label's high-dose regimen, not " +
      "recommended where fluid volume may be a concern)",
    sources: [SOURCES.gamunexCDosage, SOURCES.gammagardBoxedWarning],
    remedies: ["--days <n>: the same course over more days, at most 0.5 g/kg a day where 5 days allow it"],
  },
  STEP_MINUTES_BELOW_LABEL: {
    meaning: "each rate runs shorter than the label's step time: the rate rises faster than the label allows",
    firesWhen:
      "--step-minutes below the label's step (Gammagard Liquid, Octagam 10 %: 30 min; Panzyga: 15 min; no label figure: the " +
      "plan's 30 min), accepted with --allow-above-label-rate",
    sources: [SOURCES.gammagardPi, SOURCES.octagamDailymed, SOURCES.panzygaDosage],
  },
  AT_RISK_HOLDS_LABEL_RATE: {
    meaning: "with --at-risk the label's rate or step time is used, not the faster one asked for",
    firesWhen:
      "--at-risk with --initial-rate or --max-rate above the label's (or its bound), or --step-minutes shorter than the label's " +
      "step (--allow-above-label-rate does not apply)",
    sources: [SOURCES.gammagardBoxedWarning],
  },
  RATE_TIMING_NOT_IN_LABEL: {
    meaning: "the label does not say how long each rate runs: 30 min is used",
    firesWhen: "the product's label gives no step time and --step-minutes is not given",
    sources: [SOURCES.gammagardPi, SOURCES.octagamDailymed],
    remedies: ["--step-minutes <your protocol's minutes>"],
  },
  NOT_LABELLED_FOR_MMN: {
    meaning: "the chosen region's label does not name MMN (or no label text was found for it)",
    firesWhen:
      "the indications of the product's label for the chosen --region do not name MMN, or no label text was found for that region; " +
      `the rates are then another indication's (${label})`,
    sources: [SOURCES.gammagardMmn],
  },
  SCIG_FACTOR_BELOW_1: {
    meaning: "the SCIG dose is less than the IVIG dose",
    firesWhen: "--scig-factor below 1: starting SCIG at 50 % of the IVIG dose failed in 4 of 5 MMN patients",
    sources: [SOURCES.jpns2009],
  },
  SCIG_WEEKLY_ABOVE_0_4_G_PER_KG: {
    meaning: "the weekly SCIG dose is above 0.4 g/kg, the EU SCIG CIDP maximum",
    firesWhen:
      "IVIG course ÷ weeks × factor, per kg of dosing weight, is above 0.4 g/kg a week, beyond the MMN study's dose (that is the " +
      "SCIG_WEEKLY_MMN_STUDY note)",
    sources: [SOURCES.euScigCidp11],
  },
  SCIG_SITES_ABOVE_LABEL: {
    meaning: "more infusion sites in one infusion than the label allows",
    firesWhen:
      "the volume needs more sites (within the per-site volume) than the label allows in turn (Hizentra: 12), or, for a " +
      "label that only limits sites at once (Cuvitru 4, Xembify 6, Cutaquig US 6, Gammagard Liquid SC 8), more than 12 " +
      "(or that limit, if larger) in one infusion",
    sources: [SOURCES.hizentraSites],
    remedies: ["--sessions 2, when half the dose fits"],
  },
  SCIG_FACTOR_BELOW_MMN_STUDY: {
    meaning: "IVIG below 2 g/kg/month converted at less than the MMN study's 1.53",
    firesWhen:
      "--route scig from IVIG below 2 g/kg/month with a factor under 1.53: 3 of 6 patients on less developed intolerable weakness; " +
      "names the weekly dose at 1.53",
    sources: [SOURCES.muscleNerve2016],
    remedies: ["--scig-factor 1.53"],
  },
  AGE_OVER_65: {
    meaning: "age over 65 is a renal and thrombosis risk factor",
    firesWhen: "--age over 65 without --at-risk",
    sources: [SOURCES.gammagardBoxedWarning],
    remedies: ["--at-risk, for products that accept it without --max-rate"],
  },
  COURSE_SPREAD_OVER_WEEK: {
    meaning: "after the moves a course's days span more than a week",
    firesWhen: "--skip-weekends or --avoid spread a course's days over more than 7 calendar days",
    sources: [SOURCES.efnsPns2006],
    remedies: ["--no-skip-weekends, when weekends alone cause it"],
  },
  COURSES_CLOSE_TOGETHER: {
    meaning: "after the moves two courses are closer than prescribed",
    firesWhen:
      "the moves bring a course more than 4 days (the scheduling window) closer to the one before than planned",
    sources: [SOURCES.optionCareScheduling],
  },
  PHASE_STARTS_EARLY: {
    meaning: "a treatment plan's phase starts before the previous phase's next course date: the phases' doses stack",
    firesWhen:
      "--plan: a phase's own start is more than 4 days (the scheduling window) before the date the previous phase's next " +
      "course would have started (its last course's start + its interval)",
    sources: [SOURCES.optionCareScheduling],
  },
  SCIG_STARTS_EARLY: {
    meaning: "SCIG starts less than the labels' one week after the last IVIG infusion",
    firesWhen:
      "--plan: an SCIG phase after an IVIG phase sets its own start less than 7 days after the last IVIG infusion",
    sources: [SOURCES.hizentraCidp],
  },
} satisfies Readonly<Record<string, MessageCodeEntry>>;

const NOTES = {
  ROUNDED: {
    meaning: "the course (or SCIG) dose was rounded: from what, to what, how",
    firesWhen:
      "the rounded total differs from the exact dose (--round vial, 5g or none to 0.01 g; SCIG under Ontario: 5 g first)",
    sources: [SOURCES.asciaRounding, SOURCES.ontarioDoseCalculator],
  },
  NOT_ROUNDED: {
    meaning: "the course dose needed no rounding",
    firesWhen: "the exact course dose is already a total the rounding allows",
    sources: [],
  },
  SPLIT: {
    meaning: "how each course is split over its days, and why that many days",
    firesWhen: "every IVIG schedule: the fewest days within --max-daily, or --days",
    sources: [SOURCES.ontarioIgumMaxDaily],
  },
  VIAL_LEFTOVER: {
    meaning: "a dose is not whole vials: what is left in the last vial",
    firesWhen: "a day's dose cannot be made exactly from the vials (--round none, or --vials)",
    sources: [],
  },
  DOSING_WEIGHT: {
    meaning: "dosed on ideal or adjusted weight, and what that changes per course",
    firesWhen: "the dosing weight is not the actual weight",
    sources: [SOURCES.nbaBloodstarIbw],
  },
  DOSING_WEIGHT_OVERRIDES_POLICY: {
    meaning: "--dosing-weight overrides the policy's weight rule",
    firesWhen: "--dosing-weight and --policy together",
    sources: [],
  },
  ROUNDING_OVERRIDES_POLICY: {
    meaning: "--round overrides the policy's rounding",
    firesWhen: "--round differs from the rounding of the --policy given",
    sources: [],
  },
  AGE_ASSUMED_ADULT: {
    meaning: "--age not given: treated as an adult for the policy's age rule",
    firesWhen: "a policy with an age rule (Australia, UK) and no --age",
    sources: [],
  },
  RATE_FROM_OPTION: {
    meaning: "a rate comes from an option, or --rate-steps above the --at-risk maximum are not run",
    firesWhen: "--initial-rate or --max-rate at or below the label's; --rate-steps above the at-risk cap",
    sources: [],
  },
  RATE_PLAN: {
    meaning: "where the rate plan's steps and their timing come from",
    firesWhen: "every IVIG schedule",
    sources: [SOURCES.nlIvig002, SOURCES.gammagardPi],
  },
  RATE_FASTEST_LABEL_PLAN: {
    meaning: "the chair time of the fastest plan the label allows, beside the titrated plan's",
    firesWhen: "a plan on the NL-IVIG002 steps (the label gives none)",
    sources: [],
  },
  VIALS_FROM_OPTION: {
    meaning: "rounding and dispensing use only the stocked vial sizes",
    firesWhen: "--vials",
    sources: [],
  },
  SCIG_FACTOR: {
    meaning: "the SCIG:IVIG factor and where it comes from",
    firesWhen: "every SCIG schedule",
    sources: [SOURCES.euScigCidp11, SOURCES.hizentraPiFactor, SOURCES.muscleNerve2016],
  },
  SCIG_START: {
    meaning: "when SCIG starts: the labels start it one week after the last IVIG",
    firesWhen: "every SCIG schedule (from --last-ivig, --start or today)",
    sources: [SOURCES.hizentraCidp],
  },
  HYQVIA_RAMP_UP: {
    meaning: "HyQvia ramps up: 1-, 2-, 3-week doses before the full interval",
    firesWhen: "HyQvia given every 2 weeks or more",
    sources: [SOURCES.hyqviaRampUp],
  },
  SCIG_WEEKLY_MMN_STUDY: {
    meaning: "the weekly SCIG dose is above the 0.4 g/kg/week CIDP label maximum, and is the dose the MMN study used",
    firesWhen:
      "weekly SCIG above 0.4 g/kg at the MMN study's conversion (1:1 for IVIG at 2 g/kg every 4 weeks or less, 1.53:1 below 2 " +
      "g/kg/month): 2 g/kg every 4 weeks converts to 0.5 g/kg/week",
    sources: [SOURCES.euScigCidp11, SOURCES.muscleNerve2016, SOURCES.harbo2009],
  },
  SCIG_SITE_ROUNDS: {
    meaning: "the sites run in rounds, one after another, never more at once than the label allows",
    firesWhen: "an SCIG volume needs more sites than the label allows at once",
    sources: [SOURCES.hizentraSites],
    remedies: ["--sessions 2 splits the dose over 2 days"],
  },
  SCIG_EVERY_SHORTENED: {
    meaning: "HyQvia is given more often than the IVIG interval",
    firesWhen: "the IVIG interval's HyQvia dose would be above its 1200 mL a day",
    sources: [SOURCES.hyqviaCidp],
  },
  RATE_TABLE_WEIGHT_RANGE: {
    meaning: "the NL-IVIG002 steps are scaled outside that table's 40–130 kg rows",
    firesWhen: "a plan on the NL-IVIG002 steps for a dosing weight below 40 or above 130 kg",
    sources: [SOURCES.nlIvig002],
  },
  MOVE_RULE: {
    meaning: "the rule used to move infusion days off blocked days",
    firesWhen: "--skip-weekends or --avoid",
    sources: [],
  },
  MOVED: {
    meaning: "an infusion day moved: from which date, to which, why",
    firesWhen: "a planned day falls on a weekend (--skip-weekends) or an --avoid date",
    sources: [],
  },
  COURSE_PUSHED: {
    meaning: "a course was pushed past its planned start so that no two infusions share a date",
    firesWhen: "a moved day of the course before reaches the course's planned start",
    sources: [],
  },
  ROUNDED_DAY_WITHIN_TOLERANCE: {
    meaning: "rounding puts a day slightly above --max-daily, within the 10 % rounding tolerance",
    firesWhen: "the rounded total puts a day above --max-daily by at most 10 % (beyond: ROUNDED_DAY_ABOVE_MAX_DAILY)",
    sources: [SOURCES.ontarioIgumMaxDaily, SOURCES.siegelRounding],
  },
  FIRST_INFUSION_AFTER_GAP: {
    meaning: "a later IVIG course starts at the first-infusion rates again",
    firesWhen:
      "an IVIG course starts more than 56 days (8 weeks) after the infusion before it, so its first day runs " +
      "through the first-infusion rate plan",
    sources: [SOURCES.nlIvig002],
  },
  CONTINUES: {
    meaning: "an established patient's schedule continues from the last course (or SCIG dose) given",
    firesWhen:
      "--last-course, --last-scig or --courses-given: says where the schedule starts, the number of its first course and " +
      "whether that course runs at the maintenance or the first-infusion rates, and which rule decided it (more than 56 " +
      "days since the last infusion, a change of product, --first-infusion, or an unknown last date)",
    sources: [SOURCES.nlIvig002, SOURCES.gammagardPi],
  },
  PHASE_DAYS_NOT_INHERITED: {
    meaning: "a plan's phase that changes the dose or --max-daily does not keep the days per course set before it",
    firesWhen:
      '--plan: a phase changes "dose" or "maxDaily" and gives no "days", while days were set before it (e.g. a 5-day ' +
      "induction, then 1 g/kg maintenance: 1 day, not 5)",
    sources: [],
  },
  PHASE_START: {
    meaning: "when a phase of a treatment plan starts, and why",
    firesWhen:
      "--plan: a phase starts on the date the previous phase's next course would have started, or the day after " +
      "its last infusion when moved days reach past that date (no two infusions share a date)",
    sources: [],
  },
  SOLD_AS: {
    meaning: "the product is sold under another name in the chosen region",
    firesWhen: "--region names a region where the product has another name (Gammagard Liquid is Kiovig in the EU)",
    sources: [SOURCES.kiovigSmpc],
  },
} satisfies Readonly<Record<string, MessageCodeEntry>>;

/** The codes of warnings: anything outside a label or guideline, or an override the user forced. */
export type WarningCode = keyof typeof WARNINGS;

/** The codes of notes: every rounding, split and cap the tool applied. */
export type NoteCode = keyof typeof NOTES;

const withKind = <C extends string>(entries: Readonly<Record<C, MessageCodeEntry>>, kind: MessageCodeInfo["kind"]) =>
  Object.fromEntries(Object.entries<MessageCodeEntry>(entries).map(([code, e]) => [code, { kind, ...e }])) as Record<
    C,
    MessageCodeInfo
  >;

/** Every warning and note code, warnings first, each in the order of its table. */
export const MESSAGE_CODES: Readonly<Record<WarningCode | NoteCode, MessageCodeInfo>> = {
  ...withKind(WARNINGS, "warning"),
  ...withKind(NOTES, "note"),
};
