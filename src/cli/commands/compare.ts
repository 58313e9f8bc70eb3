import type { Command } from "commander";
import { COMPARE_FORMATS, formatChoices } from "../outputFormats.js";
import { COMMANDS, type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";
import { SCHEDULE_OPTIONS } from "../options.js";
import { PATIENT_LEVEL_KEYS, REGIMEN_KEYS, SITE_DEFAULT_KEYS } from "../regimenText.js";
import { commanderOption } from "./schedule.js";

/** The keys as indented lines of at most 80 columns. */
function keyLines(keys: readonly string[]): string {
  const lines = [""];
  for (const key of keys) {
    const last = lines.length - 1;
    const next = lines[last] === "" ? key : `${lines[last]}, ${key}`;
    if (next.length > 76) lines.push(key);
    else lines[last] = next;
  }
  return lines.map((line, i) => `  ${line}${i < lines.length - 1 ? "," : ""}`).join("\n");
}

const helpAfter = () => `
Examples:
  mmn-dose compare --weight 70 --regimen dose=2,every=4 --regimen dose=1,every=2 \\
    --regimen route=scig,dose=2,every=4 --price-per-g 60
  mmn-dose compare --weight 70 --regimen dose=2,every=4 --regimen product=privigen,vials=10,20 --json

Each --regimen is comma-separated key=value pairs with the batch keys that describe a regimen:
${keyLines(REGIMEN_KEYS)}
(a list goes on to the next key=: vials=10,20,every=4; allowAboveLabelRate=true). A key not given
takes the command line's or the site's setting, else the default (2 g/kg every 4 weeks, vial
rounding, Gammagard Liquid; IVIG settings do not apply to route=scig). Patient data (weight,
height, sex, age, policy, dosing weight, at-risk, region) is given once, on the command line.

Figures are for steady state: the last course of a plan long enough to be past the first infusions
(and HyQvia's ramp-up), so chair time uses the later-infusion rate plan; at intervals over 8 weeks
every IVIG course is a first infusion (NL-IVIG002) and the comparison says so. Per year of 365.25
days: courses a year = 365.25 / (7 x weeks between courses); g/kg/month uses a month of 365.25 / 12
days and the grams given; grams a year are dispensed grams (whole vials, waste included); cost =
grams a year x --price-per-g (no cost without it). Values are rounded to 2 decimals at the end.`;

/**
 * The options of `compare`, added when the command is about to run (commander's preSubcommand hook):
 * building them costs the one-patient start-up nothing.
 */
function addCompareOptions(command: Command): void {
  for (const key of [...PATIENT_LEVEL_KEYS, ...SITE_DEFAULT_KEYS]) {
    const spec = SCHEDULE_OPTIONS.find((o) => o.key === key && o.value !== undefined)!;
    const group = PATIENT_LEVEL_KEYS.includes(key)
      ? "Patient (the same for every regimen):"
      : "Defaults for every regimen (also site settings):";
    command.addOption(commanderOption(spec).helpGroup(group));
  }
  command
    .option(
      "--regimen <key=value,…>",
      "one regimen to compare, e.g. dose=1,every=2 or route=scig,dose=2,every=4; give two or more",
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option("--price-per-g <price>", "price of one gram (any currency, above 0): adds the cost a year")
    .option("--format <format>", formatChoices(COMPARE_FORMATS))
    .option("--json", "same as --format json")
    .option("-o, --output <file>", "write the output to this file (atomically) instead of stdout; - is stdout")
    .option("--color", "force color in the table")
    .option("--no-color", "no color")
    .option("--config <file>", "site configuration file")
    .addHelpText("after", helpAfter());
}

/** `mmn-dose compare`: regimens side by side for one patient, per steady-state year. */
export function addCompareCommand({ program, io }: CommandContext): void {
  const command = program
    .command("compare")
    .description(COMMANDS.compare)
    .usage("--weight <weight> --regimen <key=value,…> --regimen <key=value,…> [options]")
    .option("--debug", DEBUG_HELP)
    .action(async (opts: Record<string, unknown>) => {
      refuseOptionsBefore(program, "compare");
      const { runCompare } = await import("../compare.js");
      await runCompare(opts, io);
    });
  let optionsAdded = false;
  program.hook("preSubcommand", (_program, subcommand) => {
    if (subcommand !== command || optionsAdded) return;
    optionsAdded = true;
    addCompareOptions(command);
  });
}
