import { renderJson } from "../../render/json.js";
import { type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";
import { UsageError } from "../errors.js";
import { escapeControl } from "../escape.js";

/** `mmn-dose schema [schedule|review]`: the JSON Schema of a command's --json output. */
export function addSchemaCommand({ program, io }: CommandContext): void {
  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of the --json output (schedule, or review)")
    .argument("[command]", "schedule (default) or review")
    .option("--debug", DEBUG_HELP)
    .action(async (name: string | undefined) => {
      refuseOptionsBefore(program, "schema");
      if (name === "review") {
        const { reviewJsonSchema } = await import("../../core/reviewSchema.js");
        io.writeOut(renderJson(reviewJsonSchema()));
        return;
      }
      if (name !== undefined && name !== "schedule")
        throw new UsageError("USAGE", `schema takes schedule or review; got '${escapeControl(name)}'`);
      const { jsonOutputJsonSchema } = await import("../../core/resultSchema.js");
      io.writeOut(renderJson(jsonOutputJsonSchema()));
    });
}
