import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { chmodSync, cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./cli.js";

export const isRoot = process.getuid?.() === 0;

/** `nobody` when the suite runs as root, so a test can drop privileges; undefined otherwise. */
export const nobody = (() => {
  if (!isRoot) return undefined;
  const r = spawnSync("id", ["-u", "nobody"], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", "nobody"], { encoding: "utf8" });
  return r.status === 0 && g.status === 0 ? { uid: Number(r.stdout), gid: Number(g.stdout) } : undefined;
})();

let copy: string | undefined;

/**
 * The CLI as another user can run it: what it loads (bin/, dist/bundle/, package.json) copied once
 * into a fresh 0755 folder. The checkout itself may sit under a folder only its owner can enter
 * (`mktemp -d` makes them 0700; so may CI), where `nobody` could not even load the launcher.
 */
function sharedBin(): string {
  if (copy === undefined) {
    const dir = mkdtempSync(join(tmpdir(), "mmn-dose-shared-"));
    chmodSync(dir, 0o755);
    for (const part of ["bin", "dist/bundle", "package.json"])
      cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    copy = dir;
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  }
  return join(copy, "bin", "mmn-dose.cjs");
}

/** Runs the CLI as `nobody` (from the shared copy), in `cwd`, with `groups` as its supplementary groups. */
export function runAsNobody(args: readonly string[], options: SpawnSyncOptions & { groups?: number[] } = {}) {
  if (!nobody) throw new Error("runAsNobody needs root and a 'nobody' user");
  const { groups, ...rest } = options;
  const bin = sharedBin();
  // Node drops every supplementary group when it changes user; a launcher sets them first.
  const launcher =
    groups === undefined
      ? [bin]
      : [
          "-e",
          `process.setgroups(${JSON.stringify(groups)}); process.setgid(${nobody.gid}); process.setuid(${nobody.uid}); ` +
            `process.argv.splice(1, 0, ${JSON.stringify(bin)}); require(${JSON.stringify(bin)});`,
          "--",
        ];
  const ids = groups === undefined ? nobody : {};
  const r = spawnSync(process.execPath, [...launcher, ...args], {
    encoding: "utf8",
    env: { HOME: "/nonexistent", TZ: "UTC" },
    cwd: "/",
    timeout: 20_000,
    ...ids,
    ...rest,
  });
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}
