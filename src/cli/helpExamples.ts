import { isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Help } from "commander";
import type { Command } from "commander";

/**
 * An example file shipped with the package (examples/), named so that the help's command runs from
 * the current folder: relative inside the package's folder (a clone), else the full path (an
 * installed package). Without a folder (tests in process), the path from the package's root.
 */
function examplePath(name: string, cwd: string | undefined): string {
  const file = fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
  if (cwd === undefined) return `examples/${name}`;
  const near = relative(cwd, file);
  const path = near.startsWith("..") || isAbsolute(near) ? file : near;
  // Quoted for the shell when the folder's name needs it (a space, a quote).
  return /^[\w@%+=:,./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}

/** A command and its description: beside it when there is room, else on the next line. */
function example(command: string, description: string): string {
  const line = `    ${command}`;
  return line.length < 48 ? `${line.padEnd(48)}${description}` : `${line}\n${" ".repeat(48)}${description}`;
}

/** The examples `--help` leads with, one per kind of user: pharmacist (table), nurse (calendar), script. */
const helpExamples = (cwd: string | undefined) => `Examples:
  Pharmacist, the table:
    mmn-dose --weight 70 --start 2026-12-01     2 g/kg every 4 weeks, 6 courses
    mmn-dose --weight 73 --round 5g             nearest 5 g: 146 g -> 145 g
    mmn-dose --weight 100 --height 175 --sex male --policy ontario
                                                adjusted weight 82.28 kg: 165 g
    mmn-dose --weight 70 --route scig --last-ivig 2026-11-24
                                                the weekly SCIG equivalent
  Nurse, a calendar:
    mmn-dose --weight 70 --format ics --time 9:00 -o plan.ics
  Scripts:
    mmn-dose --weight 70 --json                 one JSON document
${example(`mmn-dose batch ${examplePath("clinic.jsonl", cwd)} > out.jsonl`, "one JSON line per patient")}
  Plans, comparisons, the working:
${example(`mmn-dose --weight 70 --plan ${examplePath("plan.json", cwd)}`, "loading, maintenance, then SCIG")}
    mmn-dose compare --weight 70 --regimen dose=2 --regimen dose=1,every=2
                                                regimens side by side, per year
    mmn-dose --weight 70 --explain              every number worked out, sourced
    mmn-dose explain ROUNDED                    what a warning or note means
`;

/**
 * commander's help with the examples right after the usage line and description, before the option
 * groups (`addHelpText("after")` would put them below 150 lines of options). Subcommands keep
 * commander's help unchanged.
 */
export function examplesFirst(cmd: Command, helper: Help, cwd?: string): string {
  const text = Help.prototype.formatHelp.call(helper, cmd, helper);
  if (cmd.parent) return text;
  const firstGroup = text.search(/^\S.*:\n {2}-/m);
  return firstGroup < 0 ? text : `${text.slice(0, firstGroup)}${helpExamples(cwd)}\n${text.slice(firstGroup)}`;
}
