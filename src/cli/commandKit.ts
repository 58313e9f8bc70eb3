import type { Command } from "commander";
import { NO_COLOR, type Paint } from "../render/paint.js";
import { UsageError } from "./cliError.js";
import type { Io } from "./io.js";
import { SCHEDULE_OPTIONS } from "./options.js";
import { SCHEMA_NAMES } from "./schemaCatalog.js";
import { SHELL_NAMES } from "./shells.js";

/** What every command module gets: the root program, the outside world, and a way to set the exit code. */
export interface CommandContext {
  readonly program: Command;
  readonly io: Io;
  /** Records a non-zero outcome without exiting (main returns it). */
  readonly setExit: (code: number) => void;
}

/**
 * The subcommands, in the order `createProgram` adds them (and --help lists them), each with its
 * one-line summary: its description in --help and completion. `createProgram` adds one module per key.
 */
export const COMMANDS = {
  products: "list the product catalog with the source of every number",
  config:
    "show the effective site settings and where each comes from (MMN_DOSE_* environment, config file, built-in default)",
  batch:
    "one patient per JSON line in (a file, or stdin for - or none), one JSON line out per line, same order; " +
    "or, with --forecast, the clinic's demand per week or month and product",
  schema: `print the JSON Schema (draft 2020-12) of a machine output: ${SCHEMA_NAMES.join(" | ")} (default schedule)`,
  compare:
    "regimens side by side for one patient: g/kg/month, grams, infusion days, chair hours, vials and cost a year",
  review: "treatment review of a history: dose intensity over time, outcomes against MCIDs, review dates",
  explain: "what a warning or note code means, when it fires, its sources and remedies; no code: list every code",
  completion: `print a shell completion script (${SHELL_NAMES}): commands, options and their values`,
} as const;

export type CommandName = keyof typeof COMMANDS;

export const COMMAND_NAMES = Object.keys(COMMANDS) as readonly CommandName[];

/** --debug's help in every command, from the options table. */
export const DEBUG_HELP = SCHEDULE_OPTIONS.find((o) => o.key === "debug")!.description;

/** `mmn-dose --config c.json batch f` would silently ignore --config: options go after the command. */
export function refuseOptionsBefore(program: Command, command: CommandName): void {
  const given = Object.entries(program.opts()).find(([key, value]) => value !== undefined && key !== "debug");
  if (!given) return;
  const [key, value] = given;
  const flag = program.options.find((o) => o.attributeName() === key && o.negate === (value === false))?.long ?? key;
  throw new UsageError(
    "USAGE",
    `${flag} before '${command}' is not read: options go after the command, e.g. mmn-dose ${command} ${flag}`,
  );
}

function useColor(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  return io.stdoutIsTTY && io.env.TERM !== "dumb";
}

/**
 * Color for a table: --color / --no-color, else NO_COLOR, FORCE_COLOR and whether stdout is a terminal.
 * chalk is loaded only when color is on, with its level set from that decision (as npm-check-updates
 * does): chalk's own reading of argv and the environment never decides. Level 1 (16 colors) is all
 * the table uses.
 */
export async function paintFor(flag: boolean | undefined, io: Io): Promise<Paint> {
  if (!useColor(flag, io)) return NO_COLOR;
  const [{ Chalk }, { paintFrom }] = await Promise.all([import("chalk"), import("../render/paint.js")]);
  return paintFrom(new Chalk({ level: 1 }));
}

/**
 * The width to wrap a table's prose to: the terminal's columns (at least 40), or none when stdout is
 * not a terminal or the output goes to a file (`-o`): piped output never changes.
 */
export function terminalWidth(io: Io, output?: string): number | undefined {
  const columns = io.stdoutColumns;
  if (output !== undefined) return undefined;
  return io.stdoutIsTTY && columns !== undefined && columns > 0 ? Math.max(columns, 40) : undefined;
}
