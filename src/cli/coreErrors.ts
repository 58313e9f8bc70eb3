import { type CliError, IoError, UsageError } from "./errors.js";

// The mapping from core errors to CLI errors, kept in one place (issue 14: one domain error).

/** Domain errors from the core that mean bad input become usage errors; an unreadable batch file is I/O. */
export function domainError(error: unknown): CliError | undefined {
  if (error instanceof Error && error.name === "ScheduleInputError") {
    return new UsageError((error as Error & { code: string }).code, error.message);
  }
  if (error instanceof Error && error.name === "BatchInputError") return new IoError("BATCH_INPUT", error.message);
  return undefined;
}
