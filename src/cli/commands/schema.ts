import { renderJson } from "../../render/json.js";
import { COMMANDS, type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";
import { UsageError } from "../cliError.js";
import { escapeControl } from "../escape.js";
import { SCHEMA_NAMES, SCHEMAS, type SchemaName } from "../schemaCatalog.js";
import { closest } from "../suggest.js";

const NAMES = SCHEMA_NAMES.join(", ");

/** A schema name in any case; anything else names the choices and the closest. */
function schemaName(name: string | undefined): SchemaName {
  if (name === undefined) return "schedule";
  const found = SCHEMA_NAMES.find((n) => n === name.toLowerCase());
  if (found !== undefined) return found;
  const near = closest(name, SCHEMA_NAMES);
  const hint = near === undefined ? "" : ` (did you mean ${near}?)`;
  throw new UsageError("USAGE", `schema must be one of ${NAMES}; got '${escapeControl(name)}'${hint}`);
}

/** `mmn-dose schema [name]`: the JSON Schema of a machine output (the one-patient --json by default). */
export function addSchemaCommand({ program, io }: CommandContext): void {
  program
    .command("schema")
    .description(COMMANDS.schema)
    .argument("[name]", SCHEMA_NAMES.map((n) => `${n}: ${SCHEMAS[n].output}`).join("; "))
    .option("--debug", DEBUG_HELP)
    .action(async (name: string | undefined) => {
      refuseOptionsBefore(program, "schema");
      io.writeOut(renderJson(await SCHEMAS[schemaName(name)].build()));
    });
}
