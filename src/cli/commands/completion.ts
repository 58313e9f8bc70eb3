import { COMMANDS, type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";
import { UsageError } from "../cliError.js";
import { SHELL_NAMES } from "../shells.js";

/** `mmn-dose completion <bash|zsh|fish>`: a completion script for the shell, on stdout. */
export function addCompletionCommand({ program, io }: CommandContext): void {
  program
    .command("completion")
    .description(COMMANDS.completion)
    .argument("[shell]", SHELL_NAMES)
    .option("--debug", DEBUG_HELP)
    .action(async (shell: string | undefined) => {
      refuseOptionsBefore(program, "completion");
      const { completionModel, SHELLS } = await import("../completionModel.js");
      const name = shell?.toLowerCase();
      const known = SHELLS.find((s) => s === name);
      if (known === undefined) {
        const got = shell === undefined ? "" : `; got '${shell}'`;
        throw new UsageError("USAGE", `completion needs a shell: ${SHELL_NAMES}${got} (e.g. mmn-dose completion bash)`);
      }
      const { completionScript } = await import("../completionScripts.js");
      const { MESSAGE_CODES } = await import("../../data/messageCodes.js");
      io.writeOut(completionScript(known, completionModel(program, Object.keys(MESSAGE_CODES))));
    });
}
