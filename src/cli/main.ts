import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { Command, CommanderError, Option } from "commander";
import type { IsoDate } from "../core/calendarDate.js";
import { renderJson } from "../render/json.js";
import { COLOR, NO_COLOR, type Paint } from "../render/paint.js";
import { DomainError } from "../core/errors.js";
import { CliError, EXIT, IoError, UsageError } from "./errors.js";
import { escapeControl } from "./escape.js";
import { longFlagOf, SCHEDULE_OPTIONS } from "./options.js";
import { closest } from "./suggest.js";

// bin/mmn-dose.cjs reports a closed stdout as this I/O error (exit 1).
export { IoError } from "./errors.js";

/** Everything the CLI touches outside itself, injected so tests can run it in-process. */
export interface Io {
  /** Writes to stdout; `false` means the pipe is full (see `waitForDrain`). */
  readonly writeOut: (text: string) => boolean | void;
  readonly writeErr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  /** Today's local calendar date: the default --start. */
  readonly today: () => IsoDate;
  /** The bytes of a file, or of stdin for `undefined` or `-` (batch input), as they arrive. */
  readonly readInput?: (path: string | undefined) => AsyncIterable<Uint8Array>;
  readonly stdinIsTTY?: boolean;
  /** The system's IANA zone, the default --tz. */
  readonly systemTimeZone?: () => string;
  /** Whether SIGINT arrived (batch stops between lines and exits 130). */
  readonly interrupted?: () => boolean;
  /** Resolves when stdout can take more (after `writeOut` reported backpressure). */
  readonly waitForDrain?: () => Promise<void>;
}

const HELP_AFTER = `
Examples:
  mmn-dose --weight 70                        2 g/kg every 4 weeks, 6 courses from today
  mmn-dose --weight 70 --start 2026-12-01     the same from a given day
  mmn-dose --weight 154lb --dose 1 --every 2  1 g/kg every 2 weeks
  mmn-dose --weight 73 --round 5g             nearest 5 g (Ontario): 146 g -> 145 g
  mmn-dose --weight 70 --days 5 --json        0.4 g/kg/day, as JSON for scripts
  mmn-dose --weight 100 --height 175 --sex male --policy ontario
                                              adjusted weight 82.28 kg, 164.56 g -> 165 g

Rules:
  Dosing weight is the actual weight unless --dosing-weight or --policy says otherwise; it never
  exceeds the actual weight. Ideal weight is Devine (needs --height and --sex); adjusted weight is
  IBW + 0.4 x (actual - IBW). Each course is split over consecutive days, as evenly as whole vials
  allow, into the fewest days that keep the prescribed daily dose within --max-daily (unless --days).
  IVIG rate plans titrate in steps scaled by the dosing weight, to mL/h: the label's steps where
  it lists them, else the NL-IVIG002 standardised table (0.01, 0.02, 0.04, 0.06, 0.08, 0.12, 0.14
  mL/kg/min) between the label's initial rate and its maximum, each step for the label's time (else
  30 min); first infusions stop at 0.08 mL/kg/min (NL-IVIG002). Rates above the label need
  --allow-above-label-rate; --at-risk never goes above the label. SCIG rates are the label's per
  infusion site. Options go after a command (batch --config f). Choice values take any case
  (--product Privigen, --sex F); an unknown one names the closest.
  Every rounding and split is listed under Notes; anything outside the EFNS/PNS guideline or the
  Gammagard Liquid MMN label is listed under Warnings with a code. --region us|eu picks whose label
  (US PI or EU SmPC) decides NOT_LABELLED_FOR_MMN and the vial sizes; an indication not found for
  that region is warned about too. ICS --time: a time the clocks skip that day moves forward
  (RFC 5545: 02:30 -> 03:30) with a note; without --tz an empty or unknown system zone is an error.

Exit codes:
  0 success   1 internal or I/O failure   2 bad usage or bad input   3 batch: a line failed

Decision support only: the prescriber and pharmacist decide.`;

/** `mmn-dose` alone: this on stderr, exit 2 (the full --help is long). */
export const SHORT_USAGE = `Usage: mmn-dose --weight <weight> [options]   an IVIG schedule (or its SCIG equivalent)
       mmn-dose products | batch [file] | config | schema
Examples:
  mmn-dose --weight 70 --start 2026-12-01
  mmn-dose --weight 70 --route scig --last-ivig 2026-11-24
  mmn-dose batch patients.jsonl > schedules.jsonl
Run 'mmn-dose --help' for every option and its range.
`;

