import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { envName, SITE_KEYS } from "../../src/cli/options.js";
import { ScheduleResultSchema } from "../../src/core/resultSchema.js";
import { envVariable } from "../../src/render/settingsLine.js";
import { runInProcess } from "../helpers/inProcess.js";

function siteFile(settings: Record<string, unknown>): string {
  const path = join(mkdtempSync(join(tmpdir(), "mmn-dose-site-")), "site.json");
  writeFileSync(path, JSON.stringify(settings));
  return path;
}

const PATIENT = ["--weight", "70", "--start", "2026-12-01", "--courses", "1"];

describe("a config file or MMN_DOSE_* variable that set a value is named", () => {
  it("table header and notes name the file, not the flag", async () => {
    const path = siteFile({ vials: [10, 20], maxRate: 4, round: "none" });
    const r = await runInProcess([...PATIENT, "--config", path]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`  Settings       ${path} (vials, round, maxRate)\n`);
    expect(r.stdout).toContain(`stocked vials: 10, 20 g (vials in ${path})`);
    expect(r.stdout).toContain(`maximum rate 4 mL/kg/h from maxRate in ${path}`);
    // 70 kg × 2 g/kg = 140 g, not rounded
    expect(r.stdout).toContain(`140 g (exact, round none in ${path})`);
    expect(r.stdout).not.toContain("(--vials)");
    expect(r.stdout).not.toContain("from --max-rate");
  });

  it("a typed flag wins and is named as the flag; the file is then not named for it", async () => {
    const path = siteFile({ vials: [10, 20] });
    const r = await runInProcess([...PATIENT, "--config", path, "--vials", "5,10"]);
    expect(r.stdout).toContain("5, 10 g (--vials)");
    expect(r.stdout).not.toContain("Settings");
    const json = JSON.parse((await runInProcess([...PATIENT, "--config", path, "--vials", "5,10", "--json"])).stdout);
    expect(json.settings).toBeUndefined();
  });

  it("JSON: settings lists the file, its keys and the variables' keys; it validates against the schema", async () => {
    const path = siteFile({ round: "none", stepMinutes: 40 });
    const r = await runInProcess([...PATIENT, "--config", path, "--json"], { env: { MMN_DOSE_MAX_DAILY: "0.5" } });
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.settings).toEqual({ file: path, fromFile: ["round", "stepMinutes"], fromEnv: ["maxDaily"] });
    expect(ScheduleResultSchema.safeParse(doc).success).toBe(true);
    const note = doc.notes.find((n: { message: string }) => n.message.includes("every 40 min"));
    expect(note.message).toContain(`every 40 min (stepMinutes in ${path})`);
  });

  it("the environment: the header names the variable, the course dose its value", async () => {
    const r = await runInProcess(PATIENT, { env: { MMN_DOSE_ROUND: "none", MMN_DOSE_MAX_DAILY: "0.5" } });
    expect(r.stdout).toContain("  Settings       MMN_DOSE_ROUND, MMN_DOSE_MAX_DAILY\n");
    expect(r.stdout).toContain("(exact, MMN_DOSE_ROUND=none)");
    expect(r.stdout).toContain("needs no rounding (MMN_DOSE_ROUND=none)");
    // 140 g at ≤ 0.5 g/kg/day × 70 kg = 35 g a day: 4 days of 35 g
    expect(r.stdout).toContain("4 days of 35 g (0.5 g/kg/day); fewest days for MMN_DOSE_MAX_DAILY=0.5 g/kg");
    expect(r.stdout).toContain("within MMN_DOSE_MAX_DAILY=0.5 g/kg (35 g)");
    expect(r.stdout).not.toContain("--max-daily 0.5");
  });

  it("a policy from the file is named where the dosing weight cites it", async () => {
    const path = siteFile({ policy: "ontario" });
    const r = await runInProcess(
      ["--weight", "100", "--height", "175", "--sex", "male", "--start", "2026-12-01", "--config", path],
      {},
    );
    expect(r.stdout).toContain(`[policy ontario in ${path}]`);
    expect(r.stdout).toContain(`from policy ontario in ${path}`);
  });

  it("a calendar-only setting does not count for a table", async () => {
    const path = siteFile({ time: "09:00" });
    const r = await runInProcess([...PATIENT, "--config", path]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain("Settings");
  });

  it("with no file and no variable, output is unchanged: no Settings line, no settings key", async () => {
    const table = await runInProcess(PATIENT);
    expect(table.stdout).not.toContain("Settings");
    expect(JSON.parse((await runInProcess([...PATIENT, "--json"])).stdout)).not.toHaveProperty("settings");
  });

  it("the renderer's variable names are the CLI's", () => {
    for (const key of SITE_KEYS) expect(envVariable(key)).toBe(envName(key));
  });
});

describe("batch lines name the site settings they used, as a one-patient run does", () => {
  it("a file's vials are named in a line's notes and settings; a line that sets vials itself is not", async () => {
    const path = siteFile({ vials: [10, 20] });
    const input = `${JSON.stringify({ id: "a", weight: 70, start: "2026-12-01", courses: 1 })}\n${JSON.stringify({
      id: "b",
      weight: 70,
      start: "2026-12-01",
      courses: 1,
      vials: [5, 10],
    })}\n`;
    const r = await runInProcess(["batch", "--config", path], {
      readInput: async function* () {
        yield new TextEncoder().encode(input);
      },
      stdinIsTTY: false,
    });
    expect(r.status).toBe(0);
    const [a, b] = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(a.settings).toEqual({ file: path, fromFile: ["vials"], fromEnv: [] });
    expect(JSON.stringify(a.notes)).toContain(`(vials in ${path})`);
    expect(JSON.stringify(a.notes)).not.toContain("(--vials)");
    expect(b.settings).toBeUndefined();
    expect(JSON.stringify(b.notes)).toContain("('vials')");
  });
});
