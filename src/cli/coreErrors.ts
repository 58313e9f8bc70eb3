import { type CliError, IoError, UsageError } from "./errors.js";
import { longFlagOf } from "./options.js";

// The mapping from core errors to CLI errors, kept in one place (issue 14: one domain error):
// main, batch lines and the setting-source hint all go through these two functions.

/** Domain errors from the core that mean bad input become usage errors; an unreadable batch file is I/O. */
export function domainError(error: unknown): CliError | undefined {
  if (error instanceof Error && error.name === "ScheduleInputError") {
    return new UsageError((error as Error & { code: string }).code, error.message);
  }
  if (error instanceof Error && error.name === "BatchInputError") return new IoError("BATCH_INPUT", error.message);
  return undefined;
}

/**
 * An error about a setting the user did not type (it came from MMN_DOSE_* or the config file)
 * says where it came from, so nobody hunts for a flag that is not on the command line.
 */
export function withSettingSources(error: unknown, sources: Readonly<Record<string, string>>): unknown {
  const isInputError = error instanceof UsageError || (error instanceof Error && error.name === "ScheduleInputError");
  if (!isInputError) return error;
  const message = (error as Error).message;
  const from = Object.entries(sources)
    .filter(([, source]) => source.startsWith("env ") || source.startsWith("config "))
    .map(([key, source]) => [longFlagOf(key), source] as const)
    .filter(([flag]) => new RegExp(`${flag}(?![\\w-])`).test(message))
    .map(([flag, source]) => `${flag} comes from ${source.startsWith("env ") ? source.slice(4) : `config ${source.slice(7)}`}`);
  if (from.length === 0) return error;
  return new UsageError((error as Error & { code: string }).code, `${message} (${from.join("; ")})`);
}
