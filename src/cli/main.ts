import { renderJson } from "../render/json.js";
import { domainError } from "./domainErrorMapping.js";
import { CliError, EXIT, IoError } from "./cliError.js";
import { escapeControl, shownMessage } from "./escape.js";
import { phrased } from "./optionWords.js";
import type { Io } from "./io.js";
import { COMMAND_NAMES } from "./commandKit.js";
import { runSchedule } from "./onePatient.js";
import { scheduleArgv } from "./scheduleArgv.js";

// bin/mmn-dose.cjs reports a closed stdout as this I/O error (exit 1).
export { IoError } from "./cliError.js";
export type { Io } from "./io.js";

/** `mmn-dose` alone: this on stderr, exit 2 (the full --help is long). */
const SHORT_USAGE = `Usage: mmn-dose --weight <weight> [options]   an IVIG or SCIG schedule
       mmn-dose compare --weight <weight> --regimen … --regimen …   side by side
       mmn-dose batch [file] | explain [CODE] | products | config | schema
Examples:
  mmn-dose --weight 70 --start 2026-12-01
  mmn-dose --weight 70 --route scig --last-ivig 2026-11-24 --explain
  mmn-dose --weight 70 --format ics --time 9:00 -o plan.ics
Run 'mmn-dose --help' or 'mmn-dose <command> --help' for every option.
`;

/** Whether the output is JSON (an error is then a JSON document too); `--format JSON` counts. */
function asksForJson(argv: readonly string[]): boolean {
  const json = (value: string | undefined) => value?.toLowerCase() === "json";
  return argv.some(
    (a, i) => a === "--json" || json(/^--format=(.*)$/s.exec(a)?.[1]) || (a === "--format" && json(argv[i + 1])),
  );
}

/**
 * Runs the CLI and returns the exit code. The only place that turns errors into exit codes;
 * `bin/mmn-dose.cjs` sets `process.exitCode` from it.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  if (argv.length === 0) {
    io.writeErr(SHORT_USAGE);
    return EXIT.usage;
  }
  const wantsJson = asksForJson(argv);
  // Subcommands come first (options before them are refused): their usage errors point to their own --help.
  const command = COMMAND_NAMES.find((c) => c === argv[0]);
  const debug = argv.includes("--debug");
  try {
    // A plain one-patient command line is read from the options table; anything else by commander.
    const raw = scheduleArgv(argv);
    if (raw !== undefined) {
      await runSchedule([], raw, io, COMMAND_NAMES);
      return EXIT.ok;
    }
    const { runProgram } = await import("./program.js");
    return await runProgram(argv, io);
  } catch (error) {
    return reportError(io, error, { wantsJson, debug, command });
  }
}

/**
 * The one place an error becomes output and an exit code. Text from the input is escaped; a stack
 * trace only for an internal error with --debug. Failing to write the report (a closed stdout, a
 * full disk behind stderr) never changes the exit code: it still says what happened.
 */
function reportError(
  io: Io,
  error: unknown,
  { wantsJson, debug, command }: { wantsJson: boolean; debug: boolean; command: string | undefined },
): number {
  const known = error instanceof CliError ? error : domainError(error);
  const code = known ? known.code : "INTERNAL";
  // Every error of a command names options as the command line spells them: flags.
  const text = shownMessage(
    known
      ? phrased(known.message, "flags")
      : `internal error: ${error instanceof Error ? error.message : String(error)}`,
  );
  const attempt = (write: () => void) => {
    try {
      write();
    } catch {
      // nowhere left to say it; the exit code still does
    }
  };
  if (wantsJson && !(error instanceof IoError && error.code === "STDOUT_CLOSED")) {
    attempt(() => io.writeOut(renderJson({ schemaVersion: 1, error: { code, message: text } })));
  }
  attempt(() => io.writeErr(`mmn-dose: ${text}\n`));
  if (known?.exitCode === EXIT.usage)
    attempt(() =>
      io.writeErr(
        `Run 'mmn-dose ${command === undefined ? "" : `${command} `}--help' for the options and their ranges.\n`,
      ),
    );
  if (!known && !debug) attempt(() => io.writeErr("Re-run with --debug for details.\n"));
  if (!known && debug && error instanceof Error && error.stack) {
    const stack = error.stack.split("\n").map(escapeControl).join("\n");
    attempt(() => io.writeErr(`${stack}\n`));
  }
  return known ? known.exitCode : EXIT.internal;
}
