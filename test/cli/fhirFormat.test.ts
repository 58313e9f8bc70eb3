import type { Bundle, MedicationRequest } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { runInProcess } from "../helpers/inProcess.js";

const ARGS = ["--weight", "70", "--start", "2026-12-01", "--courses", "1", "--format", "fhir"];
const mr = (stdout: string) => (JSON.parse(stdout) as Bundle).entry?.[0]?.resource as MedicationRequest;

describe("--format fhir and --patient-ref", () => {
  it("prints the Bundle, subject from --patient-ref", async () => {
    const run = await runInProcess([...ARGS, "--patient-ref", "Patient/123"]);
    expect(run.status).toBe(0);
    expect(mr(run.stdout).subject).toEqual({ reference: "Patient/123" });
    // 140 g a course (2 g/kg × 70 kg) in 2 days of 70 g.
    expect(mr(run.stdout).dosageInstruction?.map((d) => d.doseAndRate?.[0]?.doseQuantity?.value)).toEqual([70, 70]);
    expect(run.stdout.endsWith("}\n")).toBe(true);
  });

  it("accepts Patient/<id> with R4 id characters, up to 64", async () => {
    for (const ref of ["Patient/a-1.B", "Patient/7", `Patient/${"x".repeat(64)}`]) {
      const run = await runInProcess([...ARGS, "--patient-ref", ref]);
      expect(run.status, ref).toBe(0);
      expect(mr(run.stdout).subject?.reference).toBe(ref);
    }
  });

  it("refuses anything else with exit 2, naming the option and the syntax", async () => {
    const bad = [
      "123",
      "Patient/",
      "Patient/12_3",
      "patient/123",
      "Practitioner/1",
      "Group/7",
      "Patient/1/_history/2",
      `Patient/${"x".repeat(65)}`,
      "http://ehr.example/Patient/1",
      "Patient/1 ",
    ];
    for (const ref of bad) {
      const run = await runInProcess([...ARGS, "--patient-ref", ref]);
      expect(run.status, ref).toBe(2);
      expect(run.stderr).toContain("--patient-ref must be a FHIR reference Patient/<id> (id: 1–64");
      expect(run.stdout).toBe("");
    }
  });

  it("is refused outside --format fhir, never ignored", async () => {
    const run = await runInProcess(["--weight", "70", "--json", "--patient-ref", "Patient/1"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--patient-ref is the subject of a FHIR MedicationRequest");
  });

  it("is patient data: never from the environment", async () => {
    const run = await runInProcess(ARGS, { env: { MMN_DOSE_PATIENT_REF: "Patient/1" } });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("MMN_DOSE_PATIENT_REF");
  });

  it("--format is case-insensitive and --help lists fhir and --patient-ref", async () => {
    expect((await runInProcess([...ARGS.slice(0, -1), "FHIR"])).status).toBe(0);
    const help = await runInProcess(["--help"]);
    expect(help.stdout).toMatch(/--patient-ref <ref>/);
    expect(help.stdout).toMatch(/fhir \(FHIR R4/);
  });

  it("--fhir-bundle transaction: entries POST; refused outside --format fhir", async () => {
    const run = await runInProcess([...ARGS, "--fhir-bundle", "transaction"]);
    expect(run.status).toBe(0);
    const bundle = JSON.parse(run.stdout) as Bundle;
    expect(bundle.type).toBe("transaction");
    expect(bundle.entry?.[0]?.request).toEqual({ method: "POST", url: "MedicationRequest" });
    expect((await runInProcess([...ARGS, "--fhir-bundle", "collection"])).stdout).toBe(
      (await runInProcess(ARGS)).stdout,
    );
    const json = await runInProcess(["--weight", "70", "--json", "--fhir-bundle", "transaction"]);
    expect(json.status).toBe(2);
    expect(json.stderr).toContain("--fhir-bundle is the type of a FHIR Bundle, so it applies to --format fhir only");
  });

  it("--time and --tz: each dosage starts at a dateTime with the zone offset; --tz alone is refused", async () => {
    const run = await runInProcess([...ARGS, "--time", "9:00", "--tz", "Europe/London"]);
    expect(run.status).toBe(0);
    // 2026-12-01 in London is GMT: +00:00.
    expect(mr(run.stdout).dosageInstruction?.[0]?.timing?.event).toEqual(["2026-12-01T09:00:00+00:00"]);
    const tzOnly = await runInProcess([...ARGS, "--tz", "Europe/London"]);
    expect(tzOnly.status).toBe(2);
    expect(tzOnly.stderr).toContain("without --time the FHIR dosages are dates");
  });

  it("a site's chair time does not give FHIR dosages a time: dates as without --time", async () => {
    const run = await runInProcess(ARGS, { env: { MMN_DOSE_TIME: "09:00" } });
    expect(run.status).toBe(0);
    expect(mr(run.stdout).dosageInstruction?.[0]?.timing?.event).toEqual(["2026-12-01"]);
  });
});
