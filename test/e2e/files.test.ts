// Issue 13: hostile files, settings and input. Every case spawns the built CLI.
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, ROOT, runCli } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ONE = ["--weight", "70", "--start", "2026-12-01"];
const isRoot = process.getuid?.() === 0;
/** `nobody` when the suite runs as root, so a test can drop privileges; undefined otherwise. */
const nobody = (() => {
  if (!isRoot) return undefined;
  const r = spawnSync("id", ["-u", "nobody"], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", "nobody"], { encoding: "utf8" });
  return r.status === 0 && g.status === 0 ? { uid: Number(r.stdout), gid: Number(g.stdout) } : undefined;
})();

/** Runs the CLI through sh, so a test can close or redirect descriptors. */
function sh(script: string, env: Record<string, string> = {}) {
  const r = spawnSync("sh", ["-c", script], {
    cwd: ROOT,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", TZ: "UTC", HOME: "/nonexistent", MMN: `${process.execPath} ${BIN}`, ...env },
    timeout: 20_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("-o: never replaces what is not a regular file", () => {
  it("writes into a device directly (mknod in a temporary folder); the device stays a device", () => {
    const dev = join(dir, "null-device");
    const made = spawnSync("mknod", [dev, "c", "1", "3"]);
    if (made.status !== 0) return void console.warn("skipped: mknod needs root (CAP_MKNOD)");
    const r = runCli([...ONE, "-o", dev]);
    expect(r.stderr).not.toMatch(/cannot|error/);
    expect(r.status).toBe(0);
    expect(lstatSync(dev).isCharacterDevice()).toBe(true);
  });

  it("writes into /dev/null directly (run as an unprivileged user, who cannot replace it either way)", () => {
    if (!nobody && isRoot) return void console.warn("skipped: no 'nobody' user to drop privileges to");
    const r = spawnSync(process.execPath, [BIN, ...ONE, "-o", "/dev/null"], {
      encoding: "utf8",
      env: { HOME: "/nonexistent" },
      cwd: "/",
      ...(nobody ?? {}),
    });
    expect(r.stderr).not.toMatch(/cannot|error/);
    expect(r.status).toBe(0);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("writes into a FIFO directly, for the reader at the other end", () => {
    const fifo = join(dir, "fifo");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const out = join(dir, "from-fifo.txt");
    const r = sh(
      `timeout 10 cat "${fifo}" > "${out}" & $MMN ${ONE.join(" ")} --json -o "${fifo}"; status=$?; wait; exit $status`,
    );
    expect(r.stderr).not.toMatch(/cannot|error/);
    expect(r.status).toBe(0);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(readFileSync(out, "utf8")).schemaVersion).toBe(1);
  });

  it("writes through a symlink to its target; the link stays a link", () => {
    const target = join(dir, "target.json");
    writeFileSync(target, "old");
    const link = join(dir, "link.json");
    symlinkSync("target.json", link);
    const r = runCli([...ONE, "--json", "-o", link]);
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("target.json");
    expect(JSON.parse(readFileSync(target, "utf8")).schemaVersion).toBe(1);
  });

  it("a dangling symlink creates its target", () => {
    const link = join(dir, "dangling.json");
    symlinkSync("made-by-link.json", link);
    expect(runCli([...ONE, "--json", "-o", link]).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "made-by-link.json"), "utf8")).schemaVersion).toBe(1);
  });

  it("an existing file keeps its permission bits (0600)", () => {
    const file = join(dir, "private.json");
    writeFileSync(file, "old");
    chmodSync(file, 0o600);
    expect(runCli([...ONE, "--json", "-o", file]).status).toBe(0);
    expect(statSync(file).mode & 0o7777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8")).schemaVersion).toBe(1);
  });

  it("a long but legal file name (255 bytes) works: the temporary name is short", () => {
    const file = join(dir, `${"a".repeat(250)}.json`);
    const r = runCli([...ONE, "--json", "-o", file]);
    expect(r.stderr).not.toMatch(/cannot|error/);
    expect(r.status).toBe(0);
    expect(JSON.parse(readFileSync(file, "utf8")).schemaVersion).toBe(1);
  });

  it("-o - is stdout", () => {
    const r = runCli([...ONE, "--json", "-o", "-"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
    expect(() => statSync(join(ROOT, "-"))).toThrow();
  });

  it("-o '' and --config '' are usage errors", () => {
    for (const args of [
      [...ONE, "-o", ""],
      [...ONE, "--output="],
      [...ONE, "--config", ""],
      ["batch", "--config", ""],
      ["config", "--config", ""],
    ]) {
      const r = runCli(args, {}, "");
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^mmn-dose: (-o|--output|--config)\b/);
    }
  });

  it("a directory as -o is an I/O error naming it", () => {
    const r = runCli([...ONE, "-o", dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("is a directory");
  });

  it("batch accepts -o (atomic, and - for stdout)", () => {
    const file = join(dir, "batch-out.jsonl");
    const input = '{"id":"a","weight":70,"start":"2026-12-01"}\n{"id":"b","weight":"?"}\n';
    const r = runCli(["batch", "-o", file], {}, input);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe("");
    const lines = readFileSync(file, "utf8")
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(["a", "b"]);
    expect(runCli(["batch", "-o", "-"], {}, input).stdout.split("\n").length).toBe(3);
  });
});

describe("batch -o and Ctrl-C", () => {
  it("an interrupted batch leaves the -o file as it was (exit 130)", async () => {
    const file = join(dir, "kept.jsonl");
    writeFileSync(file, "old\n");
    const child = spawn(process.execPath, [BIN, "batch", "-o", file], { env: { HOME: "/nonexistent", TZ: "UTC" } });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
    child.stdin.write('{"weight":70,"start":"2026-12-01"}\n');
    // The temporary file exists once the batch runs (and its SIGINT handler is in place).
    for (let waited = 0; !readdirSync(dir).some((f) => f.startsWith(".mmn-dose-")) && waited < 20_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGINT");
    await new Promise((r) => setTimeout(r, 100));
    child.stdin.end('{"weight":70,"start":"2026-12-01"}\n');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(
      new RegExp(`^mmn-dose: batch interrupted after [01] lines?; -o ${file} was not replaced\\n$`),
    );
    expect(readdirSync(dir).filter((f) => f.startsWith(".mmn-dose-"))).toEqual([]);
    expect(readFileSync(file, "utf8")).toBe("old\n");
  });
});

describe("standard streams", () => {
  it("a closed stdout is an I/O error (exit 1), said on stderr", () => {
    const r = sh(`$MMN ${ONE.join(" ")} >&-`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("standard output");
    expect(sh(`$MMN ${ONE.join(" ")} >/dev/null`).status).toBe(0);
    expect(sh(`printf '{"weight":70}\\n' | $MMN batch >&-`).status).toBe(1);
  });

  it("when stderr cannot be written the exit code still says what happened", () => {
    expect(sh(`$MMN --weight x 2>/dev/full`).status).toBe(2);
    expect(sh(`$MMN --weight x 2>&-`).status).toBe(2);
    expect(sh(`printf '{"weight":70}\\n{"weight":"x"}\\n' | $MMN batch >/dev/null 2>/dev/full`).status).toBe(3);
    expect(sh(`$MMN ${ONE.join(" ")} >/dev/null 2>/dev/full`).status).toBe(0);
  });
});

describe("settings that exist but cannot be read are errors naming the file", () => {
  it("a directory given as --config, or found as ./mmn-dose.config.json", () => {
    const r = runCli([...ONE, "--config", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`config ${dir}: is a directory`);
    expect(r.stderr).not.toMatch(/EISDIR|illegal operation/);
    const project = mkdtempSync(join(tmpdir(), "mmn-dose-project-"));
    mkdirSync(join(project, "mmn-dose.config.json"));
    const implicit = runCli(ONE, {}, undefined, project);
    expect(implicit.status).toBe(2);
    expect(implicit.stderr).toContain("mmn-dose.config.json: is a directory");
  });

  it("a file without read permission (as an unprivileged user)", () => {
    if (!isRoot && process.getuid?.() === undefined) return void console.warn("skipped: no POSIX users here");
    if (isRoot && !nobody)
      return void console.warn("skipped: running as root without a 'nobody' user to drop privileges to");
    const project = mkdtempSync(join(tmpdir(), "mmn-dose-perm-"));
    chmodSync(project, 0o755);
    const config = join(project, "mmn-dose.config.json");
    writeFileSync(config, JSON.stringify({ round: "5g" }));
    chmodSync(config, 0o200);
    const r = spawnSync(process.execPath, [BIN, ...ONE], {
      cwd: project,
      encoding: "utf8",
      env: { HOME: "/nonexistent" },
      ...(nobody ?? {}),
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("mmn-dose.config.json: permission denied");
    expect(r.stderr).not.toMatch(/EACCES/);
  });

  it("a missing file is skipped; a missing --config is an error", () => {
    expect(runCli(ONE).status).toBe(0);
    expect(runCli([...ONE, "--config", join(dir, "nope.json")]).stderr).toContain("no such file");
  });

  it("a config file with a byte order mark is read", () => {
    const file = join(dir, "bom.json");
    writeFileSync(file, `\uFEFF${JSON.stringify({ round: "5g" })}`);
    const r = runCli([...ONE, "--json", "--config", file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).regimen.rounding).toBe("5g");
  });

  it("a config file over 1 MB is refused without reading it all (even an endless device)", () => {
    const file = join(dir, "huge.json");
    writeFileSync(file, `{"avoid":[${'"2026-12-25",'.repeat(100_000)}"2026-12-26"]}`);
    const r = runCli([...ONE, "--config", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("larger than 1 MB");
    const zero = runCli([...ONE, "--config", "/dev/zero"]);
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain("/dev/zero");
  });
});

describe("MMN_DOSE_* variables", () => {
  it("one that names no setting is refused, naming it", () => {
    const r = runCli(ONE, { MMN_DOSE_MAXDAILY: "0.5" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("MMN_DOSE_MAXDAILY");
    expect(r.stderr).toContain("MMN_DOSE_MAX_DAILY");
  });

  it("one that names patient data is refused, naming it", () => {
    for (const args of [ONE, ["config"]]) {
      const r = runCli(args, { MMN_DOSE_WEIGHT: "70" });
      expect(r.status).toBe(2);
      expect(r.stderr).toContain("MMN_DOSE_WEIGHT");
      expect(r.stderr).toContain("patient data");
    }
    expect(runCli(["batch"], { MMN_DOSE_WEIGHT: "70" }, '{"weight":70}\n').status).toBe(2);
  });

  it("the documented ones still work", () => {
    expect(runCli(ONE, { MMN_DOSE_MAX_DAILY: "0.5" }).status).toBe(0);
  });
});
