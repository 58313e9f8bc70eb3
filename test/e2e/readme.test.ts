import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ROOT, runCli } from "../helpers/cli.js";

/**
 * The examples in the README and the guides in docs/ are part of the contract with users: every one
 * of them is run here, and an output they show must be what the tool prints
 * (`node scripts/update-readme.mjs` rewrites the shown outputs after an intended change).
 */
const FILES = [
  "README.md",
  ...readdirSync(`${ROOT}docs`)
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];
const readme = readFileSync(`${ROOT}README.md`, "utf8");

/** `mmn-dose …` or `npx mmn-dose …` up to a pipe, redirect, `&&` or comment. */
function commandsIn(line: string): { args: string[]; exit: number }[] {
  const exit = Number(/# exit (\d+)/.exec(line)?.[1] ?? 0);
  return [...line.matchAll(/(?:^|&&\s*|npx\s+)mmn-dose((?:\s+[^\s|>#&]+)*)/g)].map((m) => ({
    args: m[1]!.trim().split(/\s+/).filter(Boolean),
    exit,
  }));
}

function examplesIn(file: string) {
  const text = readFileSync(`${ROOT}${file}`, "utf8");
  const blocks = [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
  const shell = blocks
    .filter((b) => b.lang === "sh")
    .flatMap((b) => b.body.split("\n"))
    .flatMap(commandsIn)
    .map((e) => ({ file, ...e }));
  const console = blocks
    .filter((b) => b.lang === "console")
    .map((b) => {
      const [first, ...rest] = b.body.split("\n");
      return { file, args: commandsIn(first!.replace(/^\$ /, ""))[0]!.args, output: rest.join("\n") };
    });
  return { shell, console };
}

const examples = FILES.map(examplesIn);
const shellExamples = examples.flatMap((e) => e.shell);
const consoleExamples = examples.flatMap((e) => e.console);

describe("README and guides", () => {
  it("shows the two commands at the top", () => {
    const top = readme.slice(0, 1200);
    expect(top).toContain("npm install && npx mmn-dose --weight 70");
    expect(top).toContain("npm test");
  });

  it("have examples to run, in the README and in each user's guide", () => {
    expect(shellExamples.length).toBeGreaterThan(40);
    expect(consoleExamples.length).toBeGreaterThan(4);
    for (const file of ["README.md", "docs/pharmacist.md", "docs/nurse.md", "docs/scripts-and-ehr.md"])
      expect(shellExamples.filter((e) => e.file === file).length, file).toBeGreaterThan(2);
    expect(consoleExamples.filter((e) => e.file === "README.md").length).toBeGreaterThan(0);
  });

  it.each(shellExamples.map((e) => [e.file, e.args.join(" "), e] as const))(
    "%s: mmn-dose %s",
    (_file, _name, example) => {
      const run = runCli(example.args);
      expect(run.status).toBe(example.exit);
      if (example.exit === 0 && !example.args.includes("-o")) expect(run.stdout.length).toBeGreaterThan(0);
    },
  );

  it.each(consoleExamples.map((e) => [e.file, e.args.join(" "), e] as const))(
    "%s prints exactly what it shows: mmn-dose %s",
    (_file, _name, example) => {
      expect(runCli(example.args, { NO_COLOR: "1" }).stdout).toBe(example.output);
    },
  );
});

describe("README: Troubleshooting", () => {
  const section = readme.slice(readme.indexOf("## Troubleshooting"), readme.indexOf("## Reporting problems"));
  const flat = (text: string) => text.replace(/\s+/g, " ");

  it("shows the exit-2 lines exactly as the tool prints them", () => {
    const block = /```text\n([\s\S]*?)```/.exec(section)![1]!.replace(/^ {2}/gm, "");
    const run = runCli(["--weight", "banana"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(block.replace(/ +$/, ""));
  });

  it.each([
    [["--wieght", "70"], {}, "unknown option '--wieght' (did you mean --weight?)"],
    [["--weight", "70", "--product", "privign"], {}, "got 'privign' (did you mean privigen?)"],
    [["--weight", "70", "--weight", "80"], {}, "--weight was given twice ('70' and '80'): give it once"],
    [["--weight", "70", "--json", "--format", "csv"], {}, "--json and --format csv cannot be used together"],
    [
      ["--weight", "70", "--format", "ics", "--time", "09:00"],
      { TZ: "" },
      'needs a time zone and the system zone TZ="" is empty or not an IANA zone: give --tz, e.g. --tz Europe/London',
    ],
  ] as const)("quotes what mmn-dose %j prints", (args, env, quoted) => {
    const run = runCli(args, env);
    expect(run.status).toBe(2);
    expect(flat(run.stderr)).toContain(quoted);
    expect(flat(section)).toContain(quoted);
  });

  it("quotes the launcher's missing-build line and the internal-error hint from the code", () => {
    const bin = readFileSync(`${ROOT}bin/mmn-dose.cjs`, "utf8");
    const main = readFileSync(`${ROOT}src/cli/main.ts`, "utf8");
    expect(bin).toContain("is missing; build it with 'npm install' or 'npm run build'");
    expect(section).toContain("is missing; build it with 'npm install' or 'npm run build'");
    expect(main).toContain("Re-run with --debug for details.");
    expect(section).toContain("Re-run with --debug for details.");
  });
});
