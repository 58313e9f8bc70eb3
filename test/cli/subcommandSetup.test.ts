// A run that names no subcommand skips setting the subcommands up (start-up time): these check that
// it still parses exactly as a program with every subcommand does.
import { describe, expect, it } from "vitest";
import { COMMAND_NAMES } from "../../src/cli/commandKit.js";
import type { Io } from "../../src/cli/io.js";
import { createProgram } from "../../src/cli/program.js";
import { needsSubcommands } from "../../src/cli/scheduleArgv.js";
import { runInProcess } from "../helpers/inProcess.js";

const io = { writeOut: () => true, writeErr: () => true, env: {}, stdoutIsTTY: false, today: () => "2026-11-25" } as Io;

describe("subcommand set-up", () => {
  it("COMMAND_NAMES lists the program's subcommands in the order --help shows them", () => {
    expect(createProgram(io, () => {}).commands.map((c) => c.name())).toEqual([...COMMAND_NAMES]);
  });

  it("is needed when a word names a subcommand or asks for help, wherever it stands", () => {
    expect(needsSubcommands(["--weight", "70"])).toBe(false);
    expect(needsSubcommands(["--weight", "70", "batch"])).toBe(true);
    expect(needsSubcommands(["--calendar-id", "review", "--weight", "70"])).toBe(true);
    expect(needsSubcommands(["help"])).toBe(true);
    expect(needsSubcommands(["--weight", "70", "-h"])).toBe(true);
  });

  it("an unexpected word still lists every command", async () => {
    const r = await runInProcess(["--weight", "70", "extra"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      "(the commands are products, config, batch, schema, compare, review, explain and completion; everything else is an --option)",
    );
  });
});
