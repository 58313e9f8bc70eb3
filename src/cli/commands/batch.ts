import { Option } from "commander";
import type { ForecastPeriod } from "../../core/forecast.js";
import { COMMANDS, type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";
import { UsageError } from "../cliError.js";
import { BATCH_FORMATS, type BatchFormat, FORECAST_PERIODS } from "../outputFormats.js";
import { closest } from "../suggest.js";

/** A choice in any case; anything else names the accepted values and the closest. */
function choice<T extends string>(flag: string, values: readonly T[]): (value: string) => T {
  return (value) => {
    const found = values.find((v) => v === value.toLowerCase());
    if (found !== undefined) return found;
    const near = closest(value, values);
    const hint = near === undefined ? "" : ` (did you mean ${near}?)`;
    throw new UsageError("INVALID_OPTION", `batch ${flag} must be one of ${values.join(", ")}; got '${value}'${hint}`);
  };
}

interface BatchOpts {
  readonly config?: string;
  readonly format?: BatchFormat;
  /** `--json`: the same as `--format json`, as on the one-patient command. */
  readonly json?: boolean;
  readonly output?: string;
  readonly forecast?: ForecastPeriod;
  readonly fields?: string;
  readonly sources: boolean;
}

/** Which options go together: table only for a forecast; the compact forms only for JSON lines. */
function checkCombination(opts: BatchOpts): BatchFormat {
  if (opts.json && opts.format !== undefined && opts.format !== "json")
    throw new UsageError("CONFLICTING_OPTIONS", `--json and --format ${opts.format} cannot be used together`);
  const format = opts.format ?? (opts.json ? "json" : opts.forecast === undefined ? "json" : "table");
  if (format === "table" && opts.forecast === undefined)
    throw new UsageError("INVALID_OPTION", "batch --format table is for --forecast; per patient lines are json or csv");
  if (format === "fhir" && opts.forecast !== undefined)
    throw new UsageError("INVALID_OPTION", "batch --forecast is written as table, json or csv; not --format fhir");
  const compact = opts.fields !== undefined ? "--fields" : opts.sources ? undefined : "--no-sources";
  if (compact !== undefined && (opts.forecast !== undefined || format !== "json")) {
    throw new UsageError(
      "INVALID_OPTION",
      `batch ${compact} shapes the JSON lines of each patient; not with ` +
        (opts.forecast !== undefined ? "--forecast" : `--format ${format}`),
    );
  }
  return format;
}

/** `mmn-dose batch [file]`: one patient per line in, one output line per line, same order; or a forecast. */
export function addBatchCommand({ program, io, setExit }: CommandContext): void {
  const format = new Option(
    "--format <format>",
    "json (JSON Lines; the default), csv (one CSV for the clinic, with line and id) or fhir (one FHIR R4 Bundle " +
      "a line; a line's patientRef is its subject); with --forecast: table (the default), json or csv; any case",
  );
  program
    .command("batch")
    .description(COMMANDS.batch)
    .option("--debug", DEBUG_HELP)
    .argument(
      "[file]",
      "JSON Lines input, or CSV with a header row of the same keys when the name ends in .csv; - or none for stdin",
    )
    .option("--config <file>", "site configuration file")
    .addOption(format.argParser(choice("--format", BATCH_FORMATS)))
    .option("--json", "same as --format json")
    .option(
      "-o, --output <file>",
      "write the output to this file (atomically, when the run completes) instead of stdout; - is stdout",
    )
    .addOption(
      new Option(
        "--forecast <period>",
        "pharmacy forecast: one document summing every good line's grams, volume, vials, infusions and " +
          "patients per week (ISO, from Monday) or month, and product",
      ).argParser(choice("--forecast", FORECAST_PERIODS)),
    )
    .option("--fields <keys>", "compact lines: keep only these top-level keys (with line, id, schemaVersion)")
    .option("--no-sources", "compact lines: drop the sources arrays (the result's and each warning's and note's)")
    .addHelpText(
      "after",
      "\nExamples:\n  mmn-dose batch clinic.jsonl -o schedules.jsonl\n" +
        "  mmn-dose batch clinic.jsonl --fields patient,courseTotals,warnings --no-sources\n" +
        "  mmn-dose batch clinic.jsonl --forecast week            (--format json|csv for scripts)\n\n" +
        "Exit 3 when a line failed; stderr then names the first five (line, id, error code). " +
        "On a terminal, stderr shows the progress of long runs.",
    )
    .action(async (file: string | undefined, opts: BatchOpts) => {
      refuseOptionsBefore(program, "batch");
      const chosen = checkCombination(opts);
      const fields =
        opts.fields === undefined ? undefined : (await import("../batchFields.js")).checkFields(opts.fields);
      const { runBatch } = await import("../batchStream.js");
      const { outputPath } = await import("../output.js");
      const shape = { forecast: opts.forecast, fields, noSources: !opts.sources };
      setExit(await runBatch(file, io, opts.config, chosen, outputPath(opts.output), shape));
    });
}
