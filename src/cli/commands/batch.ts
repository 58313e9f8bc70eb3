import { Option } from "commander";
import { type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";
import { UsageError } from "../errors.js";
import { closest } from "../suggest.js";

/** `batch --format`: json or csv in any case; anything else names the closest. */
function batchFormat(value: string): "json" | "csv" {
  const format = value.toLowerCase();
  if (format === "json" || format === "csv") return format;
  const near = closest(value, ["json", "csv"]);
  const hint = near === undefined ? "" : ` (did you mean ${near}?)`;
  throw new UsageError("INVALID_OPTION", `batch --format must be one of json, csv; got '${value}'${hint}`);
}

/** `mmn-dose batch [file]`: one patient per line in, one output line per line, same order. */
export function addBatchCommand({ program, io, setExit }: CommandContext): void {
  const format = new Option(
    "--format <format>",
    "json (JSON Lines) or csv (one CSV for the clinic, with line and id), any case",
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
    .action(async (file: string | undefined, opts: { config?: string; format: "json" | "csv"; output?: string }) => {
      refuseOptionsBefore(program, "batch");
      const { runBatch } = await import("../batch.js");
      const { outputPath } = await import("../output.js");
      setExit(await runBatch(file, io, opts.config, opts.format, outputPath(opts.output)));
    });
}
