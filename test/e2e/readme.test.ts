import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

/** The README's examples are part of the contract with users: every one of them is run here. */
const readme = readFileSync(`${ROOT}README.md`, "utf8");
const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));

/** `mmn-dose …` or `npx mmn-dose …` up to a pipe, redirect, `&&` or comment. */
function commandsIn(line: string): { args: string[]; exit: number }[] {
  const exit = Number(/# exit (\d+)/.exec(line)?.[1] ?? 0);
  return [...line.matchAll(/(?:^|&&\s*|npx\s+)mmn-dose((?:\s+[^\s|>#&]+)*)/g)].map((m) => ({
    args: m[1]!.trim().split(/\s+/).filter(Boolean),
    exit,
  }));
}

const shellExamples = blocks
  .filter((b) => b.lang === "sh")
  .flatMap((b) => b.body.split("\n"))
  .flatMap(commandsIn);

const consoleExamples = blocks
  .filter((b) => b.lang === "console")
  .map((b) => {
    const [first, ...rest] = b.body.split("\n");
    return { args: commandsIn(first!.replace(/^\$ /, ""))[0]!.args, output: rest.join("\n") };
  });

describe("README", () => {
  it("shows the two commands at the top", () => {
    const top = readme.slice(0, 1200);
    expect(top).toContain("npm install && npx mmn-dose --weight 70");
    expect(top).toContain("npm test");
  });

  it("has examples to run", () => {
    expect(shellExamples.length).toBeGreaterThan(8);
    expect(consoleExamples.length).toBeGreaterThan(0);
  });

  it.each(shellExamples.map((e) => [e.args.join(" "), e] as const))("mmn-dose %s", (_name, example) => {
    const run = runCli(example.args);
    expect(run.status).toBe(example.exit);
    if (example.exit === 0 && !example.args.includes("-o")) expect(run.stdout.length).toBeGreaterThan(0);
  });

  it.each(consoleExamples.map((e) => [e.args.join(" "), e] as const))(
    "prints exactly what it shows: mmn-dose %s",
    (_name, example) => {
      expect(runCli(example.args, { NO_COLOR: "1" }).stdout).toBe(example.output);
    },
  );
});