/** Whether the output is JSON (an error is then a JSON document too); `--format JSON` counts. */
function asksForJson(argv: readonly string[]): boolean {
  const json = (value: string | undefined) => value?.toLowerCase() === "json";
  return argv.some((a, i) => a === "--json" || json(/^--format=(.*)$/s.exec(a)?.[1]) || (a === "--format" && json(argv[i + 1])));
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
  const debug = argv.includes("--debug");
  let exitCode: number = EXIT.ok;
  try {
    const program = createProgram(io, (code) => (exitCode = code));
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version" || error.code === "commander.help") {
        return EXIT.ok;
      }
      return reportError(io, new UsageError("USAGE", commanderMessage(error)), wantsJson, debug);
    }
    return reportError(io, error, wantsJson, debug);
  }
}

const DEBUG_HELP = "print stack traces of internal errors";

/** `mmn-dose --config c.json batch f` would silently ignore --config: options go after the command. */
function refuseOptionsBefore(program: Command, command: string): void {
  const given = Object.entries(program.opts()).find(([key, value]) => value !== undefined && key !== "debug");
  if (!given) return;
  const [key, value] = given;
  const flag = program.options.find((o) => o.attributeName() === key && o.negate === (value === false))?.long ?? key;
  throw new UsageError("USAGE", `${flag} before '${command}' is not read: options go after the command, e.g. mmn-dose ${command} ${flag}`);
}

/** commander's argParser for a value option: a second value is an error, not a silent override. */
function onlyOnce(flag: string, value: string, previous: unknown): string {
  if (previous !== undefined) {
    const list = ["--vials", "--avoid", "--rate-steps"].includes(flag) ? " (list several values with commas)" : "";
    throw new UsageError("REPEATED_OPTION", `${flag} was given twice ('${String(previous)}' and '${value}'): give it once${list}`);
  }
  return value;
}

/** `batch --format`: json or csv in any case; anything else names the closest. */
function batchFormat(value: string): "json" | "csv" {
  const format = value.toLowerCase();
  if (format === "json" || format === "csv") return format;
  const near = closest(value, ["json", "csv"]);
  throw new UsageError("INVALID_OPTION", `batch --format must be one of json, csv; got '${value}'${near === undefined ? "" : ` (did you mean ${near}?)`}`);
}

function unexpectedArgument(arg: string): UsageError {
  const hint = /^(kg|lbs?|cm|in)$/i.test(arg)
    ? ` (write the unit without a space, e.g. --weight 70${arg.toLowerCase()})`
    : " (the commands are products, schema, config and batch; everything else is an --option)";
  return new UsageError("UNEXPECTED_ARGUMENT", `unexpected argument '${arg}'${hint}`);
}

/** commander's message on one line, keeping its "(Did you mean --weight?)" hint. */
function commanderMessage(error: CommanderError): string {
  return error.message
    .replace(/^error: /, "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ")
    .replace(/\(Did you mean/, "(did you mean");
}

/**
 * The one place an error becomes output and an exit code. Text from the input is escaped; a stack
 * trace only for an internal error with --debug. Failing to write the report (a closed stdout, a
 * full disk behind stderr) never changes the exit code: it still says what happened.
 */
function reportError(io: Io, error: unknown, wantsJson: boolean, debug: boolean): number {
  const known = error instanceof CliError ? error : domainError(error);
  const code = known ? known.code : "INTERNAL";
  const text = escapeControl(known ? known.message : `internal error: ${error instanceof Error ? error.message : String(error)}`);
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
  if (known?.exitCode === EXIT.usage) attempt(() => io.writeErr("Run 'mmn-dose --help' for the options and their ranges.\n"));
  if (!known && !debug) attempt(() => io.writeErr("Re-run with --debug for details.\n"));
  if (!known && debug && error instanceof Error && error.stack) attempt(() => io.writeErr(`${error.stack!.split("\n").map(escapeControl).join("\n")}\n`));
  return known ? known.exitCode : EXIT.internal;
}

/** Domain errors from the core that mean bad input become usage errors; an unreadable batch file is I/O. */
function domainError(error: unknown): CliError | undefined {
  if (error instanceof DomainError) return new UsageError(error.code, error.message);
  if (error instanceof Error && error.name === "BatchInputError") return new IoError("BATCH_INPUT", error.message);
  return undefined;
}

async function readInputFile(option: string, path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message;
    throw new UsageError("UNREADABLE_FILE", `${option} ${path}: ${reason}`);
  }
}

