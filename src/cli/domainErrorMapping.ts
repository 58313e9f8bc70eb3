import { DomainError } from "../core/domainError.js";
import { mentionsIn, type OptionKey, option } from "../core/optionKeys.js";
import type { CliError } from "./cliError.js";
import { UsageError } from "./cliError.js";

// The mapping from core errors to CLI errors, kept in one place (one domain error):
// main, batch lines and the setting-source hint all go through these two functions.
// Messages keep the core's option mentions: main phrases them as flags, a batch line as its keys
// (optionWords.ts).

/** A domain error from the core means bad input: a usage error (exit 2) with the core's code. */
export function domainError(error: unknown): CliError | undefined {
  return error instanceof DomainError ? new UsageError(error.code, error.message) : undefined;
}

/**
 * An error about a setting the user did not type (it came from MMN_DOSE_* or the config file)
 * says where it came from, so nobody hunts for a flag that is not on the command line.
 */
export function withSettingSources(error: unknown, sources: Readonly<Record<string, string>>): unknown {
  if (!(error instanceof UsageError || error instanceof DomainError)) return error;
  const message = error.message;
  // A core error names its options as data; a CLI usage error names them as mentions in its message.
  const concerned: readonly string[] =
    error instanceof DomainError ? error.options : mentionsIn(message).map((m) => m.key);
  const from = Object.entries(sources)
    .filter(([key, source]) => (source.startsWith("env ") || source.startsWith("config ")) && concerned.includes(key))
    .map(
      ([key, source]) =>
        `${option(key as OptionKey)} comes from ${source.startsWith("env ") ? source.slice(4) : `config ${source.slice(7)}`}`,
    );
  if (from.length === 0) return error;
  return new UsageError(error.code, `${message} (${from.join("; ")})`);
}
