import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IVIG_IDS, SCHEDULE_OPTIONS, SCIG_IDS } from "../../src/cli/options.js";
import { MESSAGE_CODES } from "../../src/data/messageCodes.js";
import { BIN, ROOT, runCli } from "../helpers/cli.js";
import { runInProcess } from "../helpers/inProcess.js";

// `mmn-dose completion <bash|zsh|fish>`: scripts built from the options table and the commander
// program. bash is loaded in a real bash and its function called with COMP_WORDS/COMP_CWORD set;
// zsh and fish are syntax-checked (and fish asked for completions) when the shells are installed.

const has = (shell: string) => spawnSync("sh", ["-c", `command -v ${shell}`]).status === 0;

/** COMPREPLY of the bash function for a command line; the last word is the one being completed. */
function bashComplete(words: readonly string[]): string[] {
  const quoted = words.map((w) => `'${w}'`).join(" ");
  const script = [
    `source <("${process.execPath}" "${BIN}" completion bash)`,
    `COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}`,
    "_mmn_dose",
    `printf "%s\\n" "\${COMPREPLY[@]}"`,
  ].join("\n");
  const r = spawnSync("bash", ["-c", script], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  return r.stdout.split("\n").filter(Boolean);
}

describe("mmn-dose completion", () => {
  it("refuses an unknown or missing shell: exit 2, naming bash, zsh and fish", async () => {
    for (const args of [["completion", "tcsh"], ["completion"]]) {
      const run = await runInProcess(args);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr.split("\n")[0]).toMatch(/^mmn-dose: completion needs a shell: bash, zsh or fish/);
    }
    expect((await runInProcess(["completion", "tcsh"])).stderr).toContain("got 'tcsh'");
  });

  it("is listed in --help's commands", async () => {
    expect((await runInProcess(["--help"])).stdout).toMatch(
      /^ {2}completion \[options\] \[shell\] +print a shell completion script/m,
    );
  });

  it("bash: the script registers _mmn_dose for mmn-dose in a real bash", () => {
    const r = spawnSync(
      "bash",
      ["-c", `source <("${process.execPath}" "${BIN}" completion bash); complete -p mmn-dose`],
      {
        encoding: "utf8",
      },
    );
    expect(r.stdout.trim()).toBe("complete -F _mmn_dose mmn-dose");
  });

  it("bash: completes options, product ids, choices, commands and subcommand values", () => {
    expect(bashComplete(["mmn-dose", "--pro"])).toEqual(["--product"]);
    expect(bashComplete(["mmn-dose", "--product", ""])).toEqual([...IVIG_IDS]);
    expect(bashComplete(["mmn-dose", "--weight", "70", "--scig-product", ""])).toEqual([...SCIG_IDS]);
    expect(bashComplete(["mmn-dose", "--policy", ""])).toEqual(["ontario", "australia", "uk", "none"]);
    expect(bashComplete(["mmn-dose", "--format", "i"])).toEqual(["ics"]);
    expect(bashComplete(["mmn-dose", "--tz", "Europe/Lon"])).toEqual(["Europe/London"]);
    expect(bashComplete(["mmn-dose", "--weight", ""])).toEqual([]); // a number: nothing to offer
    expect(bashComplete(["mmn-dose", "b"])).toEqual(["batch"]);
    expect(bashComplete(["mmn-dose", ""])).toEqual([
      "products",
      "config",
      "batch",
      "schema",
      "compare",
      "review",
      "explain",
      "completion",
    ]);
    expect(bashComplete(["mmn-dose", "completion", ""])).toEqual(["bash", "zsh", "fish"]);
    expect(bashComplete(["mmn-dose", "batch", "--format", ""])).toEqual(["json", "csv", "fhir", "table"]);
    expect(bashComplete(["mmn-dose", "batch", "--forecast", ""])).toEqual(["week", "month"]);
  });

  it("bash: the README's two lines work in a plain bash (no bash-completion package)", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const block = readme.slice(readme.indexOf("## Shell completion")).split("```sh\n")[1]!.split("```")[0]!;
    const steps = block.split("\n").filter((l) => / # bash|^echo .*bashrc/.test(l) || l.includes("completion bash"));
    expect(steps).toHaveLength(2);
    const home = mkdtempSync(join(tmpdir(), "mmn-dose-home-"));
    const shims = mkdtempSync(join(tmpdir(), "mmn-dose-path-"));
    writeFileSync(join(shims, "mmn-dose"), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`, { mode: 0o755 });
    const env = { HOME: home, PATH: `${shims}:${process.env.PATH}` };
    for (const step of steps) expect(spawnSync("bash", ["--norc", "-c", step], { env }).status).toBe(0);
    const check = `source ~/.bashrc; complete -p mmn-dose; COMP_WORDS=(mmn-dose schema c); COMP_CWORD=2; _mmn_dose; echo \${COMPREPLY[@]}`;
    const r = spawnSync("bash", ["--norc", "--noprofile", "-c", check], {
      env,
      encoding: "utf8",
    });
    expect(r.stdout).toBe("complete -F _mmn_dose mmn-dose\ncompare\n");
    rmSync(home, { recursive: true, force: true });
    rmSync(shims, { recursive: true, force: true });
  });

  it("bash: completes the schema names and the explain codes (from the message code table)", () => {
    expect(bashComplete(["mmn-dose", "schema", ""])).toEqual([
      "schedule",
      "batch",
      "compare",
      "forecast",
      "review",
      "review-due",
    ]);
    expect(bashComplete(["mmn-dose", "schema", "f"])).toEqual(["forecast"]);
    expect(bashComplete(["mmn-dose", "explain", ""])).toEqual(Object.keys(MESSAGE_CODES).sort());
    expect(bashComplete(["mmn-dose", "explain", "ROUNDED_D"])).toEqual(
      Object.keys(MESSAGE_CODES)
        .filter((c) => c.startsWith("ROUNDED_D"))
        .sort(),
    );
    expect(bashComplete(["mmn-dose", "explain", "ROUNDED_D"])).toContain("ROUNDED_DAY_ABOVE_MAX_DAILY");
  });

  it("bash: every option of the table is offered (the script follows options.ts)", () => {
    const offered = new Set(bashComplete(["mmn-dose", "--weight", "70", "-"]));
    for (const spec of SCHEDULE_OPTIONS)
      for (const name of spec.flags.split(/[ ,]+/).filter((w) => w.startsWith("-"))) expect(offered).toContain(name);
  });

  it("batch --format's completed values are the ones batch accepts", () => {
    // table is the forecast's format only.
    for (const format of bashComplete(["mmn-dose", "batch", "--format", ""])) {
      const forecast = format === "table" ? ["--forecast", "week"] : [];
      expect(runCli(["batch", "--format", format, ...forecast], {}, "").status, format).toBe(0);
    }
  });

  it.runIf(has("zsh"))("zsh: the script parses (zsh -n) and registers _mmn_dose with compinit", () => {
    const script = `${process.execPath} ${BIN} completion zsh`;
    const text = runCli(["completion", "zsh"]).stdout;
    expect(spawnSync("zsh", ["-n", "-c", text]).status).toBe(0);
    expect(spawnSync("zsh", ["-n", "-c", `${text}\nbroken() {`]).status).not.toBe(0); // -n does check
    const r = spawnSync(
      "zsh",
      ["-f", "-c", `autoload -U compinit; compinit -u -D; source <(${script}); print -r -- $_comps[mmn-dose]`],
      { encoding: "utf8" },
    );
    expect(r.stdout.trim()).toBe("_mmn_dose");
  });

  it.runIf(has("fish"))("fish: the script parses (fish -n) and completes --pro and --product", () => {
    const text = runCli(["completion", "fish"]).stdout;
    // fish -n checks a file (not a -c string).
    const dir = mkdtempSync(join(tmpdir(), "mmn-fish-"));
    writeFileSync(join(dir, "good.fish"), text);
    writeFileSync(join(dir, "bad.fish"), `${text}\nend\n`);
    expect(spawnSync("fish", ["-n", join(dir, "good.fish")]).status).toBe(0);
    expect(spawnSync("fish", ["-n", join(dir, "bad.fish")]).status).not.toBe(0); // -n does check
    rmSync(dir, { recursive: true });
    const script = `"${process.execPath}" "${BIN}" completion fish | psub`;
    const run = (line: string) =>
      spawnSync("fish", ["-c", `source (${script}); complete -C "${line}"`], { encoding: "utf8" })
        .stdout.split("\n")
        .filter(Boolean)
        .map((l) => l.split("\t")[0]);
    expect(run("mmn-dose --pro")).toEqual(["--product"]);
    expect(run("mmn-dose --product ").sort()).toEqual([...IVIG_IDS].sort());
    expect(run("mmn-dose completion ").sort()).toEqual(["bash", "fish", "zsh"]);
  });

  it("zsh and fish scripts name every command, option and product (without the shells too)", async () => {
    for (const shell of ["zsh", "fish"]) {
      const text = (await runInProcess(["completion", shell])).stdout;
      for (const word of [
        "products",
        "batch",
        "completion",
        "weight",
        "scig-product",
        ...IVIG_IDS,
        ...SCIG_IDS,
        "ontario",
      ])
        expect(text).toContain(word);
    }
    expect((await runInProcess(["completion", "zsh"])).stdout.startsWith("#compdef mmn-dose\n")).toBe(true);
  });
});
