// Hostile files, settings and input. Every case spawns the built CLI.
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
import { isRoot, nobody, runAsNobody } from "../helpers/otherUser.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-files-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ONE = ["--weight", "70", "--start", "2026-12-01"];
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
    const r = nobody
      ? runAsNobody([...ONE, "-o", "/dev/null"])
      : spawnSync(process.execPath, [BIN, ...ONE, "-o", "/dev/null"], { encoding: "utf8", cwd: "/" });
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

  it("a reader that left (EPIPE) ends the run quietly with the exit code it had", () => {
    // `true` exits at once: the CLI's writes meet a pipe with no reader.
    for (const [args, status] of [
      [`${ONE.join(" ")} --courses 100`, 0],
      ["--weight x --json", 2],
    ] as const) {
      const r = sh(`{ $MMN ${args}; echo "exit $?" >&2; } | true`);
      expect(r.stderr, args).not.toMatch(/EPIPE|standard output|\n\s+at /);
      expect(r.stderr.endsWith(`exit ${status}\n`), `${args}: ${r.stderr}`).toBe(true);
    }
  });

  it("a pipe another process made non-blocking (EAGAIN when full): every byte arrives, in order", () => {
    // A Node parent shares its stdout pipe with the CLI and makes it non-blocking after the spawn
    // (libuv sets a child's stdio blocking as it starts it); the reader waits a second, so the
    // pipe (64 kB) fills while the CLI writes 326 kB of JSON.
    const parent = join(dir, "nonblocking-parent.cjs");
    writeFileSync(
      parent,
      `const child = require("node:child_process").spawn(process.execPath, process.argv.slice(2), { stdio: "inherit" });
process.stdout._handle.setBlocking(false);
child.on("exit", (code) => (process.exitCode = code ?? 99));
`,
    );
    const args = [...ONE, "--courses", "100", "--json"].join(" ");
    const expected = sh(`$MMN ${args}`).stdout;
    expect(expected.length).toBeGreaterThan(200_000);
    const r = sh(`${process.execPath} ${parent} ${BIN} ${args} | (sleep 1; cat)`);
    expect(r.stderr).toBe("");
    expect(r.stdout === expected).toBe(true);
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
    const r = nobody
      ? runAsNobody(ONE, { cwd: project })
      : spawnSync(process.execPath, [BIN, ...ONE], { cwd: project, encoding: "utf8", env: { HOME: "/nonexistent" } });
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

describe("-o naming a descriptor of the process writes to it, never renames over what it holds", () => {
  const log = (name: string) => {
    const file = join(dir, name);
    writeFileSync(file, "keep\n");
    return file;
  };

  it("-o /dev/stdout, /dev/fd/1 and /proc/self/fd/1 append to a log opened with >>", () => {
    for (const name of ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]) {
      const file = log("app.log");
      const r = sh(`$MMN ${ONE.join(" ")} --courses 1 --format csv -o ${name} >> "${file}"`);
      expect(r.status, name).toBe(0);
      const lines = readFileSync(file, "utf8").split("\n");
      expect(lines[0], name).toBe("keep");
      expect(lines[1], name).toMatch(/^course,date,/);
      expect(lstatSync(file).isFile()).toBe(true);
    }
  });

  it("-o /dev/stdout into a pipe is standard output (exit 0)", () => {
    const r = runCli([...ONE, "--json", "-o", "/dev/stdout"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });

  it("-o /dev/stderr and /dev/fd/2 append to where stderr goes; /dev/fd/3 to descriptor 3", () => {
    for (const name of ["/dev/stderr", "/dev/fd/2"]) {
      const file = log("err.log");
      const r = sh(`$MMN ${ONE.join(" ")} --json -o ${name} 2>> "${file}"`);
      expect(r.status, name).toBe(0);
      const text = readFileSync(file, "utf8");
      expect(text.startsWith("keep\n{"), name).toBe(true);
      expect(JSON.parse(text.slice(5)).schemaVersion).toBe(1);
    }
    const file = log("fd3.log");
    expect(sh(`$MMN ${ONE.join(" ")} --json -o /dev/fd/3 3>> "${file}"`).status).toBe(0);
    expect(readFileSync(file, "utf8").startsWith("keep\n{")).toBe(true);
  });

  it("a link of one's own to /dev/stdout is standard output too", () => {
    const link = join(dir, "to-stdout");
    symlinkSync("/dev/stdout", link);
    const file = log("via-link.log");
    expect(sh(`$MMN ${ONE.join(" ")} --json -o "${link}" >> "${file}"`).status).toBe(0);
    expect(readFileSync(file, "utf8").startsWith("keep\n{")).toBe(true);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });
});

describe("batch input that cannot be read leaves -o as it was", () => {
  it("stdin from a directory, or closed: exit 1, -o untouched", () => {
    const out = join(dir, "kept-by-input.jsonl");
    for (const redirect of [`< "${dir}"`, "<&-"]) {
      writeFileSync(out, "old\n");
      const r = sh(`$MMN batch -o "${out}" ${redirect}`);
      expect(r.status, redirect).toBe(1);
      expect(r.stderr, redirect).toMatch(/^mmn-dose: batch -: standard input is (a directory|closed)/);
      expect(readFileSync(out, "utf8")).toBe("old\n");
    }
    for (const file of [dir, join(dir, "no-such.jsonl")]) {
      writeFileSync(out, "old\n");
      const r = runCli(["batch", file, "-o", out]);
      expect(r.status, file).toBe(1);
      expect(readFileSync(out, "utf8")).toBe("old\n");
    }
    expect(readdirSync(dir).filter((f) => f.startsWith(".mmn-dose-"))).toEqual([]);
  });

  it("an empty input (</dev/null) is no error: an empty output", () => {
    const out = join(dir, "empty.jsonl");
    writeFileSync(out, "old\n");
    expect(sh(`$MMN batch -o "${out}" </dev/null`).status).toBe(0);
    expect(readFileSync(out, "utf8")).toBe("");
  });
});

describe("-o naming an input of the run is refused (exit 2), naming both", () => {
  const line = '{"weight":70,"start":"2026-12-01"}\n';

  it("batch: the file, a hard link to it, a symlink to it, and stdin", () => {
    const input = join(dir, "clinic.jsonl");
    writeFileSync(input, line);
    const hard = join(dir, "clinic-hard.jsonl");
    spawnSync("ln", [input, hard]);
    const soft = join(dir, "clinic-soft.jsonl");
    symlinkSync(input, soft);
    for (const out of [input, hard, soft]) {
      const r = runCli(["batch", input, "-o", out]);
      expect(r.status, out).toBe(2);
      expect(r.stderr).toContain(`-o ${out} and the batch input ${input} are the same file`);
    }
    const r = sh(`$MMN batch -o "${input}" < "${input}"`);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`-o ${input} and standard input are the same file`);
    expect(readFileSync(input, "utf8")).toBe(line);
  });

  it("--plan, --avoid-file, --config and the config file found in the working folder", () => {
    const project = mkdtempSync(join(tmpdir(), "mmn-dose-inputs-"));
    const plan = join(project, "p.json");
    writeFileSync(plan, JSON.stringify({ phases: [{ weight: 70 }] }));
    const avoid = join(project, "avoid.txt");
    writeFileSync(avoid, "2026-12-25\n");
    const config = join(project, "site.json");
    writeFileSync(config, JSON.stringify({ round: "5g" }));
    const cases: [string[], string, string][] = [
      [["--start", "2026-12-01", "--plan", plan], plan, `--plan ${plan}`],
      [[...ONE, "--avoid-file", avoid], avoid, `--avoid-file ${avoid}`],
      [[...ONE, "--config", config], config, `--config ${config}`],
      [
        ["compare", "--weight", "70", "--regimen", "dose 2", "--regimen", "dose 1", "--config", config],
        config,
        `--config ${config}`,
      ],
      [["batch", "--config", config], config, `--config ${config}`],
    ];
    for (const [args, out, named] of cases) {
      const before = readFileSync(out, "utf8");
      const r = runCli([...args, "-o", out], {}, line, project);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toContain(`-o ${out} and ${named} are the same file`);
      expect(readFileSync(out, "utf8")).toBe(before);
    }
    writeFileSync(join(project, "mmn-dose.config.json"), "{}");
    const r = runCli([...ONE, "-o", "mmn-dose.config.json"], {}, undefined, project);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("-o mmn-dose.config.json and the config file mmn-dose.config.json are the same file");
    rmSync(project, { recursive: true, force: true });
  });
});

describe("-o over a file someone else made", () => {
  it("a group member's -o keeps the shared file's group and mode (as >); without the group it is still written", () => {
    if (!nobody) return void console.warn("skipped: needs root and a 'nobody' user");
    const shared = mkdtempSync(join(tmpdir(), "mmn-dose-group-"));
    chmodSync(shared, 0o777);
    const GROUP = 4242; // any group id: the launcher gives it to nobody as a supplementary group
    const file = join(shared, "ward.json");
    for (const [groups, gid] of [
      [[GROUP], GROUP],
      [undefined, nobody.gid],
    ] as const) {
      writeFileSync(file, "old");
      spawnSync("chown", [`0:${GROUP}`, file]);
      chmodSync(file, 0o664);
      const r = runAsNobody([...ONE, "--json", "-o", file], groups ? { groups: [...groups] } : {});
      expect(r.stderr).toBe("");
      expect(r.status).toBe(0);
      expect(statSync(file).gid).toBe(gid);
      expect(statSync(file).mode & 0o7777).toBe(0o664);
      expect(JSON.parse(readFileSync(file, "utf8")).schemaVersion).toBe(1);
    }
    rmSync(shared, { recursive: true, force: true });
  });

  it("a symlink another user made in a sticky world-writable folder is not followed (exit 2)", () => {
    if (!nobody) return void console.warn("skipped: needs root (lchown) and a 'nobody' user");
    const shared = mkdtempSync(join(tmpdir(), "mmn-dose-sticky-"));
    chmodSync(shared, 0o1777);
    const precious = join(dir, "root-owned.txt");
    writeFileSync(precious, "precious");
    const planted = join(shared, "report.json");
    symlinkSync(precious, planted);
    spawnSync("chown", ["-h", `${nobody.uid}`, planted]);
    expect(lstatSync(planted).uid).toBe(nobody.uid);
    const r = runCli([...ONE, "--json", "-o", planted]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^mmn-dose: -o .*report\.json: .* is a symbolic link another user \(uid \d+\) made/);
    expect(readFileSync(precious, "utf8")).toBe("precious");
    // root's own link there is followed, as the kernel would follow it
    const own = join(shared, "own.json");
    symlinkSync(precious, own);
    expect(runCli([...ONE, "--json", "-o", own]).status).toBe(0);
    expect(JSON.parse(readFileSync(precious, "utf8")).schemaVersion).toBe(1);
    rmSync(shared, { recursive: true, force: true });
  });
});

describe("a signal that ends the run removes -o's temporary file", () => {
  const folder = mkdtempSync(join(tmpdir(), "mmn-dose-signal-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const temps = () => readdirSync(folder).filter((f) => f.startsWith(".mmn-dose-"));

  async function interrupted(signals: NodeJS.Signals[]) {
    const file = join(folder, "out.jsonl");
    writeFileSync(file, "old\n");
    const child = spawn(process.execPath, [BIN, "batch", "-o", file], { env: { HOME: "/nonexistent", TZ: "UTC" } });
    const exited = new Promise<[number | null, string | null]>((done) => child.on("close", (c, s) => done([c, s])));
    child.stdin.write('{"weight":70,"start":"2026-12-01"}\n'); // stdin stays open: the batch waits for more
    for (let waited = 0; temps().length === 0 && waited < 20_000; waited += 50)
      await new Promise((r) => setTimeout(r, 50));
    expect(temps()).toHaveLength(1);
    for (const signal of signals) {
      child.kill(signal);
      await new Promise((r) => setTimeout(r, 100));
    }
    const result = await exited;
    child.stdin.destroy();
    return { result, content: readFileSync(file, "utf8"), left: temps() };
  }

  for (const [signals, code] of [
    [["SIGTERM"], 143],
    [["SIGHUP"], 129],
    [["SIGQUIT"], 131],
    [["SIGINT", "SIGINT"], 130],
    [["SIGUSR2"], 140],
    [["SIGALRM"], 142],
  ] as const) {
    it(`${signals.join(" then ")}: exit ${code}, no temporary file, -o as it was`, async () => {
      const { result, content, left } = await interrupted([...signals]);
      expect(result).toEqual([code, null]);
      expect(left).toEqual([]);
      expect(content).toBe("old\n");
    });
  }
});

describe("--plan and --avoid-file are read as config files are: at most 1 MB, errors in plain words", () => {
  it("an endless device or a file over 1 MB is refused, naming the option and the file", () => {
    const big = join(dir, "big-avoid.txt");
    writeFileSync(big, "2026-12-25\n".repeat(200_000));
    for (const [option, file] of [
      ["--plan", "/dev/zero"],
      ["--avoid-file", "/dev/zero"],
      ["--avoid-file", big],
    ]) {
      const r = runCli([...ONE, option!, file!]);
      expect(r.status, `${option} ${file}`).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^mmn-dose: ${option} ${file}: larger than 1 MB; `));
    }
  });

  it("a directory is named a directory, not Node's EISDIR", () => {
    for (const option of ["--plan", "--avoid-file"]) {
      const r = runCli([...ONE, option, dir]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^mmn-dose: ${option} ${dir}: is a directory, not a `));
      expect(r.stderr).not.toMatch(/EISDIR|illegal operation/);
    }
  });

  it("a long bad line in an avoid file is echoed as a short excerpt", () => {
    const file = join(dir, "long-line.txt");
    writeFileSync(file, `${"x".repeat(900_000)}\n`);
    const r = runCli([...ONE, "--avoid-file", file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`--avoid-file ${file}, line 1: '${"x".repeat(40)}… (900000 characters)'`);
    expect(r.stderr.length).toBeLessThan(400);
  });
});

describe("permission errors name the folder when the folder is the cause", () => {
  it("a config folder that cannot be entered is named as a folder", () => {
    if (!nobody) return void console.warn("skipped: needs root and a 'nobody' user");
    const home = mkdtempSync(join(tmpdir(), "mmn-dose-xdg-"));
    chmodSync(home, 0o755);
    mkdirSync(join(home, "mmn-dose"), { mode: 0o700 });
    writeFileSync(join(home, "mmn-dose", "config.json"), "{}");
    const r = runAsNobody(ONE, { env: { HOME: "/nonexistent", XDG_CONFIG_HOME: home } });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `config ${join(home, "mmn-dose", "config.json")}: permission denied: the folder ${join(home, "mmn-dose")} cannot be read`,
    );
    const project = mkdtempSync(join(tmpdir(), "mmn-dose-folder-"));
    chmodSync(project, 0o755);
    mkdirSync(join(project, "mmn-dose.config.json"), { mode: 0o700 });
    const folder = runAsNobody(ONE, { cwd: project });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain("config mmn-dose.config.json: is a directory, not a settings file");
    rmSync(home, { recursive: true, force: true });
    rmSync(project, { recursive: true, force: true });
  });

  it("a writable file in a folder that takes no new files: the folder is named", () => {
    if (!nobody) return void console.warn("skipped: needs root and a 'nobody' user");
    const locked = mkdtempSync(join(tmpdir(), "mmn-dose-locked-"));
    chmodSync(locked, 0o755);
    const file = join(locked, "out.json");
    writeFileSync(file, "old");
    spawnSync("chown", [`${nobody.uid}`, file]);
    const r = runAsNobody([...ONE, "--json", "-o", file]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `-o ${file}: cannot write (permission denied: the folder ${locked} does not let this user create files`,
    );
    expect(readFileSync(file, "utf8")).toBe("old");
    rmSync(locked, { recursive: true, force: true });
  });
});
