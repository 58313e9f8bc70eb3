import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";

function input(text: string) {
  return {
    readInput: async function* () {
      yield Buffer.from(text);
    },
  };
}

const LINE = `${JSON.stringify({ id: "p1", weight: 70, start: "2026-12-01", courses: 1 })}\n`;

describe("--json on batch and compare, as on the one-patient command", () => {
  it("batch --json is batch --format json", async () => {
    const json = await runInProcess(["batch", "--json"], input(LINE));
    const format = await runInProcess(["batch", "--format", "json"], input(LINE));
    expect(json.stderr).toBe("");
    expect(json.status).toBe(0);
    expect(json.stdout).toBe(format.stdout);
    expect(JSON.parse(json.stdout).id).toBe("p1");
  });

  it("batch --forecast week --json is the forecast as JSON", async () => {
    const run = await runInProcess(["batch", "--forecast", "week", "--json"], input(LINE));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).forecast.period).toBe("week");
  });

  it("batch --json with another --format is refused", async () => {
    const run = await runInProcess(["batch", "--json", "--format", "csv"], input(LINE));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--json and --format csv/);
  });

  it("compare --json still works", async () => {
    const run = await runInProcess([
      "compare",
      "--weight",
      "70",
      "--regimen",
      "dose=2,every=4",
      "--regimen",
      "dose=1,every=2",
      "--json",
    ]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).regimens).toHaveLength(2);
  });
});

describe("a subcommand's usage error points to its own --help", () => {
  it.each([
    ["batch", ["batch", "--frobnicate"]],
    ["compare", ["compare", "--weight", "70", "--frobnicate"]],
    ["products", ["products", "--frobnicate"]],
  ])("%s", async (command, argv) => {
    const run = await runInProcess(argv, input(LINE));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown option '--frobnicate'");
    expect(run.stderr).toContain(`Run 'mmn-dose ${command} --help'`);
  });

  it("the one-patient command still points to mmn-dose --help", async () => {
    const run = await runInProcess(["--weight", "70", "--frobnicate"]);
    expect(run.stderr).toContain("Run 'mmn-dose --help'");
  });
});
