import type { Command } from "commander";
import { formatChoices, REVIEW_FORMATS } from "../outputFormats.js";
import { COMMANDS, type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";
import { SCHEDULE_OPTIONS } from "../options.js";
import { commanderOption } from "./schedule.js";

const helpAfter = `
Examples:
  mmn-dose review history.csv --as-of 2026-01-04 --programme ontario
  mmn-dose review history.jsonl --dose 2 --every 4 --json
  mmn-dose review history.csv --write-plan taper.json --taper dose-25%
    (then: mmn-dose --plan taper.json --weight 70)
  mmn-dose review clinic.csv --due --programme ontario

History: CSV with a header row, or JSON Lines (first character {), one event
per row: date, kind (infusion, measure, weight), route, product, grams, lot
(infusions), kg (weights), measure, value, unit (measures: grip-left/grip-
right in kPa or kg, mrc-sum and onls in points, rods in logit or centile); an
optional patient column (a clinic file: --patient ID, or --due). - reads
stdin. Courses are runs of IVIG infusion days on consecutive days; g/kg uses
each date's dosing weight (the latest weight row on or before it, or --weight,
through --policy/--dosing-weight as the schedule). A month is 365.25 / 12
days. Verdicts compare a change with the measure's sourced MCID (MRC sum ±2,
Vigorimeter ±8 kPa, MMN-RODS ±4 logit; none for ONLS, Jamar kg or RODS
centiles: no verdict). Options are options, never decisions; review output
never changes a dose.`;

/** The review's options, added when the command is about to run (no cost to other commands' start-up). */
function addReviewOptions(command: Command): void {
  for (const key of ["weight", "height", "sex", "policy", "dosingWeight", "dose", "every"]) {
    const spec = SCHEDULE_OPTIONS.find((o) => o.key === key && o.value !== undefined)!;
    const group = key === "dose" || key === "every" ? "Prescribed regimen (optional):" : "Patient:";
    // Without --weight the history's weight rows dose; with it, it overrides them all.
    const description =
      key === "weight"
        ? "actual body weight (70, 70kg or 154lb): overrides every weight row of the history"
        : spec.description;
    command.addOption(commanderOption({ ...spec, description, defaultText: undefined }).helpGroup(group));
  }
  command
    .option("--as-of <YYYY-MM-DD>", "the review date (default today)")
    .option("--programme <id>", "review intervals of ontario or bc (australia: no sourced interval, refused)")
    .option("--patient <id>", "the patient's rows of a clinic file (patient column)")
    .option("--due", "list who is due or overdue for review (clinic file, each patient's rows together)")
    .option("--write-plan <file>", "write a taper trial as a --plan file (an option, never a decision)")
    .option("--taper <step>", "interval+Nw or dose-N% (default: the CIDP 90/75/50/25 % steps, 12 weeks each)")
    .option("--format <format>", formatChoices(REVIEW_FORMATS))
    .option("--json", "same as --format json")
    .option("-o, --output <file>", "write the output to this file (atomically) instead of stdout; - is stdout")
    .addHelpText("after", helpAfter);
}

/** `mmn-dose review <history>`: dose intensity, outcomes against sourced MCIDs, review dates, options. */
export function addReviewCommand({ program, io }: CommandContext): void {
  const command = program
    .command("review")
    .description(COMMANDS.review)
    .argument("[history]", "CSV or JSON Lines history file; - for stdin")
    .usage("<history> [--weight <kg>] [--programme <id>] [options]")
    .option("--debug", DEBUG_HELP)
    .action(async (history: string | undefined, opts: Record<string, unknown>) => {
      refuseOptionsBefore(program, "review");
      const { runReview } = await import("../review.js");
      await runReview(history, opts, io);
    });
  let optionsAdded = false;
  program.hook("preSubcommand", (_program, subcommand) => {
    if (subcommand !== command || optionsAdded) return;
    optionsAdded = true;
    addReviewOptions(command);
  });
}
