import { UsageError } from "./cliError.js";
import { escapeControl } from "./escape.js";
import { FLAG_KEYS, LIST_KEYS, longFlagOf } from "./options.js";
import { phrased } from "./optionWords.js";
import { closest } from "./suggest.js";

/**
 * `mmn-dose compare --regimen dose=2,every=4`: the regimen keys (the batch keys that describe a
 * regimen, camelCase), read as the flags of the same name are (validate.ts checks their values).
 */
export const REGIMEN_KEYS: readonly string[] = [
  "dose",
  "every",
  "days",
  "maxDaily",
  "product",
  "vials",
  "round",
  "route",
  "scigProduct",
  "scigFactor",
  "scigEvery",
  "sessions",
  "maxRate",
  "initialRate",
  "rateSteps",
  "stepMinutes",
  "allowAboveLabelRate",
];

/** Keys of the patient (and of whose label applies): the same for every regimen, given on the command line. */
export const PATIENT_LEVEL_KEYS: readonly string[] = [
  "weight",
  "height",
  "sex",
  "age",
  "pregnant",
  "dosingWeight",
  "policy",
  "atRisk",
  "region",
];

/** Site settings a comparison uses, as defaults for every regimen (dates, weekends and clock times do not apply). */
export const SITE_DEFAULT_KEYS: readonly string[] = [
  "product",
  "vials",
  "round",
  "maxDaily",
  "maxRate",
  "stepMinutes",
  "rateSteps",
  "scigProduct",
];

/** Keys of a dated schedule: a steady-state year has no dates, no course count and no first infusions. */
const SCHEDULE_ONLY_KEYS: readonly string[] = [
  "courses",
  "until",
  "start",
  "skipWeekends",
  "avoid",
  "avoidFile",
  "firstInfusion",
  "lastIvig",
  "lastCourse",
  "coursesGiven",
  "lastProduct",
  "lastScig",
  "doses",
  "on",
  "course",
];

/** One `--regimen` as typed and its values, as commander would hand over the flags of the same name. */
export interface RegimenText {
  readonly text: string;
  readonly values: Readonly<Record<string, string | boolean>>;
}

function refuse(text: string, why: string): never {
  throw new UsageError("INVALID_REGIMEN", `--regimen ${escapeControl(text)}: ${why}`);
}

/**
 * A key as typed, in the flag's spelling (`max-daily`, `--max-daily`) or the batch key's (`maxDaily`).
 *
 * @example
 * camelKey("scig-product") //=> "scigProduct"
 */
function camelKey(typed: string): string {
  return typed.replace(/^--/, "").replace(/-([a-z])/g, (_m, letter: string) => letter.toUpperCase());
}

/** Why `key` (typed as `typed`) is not a regimen key, naming where it goes or the closest regimen key. */
function notARegimenKey(key: string, typed: string): string {
  if (PATIENT_LEVEL_KEYS.includes(key)) {
    return `'${escapeControl(typed)}' is patient data, the same for every regimen: give ${longFlagOf(key)} once on the command line`;
  }
  if (SCHEDULE_ONLY_KEYS.includes(key)) {
    return (
      `'${escapeControl(typed)}' has no place in a comparison, which sums a steady-state year ` +
      "(no dates, no course count, no first infusions)"
    );
  }
  const near = closest(key, REGIMEN_KEYS);
  const hint = near === undefined ? "" : ` (did you mean ${near}?)`;
  return `unknown key '${escapeControl(typed)}'${hint}; the regimen keys are ${REGIMEN_KEYS.join(", ")}`;
}

/**
 * Reads `key=value,key=value` (spaces around a pair are dropped). A list value goes on over the commas up to the next `key=`
 * (`vials=10,20,every=4`); an on/off key takes true or false. Errors name the regimen and the key.
 *
 * @example
 * parseRegimen("dose=1,every=2,vials=10,20") //=> { text, values: { dose: "1", every: "2", vials: "10,20" } }
 */
export function parseRegimen(text: string): RegimenText {
  if (text.trim() === "") {
    throw new UsageError(
      "INVALID_REGIMEN",
      "--regimen is empty: give key=value pairs separated by commas, e.g. dose=2,every=4",
    );
  }
  const values: Record<string, string | boolean> = {};
  let listKey: string | undefined;
  // A space after a comma is read as none (`dose=2, every=4`), as in the flags' lists.
  for (const part of text.split(",").map((p) => p.trim())) {
    const equals = part.indexOf("=");
    if (equals < 0) {
      if (listKey !== undefined && part !== "") {
        values[listKey] = `${String(values[listKey])},${part}`;
        continue;
      }
      refuse(text, `'${escapeControl(part)}' is not key=value (pairs are separated by commas, e.g. dose=2,every=4)`);
    }
    const typed = part.slice(0, equals);
    const key = camelKey(typed);
    const value = part.slice(equals + 1);
    if (!REGIMEN_KEYS.includes(key)) refuse(text, notARegimenKey(key, typed));
    if (key in values) refuse(text, `'${key}' is given twice`);
    if (FLAG_KEYS.has(key)) {
      if (value !== "true" && value !== "false")
        refuse(text, `${key} must be true or false; got '${escapeControl(value)}'`);
      values[key] = value === "true";
    } else {
      values[key] = value;
    }
    listKey = LIST_KEYS.has(key) ? key : undefined;
  }
  return { text, values };
}

/** An error about one regimen: prefixed with it, in the terms of its keys. */
export function regimenError(regimen: RegimenText, code: string, message: string): UsageError {
  return new UsageError(code, `--regimen ${escapeControl(regimen.text)}: ${inRegimenTerms(regimen, message)}`);
}

/**
 * A message about one regimen with the flags of the keys it gives written as those keys: `--vials 7: …`
 * → `vials=7: …`, then `--dose must be …` → `dose must be …` (errors and warnings name what was typed).
 */
export function inRegimenTerms(regimen: RegimenText, message: string): string {
  let text = phrased(message, "flags");
  for (const [key, value] of Object.entries(regimen.values)) {
    const flag = longFlagOf(key);
    text = text.split(`${flag} ${String(value)}`).join(`${key}=${String(value)}`);
    text = text.replace(new RegExp(`${flag}(?![\\w-])`, "g"), key);
  }
  // A regimen key the regimen does not give, but a message suggests (`--scig-every sets another interval`),
  // is a key of the regimen too, unless compare also takes it on the command line.
  for (const key of REGIMEN_KEYS.filter((k) => !SITE_DEFAULT_KEYS.includes(k))) {
    text = text.replace(new RegExp(`${longFlagOf(key)}(?![\\w-])`, "g"), key);
  }
  return text;
}
