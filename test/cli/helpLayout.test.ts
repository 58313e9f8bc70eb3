import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";

describe("--help leads with examples", () => {
  it("usage, then the examples for each user, then the option groups, then rules", async () => {
    const { status, stdout } = await runInProcess(["--help"]);
    expect(status).toBe(0);
    const at = (text: string) => {
      const k = stdout.indexOf(text);
      expect(k, text).toBeGreaterThanOrEqual(0);
      return k;
    };
    expect(stdout.startsWith("Usage: mmn-dose")).toBe(true);
    const order = [
      at("Examples:"),
      at("Pharmacist, the table:"),
      at("Nurse, a calendar:"),
      at("--format ics --time 9:00"),
      at("Scripts:"),
      at("batch examples/clinic.jsonl"),
      at("\nPatient:\n"),
      at("\nRegimen:\n"),
      at("\nSite:\n"),
      at("\nCommands:\n"),
      at("\nRules:\n"),
      at("\nExit codes:\n"),
    ];
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The examples come within the first screenful.
    expect(stdout.slice(0, at("Scripts:")).split("\n").length).toBeLessThan(20);
    const examples = stdout.slice(at("Examples:"), at("\nOptions:"));
    for (const line of examples.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("fits 80 columns: commander wraps the options, the examples, rules and exit codes are written to fit", async () => {
    const { stdout } = await runInProcess(["--help"]);
    for (const line of stdout.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
  });

  it("each example runs (exit 0)", async () => {
    const { stdout } = await runInProcess(["--help"]);
    const examples = stdout.slice(stdout.indexOf("Examples:"), stdout.indexOf("\nOptions:"));
    const commands = [...examples.matchAll(/^ {4}mmn-dose (.*?)(?: {2,}|$)/gm)].map((m) => m[1]!.split(" "));
    expect(commands.length).toBe(11);
    for (const argv of commands) {
      if (argv[0] === "batch" || argv.includes("-o")) continue; // need files; run by the e2e tests
      const run = await runInProcess(argv);
      expect(run.status, argv.join(" ")).toBe(0);
    }
  });

  it("a subcommand's help is commander's own, without the examples", async () => {
    const { stdout } = await runInProcess(["batch", "--help"]);
    expect(stdout).toContain("Usage: mmn-dose batch");
    expect(stdout).not.toContain("Pharmacist, the table:");
  });

  it("no arguments: the short usage with examples on stderr, exit 2", async () => {
    const r = await runInProcess([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Usage: mmn-dose --weight/);
    expect(r.stderr).toContain("Examples:");
  });
});
