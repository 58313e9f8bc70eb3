import { Option } from "commander";
import { COMMAND_NAMES, type CommandContext } from "../commandKit.js";
import { UsageError } from "../cliError.js";
import { runSchedule } from "../onePatient.js";
import { LIST_KEYS, OPTION_GROUPS, type OptionSpec, SCHEDULE_OPTIONS, takesValue } from "../options.js";

/** commander's argParser for a value option: a second value is an error, not a silent override. */
function onlyOnce(flag: string, key: string, value: string, previous: unknown): string {
  if (previous !== undefined) {
    const list = LIST_KEYS.has(key) ? " (list several values with commas)" : "";
    throw new UsageError(
      "REPEATED_OPTION",
      `${flag} was given twice ('${String(previous)}' and '${value}'): give it once${list}`,
    );
  }
  return value;
}

/** A commander option from its row in the options table (compare uses it too). */
export function commanderOption(spec: OptionSpec): Option {
  const description = spec.defaultText ? `${spec.description} [default: ${spec.defaultText}]` : spec.description;
  const option = new Option(spec.flags, description).helpGroup(spec.group);
  // Given twice, commander keeps the last value silently: `--weight 70 --weight 80` would dose 80 kg.
  if (takesValue(spec))
    option.argParser((value: string, previous: unknown) => onlyOnce(option.long!, spec.key, value, previous));
  return option;
}

/** The one-patient command is the program itself: its options (grouped in --help) and its action. */
export function addScheduleCommand(ctx: CommandContext): void {
  const { program, io } = ctx;
  for (const group of OPTION_GROUPS) {
    for (const spec of SCHEDULE_OPTIONS) if (spec.group === group) program.addOption(commanderOption(spec));
  }
  program.action((unexpected: string[], raw: Record<string, unknown>) =>
    runSchedule(unexpected, raw, io, COMMAND_NAMES),
  );
}
