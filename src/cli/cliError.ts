/**
 * Typed errors: each knows its exit code. Only `main` turns them into output and an exit status.
 */
export abstract class CliError extends Error {
  abstract readonly exitCode: number;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Bad usage or bad input: unknown flag, missing weight, a value out of range. Exit 2. */
export class UsageError extends CliError {
  override readonly name = "UsageError";
  readonly exitCode = 2;
}

/** Reading or writing a file failed. Exit 1. */
export class IoError extends CliError {
  override readonly name = "IoError";
  readonly exitCode = 1;
}

export const EXIT = { ok: 0, internal: 1, usage: 2, batchLineFailed: 3, interrupted: 130 } as const;
