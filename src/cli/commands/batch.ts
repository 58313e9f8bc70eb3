import { Option } from "commander";
import { type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";
import { UsageError } from "../errors.js";
import { closest } from "../suggest.js";

type BatchFormat = "json" | "csv" | "fhir";
const BATCH_FORMATS: readonly BatchFormat[] = ["json", "csv", "fhir"];

/** `batch --format`: json, csv or fhir in any case; anything else names the closest. */
function batchFormat(value: string): BatchFormat {
  const format = value.toLowerCase();
  const known = BATCH_FORMATS.find((f) => f === format);
  if (known) return known;
  const near = closest(value, BATCH_FORMATS);
  const hint = near === undefined ? "" : ` (did you mean ${near}?)`;
  throw new UsageError("INVALID_OPTION", `batch --format must be one of json, csv, fhir; got '${value}'${hint}`);
}

/** `mmn-dose batch [file]`: one patient per line in, one output line per line, same order. */
export function addBatchCommand({ program, io, setExit }: CommandContext): void {
  const format = new Option(
    "--format <format>",
    "json (JSON Lines), csv (one CSV for the clinic, with line and id) or fhir (one FHIR R4 Bundle a line; " +
      "a line's patientRef is its subject), any case",
  );
  program
    .command("batch")
    .description(
      "one patient per JSON line in (a file, or stdin for - or none), one JSON line out per line, same order",
    )
    .option("--debug", DEBUG_HELP)
    .argument(
      "[file]",
      "JSON Lines input, or CSV with a header row of the same keys when the name ends in .csv; - or none for stdin",
    )
    .option("--config <file>", "site configuration file")
    .addOption(format.argParser(batchFormat).default("json"))
    .option(
      "-o, --output <file>",
      "write the output to this file (atomically, when the run completes) instead of stdout; - is stdout",
    )
    .action(async (file: string | undefined, opts: { config?: string; format: BatchFormat; output?: string }) => {
      refuseOptionsBefore(program, "batch");
      const { runBatch } = await import("../batch.js");
      const { outputPath } = await import("../output.js");
      setExit(await runBatch(file, io, opts.config, opts.format, outputPath(opts.output)));
    });
}
