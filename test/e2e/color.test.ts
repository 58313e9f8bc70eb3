import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";
import { runCli } from "../helpers/cli.js";

const ESC = "\u001b[";
const ARGS = ["--weight", "70", "--start", "2026-12-01", "--courses", "1"];
const ANSI = /\u001b\[[0-9;]*m/g;

describe("color: the tool decides, chalk only paints", () => {
  it("a terminal gets the table's four styles as SGR codes: bold 1/22, dim 2/22, yellow 33/39, cyan 36/39", async () => {
    const r = await runInProcess([...ARGS, "--age", "70"], { stdoutIsTTY: true });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${ESC}1mmmn-dose · Gammagard Liquid 10 %`);
    expect(r.stdout).toContain(`${ESC}2mPatient        ${ESC}22m70 kg`);
    expect(r.stdout).toMatch(/\u001b\[33m! [A-Z0-9_]+\u001b\[39m: /);
    expect(r.stdout).toMatch(/\u001b\[36mi [A-Z0-9_]+\u001b\[39m: /);
  });

  it("colour off is byte-identical to the colour run with its codes removed", async () => {
    const plain = await runInProcess(ARGS);
    const colored = await runInProcess(ARGS, { stdoutIsTTY: true });
    expect(plain.stdout).not.toContain(ESC);
    expect(colored.stdout.replace(ANSI, "")).toBe(plain.stdout);
  });

  it("NO_COLOR turns it off on a terminal", async () => {
    const r = await runInProcess(ARGS, { stdoutIsTTY: true, env: { NO_COLOR: "1" } });
    expect(r.stdout).not.toContain(ESC);
  });

  it("--no-color on a terminal with FORCE_COLOR set: none", async () => {
    const r = await runInProcess([...ARGS, "--no-color"], { stdoutIsTTY: true, env: { FORCE_COLOR: "3" } });
    expect(r.stdout).not.toContain(ESC);
  });

  it("--color into a file colors it, even where chalk's own detection would say no (FORCE_COLOR=0, no TTY)", () => {
    const out = join(mkdtempSync(join(tmpdir(), "mmn-dose-color-")), "plan.txt");
    const r = runCli([...ARGS, "--color", "-o", out], { FORCE_COLOR: "0", TERM: "dumb" });
    expect(r.status).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain(`${ESC}1mmmn-dose`);
  });

  it("a file gets no color without --color; --no-color after a --color env is plain", () => {
    const dir = mkdtempSync(join(tmpdir(), "mmn-dose-color-"));
    const r = runCli([...ARGS, "-o", join(dir, "a.txt")], { FORCE_COLOR: "3" });
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, "a.txt"), "utf8")).not.toContain(ESC);
    expect(runCli([...ARGS, "--no-color"], { FORCE_COLOR: "3" }).stdout).not.toContain(ESC);
  });

  it("products: --color paints, --no-color does not", async () => {
    expect((await runInProcess(["products", "--color"])).stdout).toContain(ESC);
    expect((await runInProcess(["products", "--no-color"], { stdoutIsTTY: true })).stdout).not.toContain(ESC);
  });
});
