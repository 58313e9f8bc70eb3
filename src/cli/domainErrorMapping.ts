import { DomainError } from "../core/domainError.js";
import type { CliError } from "./cliError.js";
import { UsageError } from "./cliError.js";
import { longFlagOf, SCHEDULE_OPTIONS } from "./options.js";

// The mapping from core errors to CLI errors, kept in one place (one domain error):
// main, batch lines and the setting-source hint all go through these two functions.

/** A domain error from the core means bad input: a usage error (exit 2) with the core's code. */
export function domainError(error: unknown): CliError | undefined {
  return error instanceof DomainError ? new UsageError(error.code, error.message) : undefined;
}

/**
 * A batch line's words for each long flag of a line key: `--max-daily` → `'maxDaily'`, and an undoing
 * flag as the value that undoes (`--no-skip-weekends` → `'skipWeekends': false`). Longest first, so a
 * flag that starts another (`--product` in `--product-xyz`) is never half rewritten.
 */
const BATCH_WORDS: readonly (readonly [RegExp, string])[] = SCHEDULE_OPTIONS.filter((o) => o.batch === undefined)
  .map((o) => {
    const flag = o.flags.replace(/^-\w, /, "").split(" ")[0]!;
    return [flag, flag.startsWith("--no-") ? `'${o.key}': false` : `'${o.key}'`] as const;
  })
  .sort(([a], [b]) => b.length - a.length)
  .map(([flag, key]) => [new RegExp(`(?<![\\w'-])${flag}(?![\\w-])`, "g"), key] as const);

/**
 * A message about options, as a batch line's error says it: in the keys the script sent, not the
 * flags a person types (the one-patient command keeps its flags). The core names options by flag
 * (a DomainError's `option` and `related`); every flag of a line key in the text is rewritten.
 *
 * @example
 * inBatchWords("--product applies to --route ivig only") //=> "'product' applies to 'route' ivig only"
 */
export function inBatchWords(message: string): string {
  const rewrite = (text: string) => BATCH_WORDS.reduce((said, [flag, key]) => said.replace(flag, key), text);
  // The value echoed back (`got '…'`, to the last quote) is the line's own text: never rewritten.
  const echo = message.indexOf("got '");
  const end = message.lastIndexOf("'");
  if (echo === -1 || end <= echo + 4) return rewrite(message);
  return rewrite(message.slice(0, echo)) + message.slice(echo, end + 1) + rewrite(message.slice(end + 1));
}

/**
 * An error about a setting the user did not type (it came from MMN_DOSE_* or the config file)
 * says where it came from, so nobody hunts for a flag that is not on the command line.
 */
export function withSettingSources(error: unknown, sources: Readonly<Record<string, string>>): unknown {
  if (!(error instanceof UsageError || error instanceof DomainError)) return error;
  const message = error.message;
  // A core error names its options; a CLI usage error names its flag in its message.
  const concerns = (flag: string) =>
    error instanceof DomainError ? error.options.includes(flag) : new RegExp(`${flag}(?![\\w-])`).test(message);
  const from = Object.entries(sources)
    .filter(([, source]) => source.startsWith("env ") || source.startsWith("config "))
    .map(([key, source]) => [longFlagOf(key), source] as const)
    .filter(([flag]) => concerns(flag))
    .map(
      ([flag, source]) =>
        `${flag} comes from ${source.startsWith("env ") ? source.slice(4) : `config ${source.slice(7)}`}`,
    );
  if (from.length === 0) return error;
  return new UsageError(error.code, `${message} (${from.join("; ")})`);
}
