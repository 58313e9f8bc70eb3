import type { Command, Option } from "commander";
import { SCHEMA_NAMES } from "./schemaCatalog.js";
import { SHELLS } from "./shells.js";
import { BATCH_FORMATS, FORECAST_PERIODS } from "./outputFormats.js";
import { IVIG_IDS, type OptionSpec, SCHEDULE_OPTIONS, SCIG_IDS, takesValue } from "./options.js";

// What a shell completes for mmn-dose, read from the options table (the one-patient command's
// options and their choices) and from the commander program (the commands and their options), so
// the scripts follow any new option, choice, product or command without an edit here.

export { type Shell, SHELLS } from "./shells.js";

/** One option as a shell completes it. */
export interface CompletionOption {
  /** "-w", "--weight": every spelling. */
  readonly names: readonly string[];
  /** A few words for shells that show them (zsh, fish). */
  readonly description: string;
  readonly takesValue: boolean;
  /** The values to offer after it (choices, product ids, zones), if it has a closed set. */
  readonly values?: readonly string[];
  /** Its value is a file name. */
  readonly file?: boolean;
}

export interface CompletionCommand {
  readonly name: string;
  readonly description: string;
  readonly options: readonly CompletionOption[];
  /** Words for its positional argument (completion's shells), or files (batch's input). */
  readonly argument?: { readonly values: readonly string[] } | "file";
}

export interface CompletionModel {
  /** The one-patient command's options (the program itself), help and version first. */
  readonly options: readonly CompletionOption[];
  readonly commands: readonly CompletionCommand[];
}

/**
 * Values of subcommand options that commander does not know as choices (their parser checks
 * them): `batch --format` reads json, csv, fhir or table, `--forecast` week or month (test/cli/completion.test.ts runs each).
 */
const SUBCOMMAND_VALUES: Readonly<Record<string, readonly string[]>> = {
  "batch --format": BATCH_FORMATS,
  "batch --forecast": FORECAST_PERIODS,
};

/**
 * A few words from a help text: without its parenthesised asides, up to its first "; " or ", e.g."
 * and its first ": " (its second when the first ends a short head), at most 60 characters.
 *
 * @example
 * shortDescription("actual body weight: 70, 70kg or 154lb (a bare number is kg)") //=> "actual body weight"
 */
function shortDescription(text: string): string {
  let plain = text;
  for (let before = ""; before !== plain; ) {
    before = plain;
    plain = plain.replace(/\s*\([^()]*\)/g, "");
  }
  const [head = "", next] = plain
    .split(/; |, e\.g\./)[0]!
    .replace(/\s+,/g, ",")
    .split(": ");
  // "ICS only: chair time, …", "course total: none, vial, 5g": a short head needs what follows it.
  const cut = (head.length < 16 && next !== undefined ? `${head}: ${next}` : head).trim();
  return cut.length <= 60 ? cut : `${cut.slice(0, cut.lastIndexOf(" ", 59))}…`;
}

/** The values an option of the table completes to: its choices, the route's product ids, or the IANA zones. */
function tableValues(spec: OptionSpec): readonly string[] | undefined {
  const v = spec.value;
  if (v?.kind === "choice") return v.choices;
  if (v?.kind === "product") return v.route === "ivig" ? IVIG_IDS : SCIG_IDS;
  if (v?.kind === "scigFactor") return ["label"];
  if (v?.kind === "tz") return Intl.supportedValuesOf("timeZone");
  return undefined;
}

const namesOf = (flags: string) => flags.split(/[ ,|]+/).filter((w) => w.startsWith("-"));

function fromTable(spec: OptionSpec): CompletionOption {
  const values = tableValues(spec);
  return {
    names: namesOf(spec.flags),
    description: shortDescription(spec.description),
    takesValue: takesValue(spec),
    ...(values ? { values } : {}),
    ...(spec.flags.includes("<file>") ? { file: true } : {}),
  };
}

function fromCommander(command: string, option: Option): CompletionOption {
  const values = option.argChoices ?? SUBCOMMAND_VALUES[`${command} ${option.long}`];
  return {
    names: namesOf(option.flags),
    description: shortDescription(option.description),
    takesValue: option.required || option.optional,
    ...(values ? { values } : {}),
    ...(option.flags.includes("<file>") ? { file: true } : {}),
  };
}

/** The words a command's positional argument completes to: the shells, the schema names, the message codes. */
function argumentValues(messageCodes: readonly string[]): Readonly<Record<string, readonly string[]>> {
  return { completion: SHELLS, schema: SCHEMA_NAMES, explain: [...messageCodes].sort() };
}

function commandOf(c: Command, argumentValuesOf: Readonly<Record<string, readonly string[]>>): CompletionCommand {
  const help = { names: ["-h", "--help"], description: "show this help", takesValue: false };
  const options = [help, ...c.options.map((o) => fromCommander(c.name(), o))];
  const arg = c.registeredArguments[0]?.name();
  const values = argumentValuesOf[c.name()];
  const argument = values ? { values } : arg === "file" ? ("file" as const) : undefined;
  return { name: c.name(), description: shortDescription(c.description()), options, ...(argument ? { argument } : {}) };
}

/**
 * The completion model of a program built by `createProgram`; `messageCodes` (the keys of
 * MESSAGE_CODES, loaded by the caller) are what `explain` completes to.
 */
export function completionModel(program: Command, messageCodes: readonly string[]): CompletionModel {
  const root: CompletionOption[] = [
    { names: ["-h", "--help"], description: "show this help", takesValue: false },
    { names: ["-V", "--version"], description: "print the version", takesValue: false },
    ...SCHEDULE_OPTIONS.map(fromTable),
  ];
  const values = argumentValues(messageCodes);
  return { options: root, commands: program.commands.map((c) => commandOf(c, values)) };
}
