/**
 * Every option the core may name, by its key (the options table's `key`, the batch and config key).
 * The core never spells a flag: a message names an option with {@link option}, and the CLI phrases
 * that mention for its reader (src/cli/optionWords.ts): `--max-daily 1` on the one-patient command,
 * `'maxDaily': 1` in a batch line or a plan file. The options table (src/cli/options.ts) is typed by
 * this list, and a test checks that every key here has a row there.
 */
export const OPTION_KEYS = [
  "weight",
  "height",
  "sex",
  "dosingWeight",
  "policy",
  "age",
  "pregnant",
  "dose",
  "every",
  "days",
  "maxDaily",
  "courses",
  "until",
  "start",
  "lastCourse",
  "coursesGiven",
  "lastProduct",
  "product",
  "region",
  "vials",
  "maxRate",
  "allowAboveLabelRate",
  "initialRate",
  "rateSteps",
  "stepMinutes",
  "atRisk",
  "firstInfusion",
  "skipWeekends",
  "avoid",
  "avoidFile",
  "plan",
  "route",
  "round",
  "output",
  "config",
  "scigProduct",
  "scigFactor",
  "scigEvery",
  "sessions",
  "lastIvig",
  "lastScig",
  "doses",
  "format",
  "time",
  "tz",
  "calendarId",
  "sequence",
  "patientRef",
  "fhirBundle",
  "on",
  "course",
  "json",
  "explain",
  "color",
  "debug",
] as const;

export type OptionKey = (typeof OPTION_KEYS)[number];

/** A value an option takes, as a batch line would send it: `3`, `"none"`, `false`, `[10, 20]`. */
export type OptionValue = string | number | boolean | readonly (string | number)[];

// Private-use characters: never in a flag, a key or a number, so a mention is found without guessing.
const OPEN = "\u{E000}";
const WITH = "\u{E001}";
const CLOSE = "\u{E002}";

/**
 * A mention of option `key` (with the value it takes, if any) in a message, an error or a remedy:
 * a token that the CLI phrases in its reader's words before anything is shown.
 *
 * @example
 * `at most 70 g a day (${option("maxDaily", 1)} g/kg)` // → "(--max-daily 1 g/kg)" or "('maxDaily': 1 g/kg)"
 */
export function option(key: OptionKey, value?: OptionValue): string {
  return value === undefined ? `${OPEN}${key}${CLOSE}` : `${OPEN}${key}${WITH}${JSON.stringify(value)}${CLOSE}`;
}

/** Every mention in a text: group 1 the key, group 2 the value as JSON (absent for a bare mention). */
export const MENTION = /\u{E000}([A-Za-z]+)(?:\u{E001}([^\u{E002}]*))?\u{E002}/gu;

/** A mention's parts. */
export interface Mention {
  readonly key: OptionKey;
  readonly value?: OptionValue;
}

/** The mentions in `text`, in order. */
export function mentionsIn(text: string): Mention[] {
  return [...text.matchAll(MENTION)].map((m) => ({
    key: m[1] as OptionKey,
    ...(m[2] === undefined ? {} : { value: JSON.parse(m[2]) as OptionValue }),
  }));
}
