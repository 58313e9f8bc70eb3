import { readFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { addBatchCommand } from "./commands/batch.js";
import { addCompareCommand } from "./commands/compare.js";
import { addCompletionCommand } from "./commands/completion.js";
import { addConfigCommand } from "./commands/config.js";
import { addExplainCommand } from "./commands/explain.js";
import { addProductsCommand } from "./commands/products.js";
import { addReviewCommand } from "./commands/review.js";
import { addScheduleCommand } from "./commands/schedule.js";
import { addSchemaCommand } from "./commands/schema.js";
import { examplesFirst } from "./helpExamples.js";
import type { Io } from "./io.js";
import { COMMAND_NAMES, type CommandContext, type CommandName } from "./commandKit.js";
import { EXIT, UsageError } from "./cliError.js";
import { needsSubcommands } from "./scheduleArgv.js";

const HELP_AFTER = `
Rules:
  Dosing weight is the actual weight unless --dosing-weight or --policy says
  otherwise; it never exceeds the actual weight. Ideal weight is Devine (needs
  --height and --sex); adjusted weight is IBW + 0.4 x (actual - IBW). Each
  course is split over consecutive days, as evenly as whole vials allow, into
  the fewest days that keep the prescribed daily dose within --max-daily
  (unless --days). IVIG rate plans titrate in steps scaled by the dosing
  weight, to mL/h: the label's steps where it lists them, else the NL-IVIG002
  standardised table (0.01, 0.02, 0.04, 0.06, 0.08, 0.12, 0.14 mL/kg/min)
  between the label's initial rate and its maximum, each step for the label's
  time (else 30 min); first infusions stop at 0.08 mL/kg/min (NL-IVIG002).
  Rates above the label (without label rates: the same product's other label,
  else NL-IVIG002's top row) and steps shorter than the label's need
  --allow-above-label-rate. --at-risk never goes above the label and always
  runs slower than the ordinary plan (the label's at-risk cap, else the
  NL-IVIG002 step below the label's figure); at risk or over 65, a day of
  1 g/kg or more is offered more days. SCIG rates are the label's per infusion
  site. Options go
  after a command (batch --config f). Choice values take any case (--product
  Privigen, --sex F); an unknown one names the closest.
  Every rounding and split is listed under Notes; anything outside the
  EFNS/PNS guideline or the Gammagard Liquid MMN label is listed under
  Warnings with a code. --region us|eu picks whose label (US PI or EU SmPC)
  decides NOT_LABELLED_FOR_MMN and the vial sizes; an indication not found for
  that region is warned about too. ICS --time: a time the clocks skip that day
  moves forward (RFC 5545: 02:30 -> 03:30) with a note; without --tz an empty
  or unknown system zone is an error.

Exit codes:
  0 success   1 internal or I/O failure   2 bad usage or bad input
  3 batch: a line failed

Decision support only: the prescriber and pharmacist decide.`;

function version(): string {
  // Read, not required: node:module would also load Node's ES module loader on every run.
  return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string })
    .version;
}

/** Each subcommand's module, keyed by its name: a command in COMMANDS without one does not compile. */
const ADD_COMMAND: Readonly<Record<CommandName, (ctx: CommandContext) => void>> = {
  products: addProductsCommand,
  config: addConfigCommand,
  batch: addBatchCommand,
  schema: addSchemaCommand,
  compare: addCompareCommand,
  review: addReviewCommand,
  explain: addExplainCommand,
  completion: addCompletionCommand,
};

/**
 * Builds a fresh commander program: the one-patient command is the program itself, the others are
 * subcommands, each in its own module under commands/. `setExit` records a non-zero outcome without exiting.
 * `withSubcommands` false leaves them out (`needsSubcommands` says when that parses the same).
 */
export function createProgram(io: Io, setExit: (code: number) => void, withSubcommands = true): Command {
  const program = new Command("mmn-dose")
    .description(
      "Immunoglobulin dosing schedules for multifocal motor neuropathy: IVIG courses or their weekly SCIG equivalent",
    )
    .exitOverride()
    // Width and color from io, not commander's default reads of process.stdout and process.stderr (each
    // of which would build Node's stream for the descriptor). Help has no color (commander's styles are
    // plain); what goes to stderr is discarded (writeErr), main reports errors itself.
    .configureOutput({
      writeOut: io.writeOut,
      writeErr: () => {},
      outputError: () => {},
      // commander's own default: a terminal's columns, else 80 (Help.prepareContext).
      getOutHelpWidth: () => (io.stdoutIsTTY ? io.stdoutColumns : undefined) ?? 80,
      getErrHelpWidth: () => 80,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .version(version(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .showSuggestionAfterError(true)
    .argument("[unexpected...]")
    .usage("[options] [command]")
    .enablePositionalOptions()
    .configureHelp({ formatHelp: (cmd, helper) => examplesFirst(cmd, helper, io.cwd?.()) })
    .addHelpText("after", HELP_AFTER);
  const ctx = { program, io, setExit };
  addScheduleCommand(ctx);
  if (!withSubcommands) return program;
  for (const name of COMMAND_NAMES) ADD_COMMAND[name](ctx);
  return program;
}

/** Options of `batch` only: given to the one-patient command, say where they belong. */
const BATCH_ONLY = ["--forecast", "--fields", "--no-sources"];

/** commander's message on one line, keeping its "(Did you mean --weight?)" hint. */
function commanderMessage(error: CommanderError): string {
  const batchOnly = BATCH_ONLY.find((flag) => new RegExp(`unknown option '${flag}[=']`).test(error.message));
  if (batchOnly !== undefined)
    return `${batchOnly} is an option of batch only, e.g. mmn-dose batch clinic.jsonl ${batchOnly} …`;
  return error.message
    .replace(/^error: /, "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ")
    .replace(/\(Did you mean/, "(did you mean");
}

/**
 * Runs `argv` through commander and returns the exit code; commander's own errors become usage errors
 * (help and --version are a success). Every other error is thrown to main's single exit point.
 */
export async function runProgram(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  try {
    const program = createProgram(io, (code) => (exitCode = code), needsSubcommands(argv));
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    const done = ["commander.helpDisplayed", "commander.version", "commander.help"];
    if (done.includes(error.code)) return EXIT.ok;
    throw new UsageError("USAGE", commanderMessage(error));
  }
}
