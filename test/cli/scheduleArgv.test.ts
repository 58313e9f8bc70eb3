// A plain one-patient command line is read from the options table without commander (start-up):
// whatever that reading accepts, commander must read the same way, value for value.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES } from "../../src/cli/commandKit.js";
import type { Io } from "../../src/cli/io.js";
import { SCHEDULE_OPTIONS, takesValue } from "../../src/cli/options.js";
import { createProgram } from "../../src/cli/program.js";
import { needsSubcommands, scheduleArgv } from "../../src/cli/scheduleArgv.js";

const io = { writeOut: () => true, writeErr: () => true, env: {}, stdoutIsTTY: false, today: () => "2026-11-25" } as Io;

/** What commander hands the one-patient action for `argv`, or "refused" (a usage error, help, a subcommand). */
async function commanderReads(
  argv: string[],
): Promise<{ unexpected: string[]; raw: Record<string, unknown> } | "refused"> {
  const program = createProgram(io, () => {}, needsSubcommands(argv));
  let read: { unexpected: string[]; raw: Record<string, unknown> } | "refused" = "refused";
  program.action((unexpected: string[], raw: Record<string, unknown>) => {
    read = { unexpected, raw: { ...raw } };
  });
  for (const command of program.commands) command.action(() => {});
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch {
    return "refused";
  }
  return read;
}

const spellingsOf = (flags: string) => flags.split(/,? /).filter((w) => w.startsWith("-"));

/** A word for an option: its flag (a long one with "=value" too), then its value where it takes one. */
const optionWords = fc.constantFrom(...SCHEDULE_OPTIONS).chain((spec) =>
  fc.tuple(fc.constantFrom(...spellingsOf(spec.flags)), fc.boolean(), values).map(([flag, inline, value]) => {
    if (!takesValue(spec)) return inline && flag.startsWith("--") ? [`${flag}=${value}`] : [flag];
    return inline && flag.startsWith("--") ? [`${flag}=${value}`] : [flag, value];
  }),
);
const values = fc.oneof(
  fc.constantFrom("70", "70kg", "2026-12-01", "json", "ics", "", "=", "a=b", "-1", "--json", "-w", "--", "help", "-h"),
  fc.constantFrom(...COMMAND_NAMES, "--version", "-V", "kg", "x,y"),
  fc.string({ maxLength: 6 }),
);
const strayWords = fc.constantFrom("extra", "-x", "--nope", "--", "-", "help", "--help", "-h", "-V", "-w70", "-ofile");
const argvs = fc
  .array(fc.oneof({ weight: 8, arbitrary: optionWords }, { weight: 1, arbitrary: strayWords.map((w) => [w]) }), {
    maxLength: 7,
  })
  .map((words) => words.flat());

describe("scheduleArgv", () => {
  test.prop([argvs], { numRuns: 400 })("reads a command line only as commander does", async (argv) => {
    const fast = scheduleArgv(argv);
    if (fast === undefined) return;
    expect(await commanderReads(argv)).toEqual({ unexpected: [], raw: fast });
  });

  /** Options given once each, values that are neither flags nor command words: the runs people type. */
  const plainArgv = fc
    .uniqueArray(fc.constantFrom(...SCHEDULE_OPTIONS.filter((o) => !o.flags.startsWith("--no-"))), {
      selector: (o) => o.key,
      maxLength: 8,
    })
    .chain((specs) =>
      fc.tuple(
        ...specs.map((spec) =>
          fc
            .tuple(
              fc.constantFrom(...spellingsOf(spec.flags)),
              fc.boolean(),
              fc.constantFrom("70", "2026-12-01", "a b", ""),
            )
            .map(([flag, inline, value]) => {
              if (!takesValue(spec)) return [flag];
              return inline && flag.startsWith("--") ? [`${flag}=${value}`] : [flag, value];
            }),
        ),
      ),
    )
    .map((words) => words.flat());

  test.prop([plainArgv], { numRuns: 200 })("reads every plain one-patient command line itself", async (argv) => {
    const fast = scheduleArgv(argv);
    expect(fast).toBeDefined();
    expect(await commanderReads(argv)).toEqual({ unexpected: [], raw: fast });
  });

  it("leaves to commander what only commander says how to refuse or answer", () => {
    for (const argv of [
      ["--weight", "70", "--weight", "80"],
      ["--weight", "70", "extra"],
      ["--weight", "--json"],
      ["--weight"],
      ["--json=yes", "--weight", "70"],
      ["--weight", "70", "--help"],
      ["products"],
      ["--weight", "70", "--nope"],
      ["-w70"],
    ])
      expect(scheduleArgv(argv), argv.join(" ")).toBeUndefined();
  });

  it("reads short and long spellings, '=' values and --no- options as commander's keys", () => {
    expect(scheduleArgv(["-w", "70", "--no-color", "-o", "p.ics", "--format=ics", "--skip-weekends"])).toEqual({
      weight: "70",
      color: false,
      output: "p.ics",
      format: "ics",
      skipWeekends: true,
    });
  });
});
