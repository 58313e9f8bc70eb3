import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { parseIcs, value } from "../helpers/formats.js";

const uids = (text: string) => parseIcs(text).events.map((e) => String(value(e, "uid")));
const sequences = (text: string) => parseIcs(text).events.map((e) => Number(value(e, "sequence")));
const ICS = ["--start", "2026-12-01", "--courses", "2", "--format", "ics"];

describe("calendar identity on reissue", () => {
  it("with --patient-ref, a reissue after a change of weight, dose, product and start keeps every UID", () => {
    const first = runCli(["--weight", "70", ...ICS, "--patient-ref", "Patient/123"]);
    const reissue = runCli([
      "--weight",
      "74",
      "--dose",
      "1.8",
      "--product",
      "privigen",
      ...ICS.map((a) => (a === "2026-12-01" ? "2026-12-02" : a)),
      "--patient-ref",
      "Patient/123",
      "--sequence",
      "1",
    ]);
    expect(first.status).toBe(0);
    expect(reissue.status).toBe(0);
    // 70 kg × 2 g/kg and 74 kg × 1.8 g/kg = 133.2 g are both 2-day courses: the same 4 course/day pairs.
    expect(uids(reissue.stdout)).toEqual(uids(first.stdout));
    expect(uids(first.stdout)[0]).toMatch(/-c1-d1@mmn-dose$/);
    expect(sequences(reissue.stdout)).toEqual([1, 1, 1, 1]);
    // The identity is hashed: the reference is not written into the calendar.
    expect(first.stdout).not.toContain("Patient/123");
    expect(first.stderr).toBe("");
  });

  it("--calendar-id wins over --patient-ref; two patients' references give different UIDs", () => {
    const a = uids(runCli(["--weight", "70", ...ICS, "--patient-ref", "Patient/1"]).stdout);
    const b = uids(runCli(["--weight", "70", ...ICS, "--patient-ref", "Patient/2"]).stdout);
    expect(a.filter((u) => b.includes(u))).toEqual([]);
    const byId = uids(
      runCli(["--weight", "70", ...ICS, "--calendar-id", "bed-4", "--patient-ref", "Patient/1"]).stdout,
    );
    const byIdOnly = uids(runCli(["--weight", "80", ...ICS, "--calendar-id", "bed-4"]).stdout);
    expect(byId).toEqual(byIdOnly);
  });

  it("--courses-given numbers the UIDs from course n+1", () => {
    const out = runCli(["--weight", "70", ...ICS, "--patient-ref", "Patient/1", "--courses-given", "12"]).stdout;
    expect(uids(out).map((u) => u.replace(/^[0-9a-f]+-/, ""))).toEqual([
      "c13-d1@mmn-dose",
      "c13-d2@mmn-dose",
      "c14-d1@mmn-dose",
      "c14-d2@mmn-dose",
    ]);
  });

  it("without an identity: UIDs from the inputs (two patients differ) and one line on stderr naming the options", () => {
    const a = runCli(["--weight", "70", ...ICS]);
    const b = runCli(["--weight", "70", "--height", "160", "--sex", "f", ...ICS]);
    expect(uids(a.stdout).filter((u) => uids(b.stdout).includes(u))).toEqual([]);
    expect(a.stderr.trim().split("\n")).toHaveLength(1);
    expect(a.stderr).toMatch(/^mmn-dose: note: .*--patient-ref or --calendar-id/);
  });

  it("FHIR: with --patient-ref the MedicationRequest id survives a change of weight and dose", () => {
    const id = (args: string[]) =>
      JSON.parse(runCli([...args, "--start", "2026-12-01", "--courses", "2", "--format", "fhir"]).stdout).entry[0]
        .resource.id as string;
    const ref = ["--patient-ref", "Patient/123"];
    expect(id(["--weight", "70", ...ref])).toBe(id(["--weight", "74", "--dose", "1.8", ...ref]));
    expect(id(["--weight", "70", ...ref])).not.toBe(id(["--weight", "70", "--patient-ref", "Patient/124"]));
    // Without a reference the id is of the content: another dose, another id.
    expect(id(["--weight", "70"])).not.toBe(id(["--weight", "74"]));
  });
});
