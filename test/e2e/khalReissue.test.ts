import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

// A real calendar program: khal (Debian package `khal`) imports the calendar, then the reissue after a
// weight change with a higher --sequence; each event is one file in khal's vdir, so the count of
// files is the count of events. Hermetic: HOME, XDG dirs and the config are a temporary directory;
// nothing touches the network. In CI (.ci/run installs khal and sets REQUIRE_KHAL=1) a missing khal
// fails the test; on a developer's machine without it the test is skipped, saying what to install.
const hasKhal = spawnSync("khal", ["--version"], { encoding: "utf8" }).status === 0;
const required = process.env.REQUIRE_KHAL === "1";
if (!hasKhal && !required) console.warn("khalReissue.test.ts skipped: khal not installed (apt-get install -y khal)");

const root = mkdtempSync(join(tmpdir(), "mmn-dose-khal-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A fresh khal: its own config, vdir, HOME and XDG data dir. */
function khal(name: string) {
  const dir = join(root, name);
  const vdir = join(dir, "calendar");
  for (const d of [vdir, join(dir, "home"), join(dir, "data")]) mkdirSync(d, { recursive: true });
  const config = join(dir, "config");
  writeFileSync(
    config,
    [
      "[calendars]",
      "[[mmn]]",
      `path = ${vdir}`,
      "type = calendar",
      "[locale]",
      "timeformat = %H:%M",
      "dateformat = %Y-%m-%d",
      "longdateformat = %Y-%m-%d",
      "datetimeformat = %Y-%m-%d %H:%M",
      "longdatetimeformat = %Y-%m-%d %H:%M",
      "local_timezone = UTC",
      "default_timezone = UTC",
      "",
    ].join("\n"),
  );
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: join(dir, "home"),
    XDG_CONFIG_HOME: join(dir, "home", ".config"),
    XDG_DATA_HOME: join(dir, "data"),
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    TZ: "UTC",
  };
  const run = (args: string[]) => execFileSync("khal", ["-c", config, ...args], { env, encoding: "utf8" });
  return {
    import(ics: string, file: string) {
      const path = join(dir, file);
      writeFileSync(path, ics);
      run(["import", "--batch", "-a", "mmn", path]);
    },
    events: () => readdirSync(vdir).filter((f) => f.endsWith(".ics")).length,
    titles: () =>
      run(["list", "--format", "{start-date} {title}", "2026-12-01", "2027-01-31"])
        .split("\n")
        .filter((l) => /^\d{4}-\d\d-\d\d /.test(l)),
  };
}

const ICS = ["--start", "2026-12-01", "--courses", "2", "--format", "ics"];

describe.skipIf(!hasKhal && !required)("khal: a reissued calendar replaces its events", () => {
  it("with --patient-ref: import, reissue after a weight change with --sequence 1, import: one event per infusion day", () => {
    const cal = khal("identity");
    const first = runCli(["--weight", "70", ...ICS, "--patient-ref", "Patient/123"]);
    cal.import(first.stdout, "first.ics");
    expect(cal.events()).toBe(4);
    const reissue = runCli(["--weight", "74", ...ICS, "--patient-ref", "Patient/123", "--sequence", "1"]);
    cal.import(reissue.stdout, "reissue.ics");
    // 70 kg → 74 kg: 2 days of 74 g; the four days 1–2 and 29–30 Dec, once each, with the new dose.
    expect(cal.events()).toBe(4);
    expect(cal.titles()).toEqual([
      "2026-12-01 IVIG 74 g Gammagard Liquid 10 % (course 1, day 1/2)",
      "2026-12-02 IVIG 74 g Gammagard Liquid 10 % (course 1, day 2/2)",
      "2026-12-29 IVIG 74 g Gammagard Liquid 10 % (course 2, day 1/2)",
      "2026-12-30 IVIG 74 g Gammagard Liquid 10 % (course 2, day 2/2)",
    ]);
  });

  it("without an identity the reissue's UIDs are new: khal then holds both (what the stderr note warns of)", () => {
    const cal = khal("no-identity");
    cal.import(runCli(["--weight", "70", ...ICS]).stdout, "first.ics");
    cal.import(runCli(["--weight", "74", ...ICS, "--sequence", "1"]).stdout, "reissue.ics");
    expect(cal.events()).toBe(8);
  });
});
