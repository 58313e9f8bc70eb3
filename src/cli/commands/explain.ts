import { renderJson } from "../../render/json.js";
import {
  COMMANDS,
  type CommandContext,
  DEBUG_HELP,
  paintFor,
  refuseOptionsBefore,
  terminalWidth,
} from "../commandKit.js";
import { UsageError } from "../cliError.js";
import { escapeControl } from "../escape.js";
import { editDistance } from "../suggest.js";

/**
 * The codes nearest a mistyped one: those that contain it (or that it contains), then the fewest
 * edits away, at most three.
 *
 * @example
 * nearestCodes("ROUNDE", ["ROUNDED", "SPLIT", "NOT_ROUNDED"]) //=> ["ROUNDED", "NOT_ROUNDED", "SPLIT"]
 */
function nearestCodes(text: string, codes: readonly string[]): string[] {
  const contains = (code: string) => code.includes(text) || text.includes(code);
  return [...codes]
    .sort((a, b) => Number(contains(b)) - Number(contains(a)) || editDistance(text, a) - editDistance(text, b))
    .slice(0, 3);
}

const orList = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} or ${items.at(-1)}` : (items[0] ?? "");

/** `mmn-dose explain [CODE]`: what a warning or note code means; without a code, every code. */
export function addExplainCommand({ program, io }: CommandContext): void {
  program
    .command("explain")
    .argument("[code]", "a warning or note code, any case (e.g. ROUNDED_DAY_ABOVE_MAX_DAILY)")
    .description(COMMANDS.explain)
    .option("--debug", DEBUG_HELP)
    .option("--json", "print the entry (or the list) as JSON")
    .option("--color", "force color")
    .option("--no-color", "no color")
    .action(async (code: string | undefined, opts: { json?: boolean; color?: boolean }) => {
      refuseOptionsBefore(program, "explain");
      const { MESSAGE_CODES } = await import("../../data/messageCodes.js");
      const view = await import("../../render/messageCodes.js");
      const paint = await paintFor(opts.color, io);
      if (code === undefined) {
        io.writeOut(
          opts.json
            ? renderJson(view.codeListJson(MESSAGE_CODES))
            : view.renderCodeList(MESSAGE_CODES, paint, terminalWidth(io)),
        );
        return;
      }
      const wanted = code.trim().toUpperCase().replace(/[\s-]/g, "_");
      const info = Object.hasOwn(MESSAGE_CODES, wanted)
        ? MESSAGE_CODES[wanted as keyof typeof MESSAGE_CODES]
        : undefined;
      if (info === undefined) {
        const near = nearestCodes(wanted, Object.keys(MESSAGE_CODES));
        throw new UsageError(
          "UNKNOWN_CODE",
          `unknown code '${escapeControl(code)}': did you mean ${orList(near)}? (mmn-dose explain lists every code)`,
        );
      }
      io.writeOut(
        opts.json
          ? renderJson(view.codeEntryJson(wanted, info))
          : view.renderCodeEntry(wanted, info, paint, terminalWidth(io)),
      );
    });
}
