import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-config-"));
const write = (name: string, data: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data));
  return path;
};
const regimen = (args: string[], env: Record<string, string> = {}, cwd?: string) =>
  JSON.parse(runCli(["--weight", "70", "--start", "2026-12-01", "--json", ...args], env, undefined, cwd).stdout)
    .regimen;

describe("site configuration", () => {
  const site = write("site.json", { round: "5g", maxDaily: 0.5, skipWeekends: true });

  it("precedence: flag > MMN_DOSE_* > config file > default", () => {
    expect(regimen([]).rounding).toBe("vial"); // default
    expect(regimen(["--config", site]).rounding).toBe("5g"); // config
    expect(regimen(["--config", site], { MMN_DOSE_ROUND: "none" }).rounding).toBe("none"); // env over config
    expect(regimen(["--config", site, "--round", "vial"], { MMN_DOSE_ROUND: "none" }).rounding).toBe("vial"); // flag over all
    expect(regimen(["--config", site]).daysPerCourse).toBe(4); // maxDaily 0.5 from the file
  });

  it("finds ./mmn-dose.config.json, then the user's config directory", () => {
    const project = mkdtempSync(join(tmpdir(), "mmn-dose-project-"));
    writeFileSync(join(project, "mmn-dose.config.json"), JSON.stringify({ round: "none" }));
    expect(regimen([], {}, project).rounding).toBe("none");
    const xdg = mkdtempSync(join(tmpdir(), "mmn-dose-xdg-"));
    mkdirSync(join(xdg, "mmn-dose"));
    writeFileSync(join(xdg, "mmn-dose", "config.json"), JSON.stringify({ round: "5g" }));
    expect(regimen([], { XDG_CONFIG_HOME: xdg }).rounding).toBe("5g");
  });

  it("mmn-dose config shows each setting with its source", () => {
    const run = runCli(["config", "--config", site, "--json"], { MMN_DOSE_POLICY: "uk" });
    const doc = JSON.parse(run.stdout);
    const by = Object.fromEntries(doc.settings.map((s: { key: string }) => [s.key, s]));
    expect(by.round).toMatchObject({ value: "5g", source: `config ${site}` });
    expect(by.policy).toMatchObject({ value: "uk", source: "env MMN_DOSE_POLICY" });
    expect(by.product).toMatchObject({ value: null, source: "default" });
    expect(runCli(["config", "--config", site]).stdout).toContain(`config file: ${site}`);
  });

  it.each([
    ["patient data", { weight: 70 }, "key 'weight' is patient data"],
    ["unknown key", { colour: "red" }, "unknown key 'colour'"],
    ["wrong type", { maxDaily: "one" }, "key 'maxDaily': --max-daily must be a number from 0.1 to 2 g/kg; got 'one'"],
    [
      "a list for one value",
      { maxDaily: [1] },
      "key 'maxDaily': --max-daily must be a number from 0.1 to 2 g/kg; got '[1]'",
    ],
    [
      "wrong list element",
      { vials: [10, {}] },
      "key 'vials': --vials must be a comma-separated list of numbers from 0.1 to 100 g",
    ],
    ["a word for a boolean", { skipWeekends: "yes" }, "key 'skipWeekends': must be true or false"],
    ["not an object", [1], "the file: must be a JSON object of site settings"],
    ["out of range", { maxDaily: 9 }, "key 'maxDaily': --max-daily must be a number from 0.1 to 2 g/kg"],
    ["not JSON", "{ round: 5g", "line 1, column 3: not valid JSON: expected a key in double quotes, found 'r'"],
  ])("refuses %s with the file and key named (exit 2)", (_name, content, message) => {
    const path = write(`bad-${_name.replace(/ /g, "-")}.json`, content);
    const run = runCli(["--weight", "70", "--config", path]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toContain(message);
  });

  it("a bad environment value names the variable", () => {
    const run = runCli(["--weight", "70"], { MMN_DOSE_PRODUCT: "nope" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("MMN_DOSE_PRODUCT: --product must be one of");
  });

  it("a bad on/off environment value is refused, not read as off", () => {
    const run = runCli(["--weight", "70"], { MMN_DOSE_SKIP_WEEKENDS: "banana" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("MMN_DOSE_SKIP_WEEKENDS must be true or false (or 1/0, yes/no); got 'banana'");
    for (const [text, on] of [
      ["YES", true],
      ["0", false],
      ["False", false],
    ] as const) {
      const doc = JSON.parse(
        runCli(["--weight", "70", "--start", "2026-12-05", "--courses", "1", "--json"], {
          MMN_DOSE_SKIP_WEEKENDS: text,
        }).stdout,
      );
      expect(doc.infusions[0].date).toBe(on ? "2026-12-07" : "2026-12-05");
    }
  });

  it("a flag overrides a site's skipWeekends and policy (--no-skip-weekends, --policy none)", () => {
    const site = write("site-override.json", { skipWeekends: true, policy: "ontario" });
    const base = ["--weight", "70", "--start", "2026-12-05", "--courses", "1", "--json", "--config", site];
    const withSite = runCli(base);
    expect(withSite.status).toBe(2); // ontario needs --height and --sex
    const doc = JSON.parse(runCli([...base, "--no-skip-weekends", "--policy", "none"]).stdout);
    expect(doc.infusions[0].date).toBe("2026-12-05");
    expect(doc.patient.policy).toBeNull();
  });

  it("an error about a setting the user did not type names where it came from", () => {
    const site = write("site-vials.json", { vials: [10, 20, 40] });
    const fromFile = runCli(["--weight", "70", "--product", "panzyga", "--config", site]);
    expect(fromFile.status).toBe(2);
    expect(fromFile.stderr).toContain(
      `--vials 40: Panzyga 10 % comes in 1, 2.5, 5, 10, 20, 30 g vials (--vials comes from config ${site})`,
    );
    const fromEnv = runCli(["--weight", "70"], { MMN_DOSE_POLICY: "ontario" });
    expect(fromEnv.stderr).toContain("(--policy comes from MMN_DOSE_POLICY)");
    expect(runCli(["--weight", "70", "--policy", "ontario"]).stderr).not.toContain("comes from");
  });

  it("null means not set, and an empty avoid list means no dates", () => {
    const site = write("site-nulls.json", { round: null, avoid: [] });
    const run = runCli(["--weight", "70", "--start", "2026-12-01", "--courses", "1", "--json", "--config", site]);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).regimen.rounding).toBe("vial");
  });

  it("config shows an SCIG product set by the environment, and defaults by name", () => {
    const doc = JSON.parse(runCli(["config", "--json"], { MMN_DOSE_SCIG_PRODUCT: "xembify" }).stdout);
    const by = Object.fromEntries(doc.settings.map((s: { key: string }) => [s.key, s]));
    expect(by.scigProduct).toMatchObject({ value: "xembify", source: "env MMN_DOSE_SCIG_PRODUCT" });
    expect(by.product).toMatchObject({ value: null, source: "default", default: "gammagard-liquid" });
  });

  it("options before a command are refused, not silently dropped", () => {
    const run = runCli(["--config", "site.json", "batch", "-"], {}, "");
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      "--config before 'batch' is not read: options go after the command, e.g. mmn-dose batch --config",
    );
  });

  it("a missing --config file is an error", () => {
    expect(runCli(["--weight", "70", "--config", join(dir, "none.json")]).stderr).toContain("no such file");
  });
});
