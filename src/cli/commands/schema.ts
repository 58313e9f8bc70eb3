import { renderJson } from "../../render/json.js";
import { type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";

/** `mmn-dose schema`: the JSON Schema of the --json output. */
export function addSchemaCommand({ program, io }: CommandContext): void {
  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of the --json output")
    .option("--debug", DEBUG_HELP)
    .action(async () => {
      refuseOptionsBefore(program, "schema");
      const { jsonOutputJsonSchema } = await import("../../core/resultSchema.js");
      io.writeOut(renderJson(jsonOutputJsonSchema()));
    });
}
