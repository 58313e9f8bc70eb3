import { MENTION, mentionsIn, type OptionKey, type OptionValue } from "../core/optionKeys.js";
import { longFlagOf, SCHEDULE_OPTIONS } from "./options.js";

/**
 * Whose words an option is named in: `flags` for the one-patient command (`--max-daily 1`), `keys`
 * for a batch line and a plan file (`'maxDaily': 1`, `'round': 'none'`), the keys a script or a plan sends.
 */
export type OptionWords = "flags" | "keys";

/** The one place a mention of an option (src/core/optionKeys.ts `option`) becomes words. */
function said(key: OptionKey, value: OptionValue | undefined, words: OptionWords): string {
  // In a sentence a text value is quoted as the key is ('round': 'none'); a remedy is JSON (phrasedRemedy).
  if (words === "keys")
    return value === undefined
      ? `'${key}'`
      : `'${key}': ${typeof value === "string" ? `'${value}'` : JSON.stringify(value)}`;
  if (value === false) {
    const undoing = SCHEDULE_OPTIONS.find((o) => o.key === key && o.flags.startsWith("--no-"));
    if (undoing) return undoing.flags.split(" ")[0]!;
  }
  const flag = longFlagOf(key);
  if (value === undefined || value === true) return flag;
  return `${flag} ${Array.isArray(value) ? value.join(",") : String(value)}`;
}

/**
 * A text with every option it names in `words`.
 *
 * @example
 * phrased(`raise ${option("maxDaily")}`, "flags") //=> "raise --max-daily"
 * phrased(`raise ${option("maxDaily")}`, "keys") //=> "raise 'maxDaily'"
 */
export function phrased(text: string, words: OptionWords): string {
  return text.includes("\u{E000}")
    ? text.replace(MENTION, (_m, key: string, json?: string) =>
        said(key as OptionKey, json === undefined ? undefined : (JSON.parse(json) as OptionValue), words),
      )
    : text;
}

/**
 * A remedy in `words`: flags to add to the command line (`--days 3`), or for a batch line a JSON object
 * of the keys to set on the line (`{"days":3}`, an on/off option `true` or `false`) that a script merges in.
 */
export function phrasedRemedy(remedy: string, words: OptionWords): string {
  const mentions = mentionsIn(remedy);
  if (words === "flags" || mentions.length === 0 || remedy.replace(MENTION, "").trim() !== "") {
    return phrased(remedy, words);
  }
  return JSON.stringify(Object.fromEntries(mentions.map((m) => [m.key, m.value ?? true])));
}

/**
 * A result (or any data) with every string's mentions in `words`; the strings of a `remedies` list
 * as remedies. Called once per result where it leaves the CLI's hands: the one-patient command,
 * a batch line, a compared regimen.
 */
export function phrasedAll<T>(value: T, words: OptionWords): T {
  return phrasedValue(value, words, false) as T;
}

function phrasedValue(value: unknown, words: OptionWords, remedies: boolean): unknown {
  if (typeof value === "string") return remedies ? phrasedRemedy(value, words) : phrased(value, words);
  if (Array.isArray(value)) return value.map((v) => phrasedValue(v, words, remedies));
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, phrasedValue(v, words, k === "remedies" && Array.isArray(v))]),
  );
}
