import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-progress-"));
const input = join(dir, "clinic.jsonl");
// Enough lines to run well over the 200 ms between updates.
writeFileSync(input, `${'{"weight":70,"start":"2026-12-01"}\n'.repeat(600)}`);

describe.skipIf(!existsSync("/usr/bin/script"))("batch progress through a pseudo-terminal", () => {
  it("stderr a terminal: the progress line appears and is erased; stdout (a file) is untouched", () => {
    const out = join(dir, "out.jsonl");
    // script(1) gives the command a pty; stdout is redirected to a file, stderr stays on the pty.
    const command = `${process.execPath} ${BIN} batch ${input} > ${out}`;
    const r = spawnSync("/usr/bin/script", ["-qec", command, "/dev/null"], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "", HOME: "/nonexistent", TZ: "UTC" },
      timeout: 120_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\r\u001b\[Kmmn-dose: batch: \d+ lines…/);
    expect(r.stdout.endsWith("\r\u001b[K")).toBe(true);
    expect(readFileSync(out, "utf8").trimEnd().split("\n")).toHaveLength(600);
  });

  it("stderr a pipe: no progress at all", () => {
    const run = runCli(["batch", input, "-o", join(dir, "piped.jsonl")]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
  });
});