function useColor(flag: boolean | undefined, io: Io): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force !== "false";
  return io.stdoutIsTTY && io.env.TERM !== "dumb";
}

function version(): string {
  return (createRequire(import.meta.url)("../../package.json") as { version: string }).version;
}

/** Builds a fresh commander program; `setExit` records a non-zero outcome without exiting. */
export function createProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("mmn-dose")
    .description("Immunoglobulin dosing schedules for multifocal motor neuropathy: IVIG courses or their weekly SCIG equivalent")
    .exitOverride()
    .configureOutput({ writeOut: io.writeOut, writeErr: () => {}, outputError: () => {} })
    .version(version(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show this help")
    .showSuggestionAfterError(true)
    .argument("[unexpected...]")
    .usage("[options] [command]")
    .enablePositionalOptions()
    .addHelpText("after", HELP_AFTER);

  for (const spec of SCHEDULE_OPTIONS) {
    const description = spec.defaultText ? `${spec.description} [default: ${spec.defaultText}]` : spec.description;
    const option = new Option(spec.flags, description);
    // Given twice, commander keeps the last value silently: `--weight 70 --weight 80` would dose 80 kg.
    if (spec.flags.includes("<")) option.argParser((value: string, previous: unknown) => onlyOnce(option.long!, value, previous));
    program.addOption(option);
  }
  program
    .option("--color", "force color in the table")
    .option("--no-color", "no color (NO_COLOR is honoured too)")
    .option("--debug", DEBUG_HELP);

  program.action(async (unexpected: string[], raw: Record<string, unknown>) => {
    const swallowed = SCHEDULE_OPTIONS.find((o) => typeof raw[o.key] === "string" && /^--[a-z]/.test(raw[o.key] as string));
    if (swallowed) {
      throw new UsageError("MISSING_VALUE", `${longFlagOf(swallowed.key)} needs a value: it took '${String(raw[swallowed.key])}', which is an option`);
    }
    if (unexpected.length > 0) throw unexpectedArgument(unexpected[0]!);
    const { refuseUnusedCalendarOptions, validateScheduleOptions } = await import("./validate.js");
    const { planSchedule } = await import("../core/schedule.js");
    const { resolveSiteSettings, withSettingSources } = await import("./config.js");
    const site = await resolveSiteSettings(raw, io.env, typeof raw.config === "string" ? raw.config : undefined);
    const avoidFileText = typeof raw.avoidFile === "string" ? await readInputFile("--avoid-file", raw.avoidFile) : undefined;
    let request: ReturnType<typeof validateScheduleOptions>;
    let result: ReturnType<typeof planSchedule>;
    try {
      request = validateScheduleOptions(site.raw, { avoidFileText });
      refuseUnusedCalendarOptions(raw, request);
      result = planSchedule(request.input, io.today());
    } catch (error) {
      throw withSettingSources(error, site.sources);
    }
    const { outputPath } = await import("./output.js");
    const output = outputPath(raw.output);
    let text: string;
    if (request.format === "json") {
      text = renderJson(result);
    } else if (request.format === "csv") {
      const { renderCsv } = await import("../render/csv.js");
      text = renderCsv(result);
    } else if (request.format === "ics") {
      const { renderIcs, nonexistentTimes } = await import("../render/ics.js");
      const c = request.calendar;
      const tz = c.time !== undefined ? calendarZone(c.tz, io) : c.tz;
      text = renderIcs(result, { ...c, tz });
      // RFC 5545 moves a time in a spring-forward gap forward; say so (the events say it too).
      if (c.time !== undefined) for (const gap of nonexistentTimes(result, c.time, tz!)) io.writeErr(`mmn-dose: note: ${gap.text}\n`);
    } else {
      const { renderTable } = await import("../render/table.js");
      // A file gets no color unless --color forces it.
      text = renderTable(result, paintFor(output === undefined ? (raw.color as boolean | undefined) : raw.color === true, io));
    }
    if (output !== undefined) {
      const { writeFileAtomic } = await import("./output.js");
      await writeFileAtomic(output, text);
    } else {
      io.writeOut(text);
    }
    // stdout already carries the warnings in every format; with -o the terminal gets them too.
    if (output !== undefined && result.warnings.length > 0) {
      for (const w of result.warnings) io.writeErr(`mmn-dose: warning ${w.code}: ${escapeControl(w.message)}\n`);
    }
  });

  program
    .command("products")
    .description("list the product catalog with the source of every number")
    .option("--debug", DEBUG_HELP)
    .option("--json", "print the catalog as JSON")
    .option("--color", "force color")
    .option("--no-color", "no color")
    .action(async (opts: { json?: boolean; color?: boolean }) => {
      refuseOptionsBefore(program, "products");
      const { productsJson, renderProductsTable } = await import("../render/products.js");
      io.writeOut(opts.json ? renderJson(productsJson()) : `${renderProductsTable(undefined, paintFor(opts.color, io))}`);
    });

  program
    .command("config")
    .description("show the effective site settings and where each comes from (MMN_DOSE_* environment, config file, built-in default)")
    .option("--debug", DEBUG_HELP)
    .option("--config <file>", "site configuration file")
    .option("--json", "print as JSON")
    .action(async (opts: { config?: string; json?: boolean }) => {
      refuseOptionsBefore(program, "config");
      const { resolveSiteSettings, SITE_KEYS, envName } = await import("./config.js");
      const site = await resolveSiteSettings({}, io.env, opts.config, { allRoutes: true });
      const defaultOf = (key: string) => SCHEDULE_OPTIONS.find((o) => o.key === key && o.defaultText !== undefined)?.defaultText ?? "none";
      const settings = SITE_KEYS.map((key) => ({ key, value: site.raw[key] ?? null, source: site.sources[key], env: envName(key), default: defaultOf(key) }));
      if (opts.json) {
        io.writeOut(renderJson({ schemaVersion: 1, configFile: site.configPath ?? null, settings }));
        return;
      }
      const lines = [`config file: ${site.configPath ?? "none (--config, ./mmn-dose.config.json, or ~/.config/mmn-dose/config.json)"}`];
      const shown = settings.map((s) => (s.value === null ? `default: ${s.default}` : String(s.value)));
      const width = Math.max(...shown.map((v) => v.length)) + 2;
      settings.forEach((s, k) => lines.push(`  ${s.key.padEnd(13)}${shown[k]!.padEnd(width)}${s.source === "default" ? "" : `${s.source}  `}[${s.env}]`));
      io.writeOut(`${lines.join("\n")}\n`);
    });

  program
    .command("batch")
    .description("one patient per JSON line in (a file, or stdin for - or none), one JSON line out per line, same order")
    .option("--debug", DEBUG_HELP)
    .argument("[file]", "JSON Lines input, or CSV with a header row of the same keys when the name ends in .csv; - or none for stdin")
    .option("--config <file>", "site configuration file")
    .addOption(new Option("--format <format>", "json (JSON Lines) or csv (one CSV for the clinic, with line and id), any case").argParser(batchFormat).default("json"))
    .option("-o, --output <file>", "write the output to this file (atomically, when the run completes) instead of stdout; - is stdout")
    .action(async (file: string | undefined, opts: { config?: string; format: "json" | "csv"; output?: string }) => {
      refuseOptionsBefore(program, "batch");
      const { runBatch } = await import("./batch.js");
      const { outputPath } = await import("./output.js");
      setExit(await runBatch(file, io, opts.config, opts.format, outputPath(opts.output)));
    });

  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of the --json output")
    .option("--debug", DEBUG_HELP)
    .action(async () => {
      refuseOptionsBefore(program, "schema");
      const { jsonOutputJsonSchema } = await import("../core/resultSchema.js");
      io.writeOut(renderJson(jsonOutputJsonSchema()));
    });

  return program;
}

/**
 * The zone of `--time`: `--tz` (or its site setting), else the system zone. An empty or unknown
 * system zone (TZ='' or TZ=Not/AZone, which Node would silently read as UTC) is refused, naming --tz.
 */
function calendarZone(tz: string | undefined, io: Io): string {
  if (tz !== undefined) return tz;
  const isZone = (zone: string | undefined): zone is string => {
    if (!zone || zone === "Etc/Unknown") return false;
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  };
  const fromEnv = io.env.TZ;
  // glibc reads TZ=":Europe/London" as Europe/London.
  const zone = fromEnv !== undefined ? fromEnv.replace(/^:/, "") : io.systemTimeZone?.();
  if (isZone(zone)) return zone;
  const what = fromEnv !== undefined ? `the system zone TZ=${JSON.stringify(fromEnv)} is empty or not an IANA zone` : "the system zone is unknown";
  throw new UsageError("NO_TIME_ZONE", `--time needs a time zone and ${what}: give --tz, e.g. --tz Europe/London`);
}

function paintFor(flag: boolean | undefined, io: Io): Paint {
  return useColor(flag, io) ? COLOR : NO_COLOR;
}
