import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bundle, MedicationRequest } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { r4Errors } from "../helpers/fhirR4.js";

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-fhir-"));

describe("mmn-dose batch --format fhir", () => {
  const lines = [
    { id: "p1", weight: 70, start: "2026-12-01", courses: 1, patientRef: "Patient/123" },
    { id: "p2", weight: 70, patientRef: "Patient/12_3" },
    { id: 3, weight: 80, route: "scig", start: "2026-12-08", courses: 1 },
  ];
  const file = join(dir, "clinic.jsonl");
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);

  it("writes one Bundle per line, error lines as {line, id, error}, same order, exit 3", () => {
    const run = runCli(["batch", "--format", "fhir", file]);
    expect(run.status).toBe(3);
    const out = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out).toHaveLength(3);
    const [first, error, third] = out as [Bundle, { line: number; id: string; error: { code: string } }, Bundle];
    const mr1 = first.entry?.[0]?.resource as MedicationRequest;
    expect(mr1.subject).toEqual({ reference: "Patient/123" });
    // 70 kg: 2 days of 70 g (2 g/kg × 70 kg = 140 g, capped at 1 g/kg = 70 g a day).
    expect(mr1.dosageInstruction?.map((d) => [d.timing?.event?.[0], d.doseAndRate?.[0]?.doseQuantity?.value])).toEqual([
      ["2026-12-01", 70],
      ["2026-12-02", 70],
    ]);
    expect(error).toEqual({
      line: 2,
      id: "p2",
      error: expect.objectContaining({ code: "INVALID_OPTION", message: expect.stringContaining("'patientRef'") }),
    });
    const mr3 = third.entry?.[0]?.resource as MedicationRequest;
    expect(mr3.subject).toEqual({ display: "Unidentified patient (batch id 3, 80 kg)" });
    expect(mr3.dosageInstruction?.[0]?.route?.coding?.[0]?.code).toBe("34206005");
    expect(r4Errors(first)).toEqual([]);
    expect(r4Errors(third)).toEqual([]);
    // The same line gives the same Bundle as the one-patient command.
    const single = runCli([
      "--weight",
      "70",
      "--start",
      "2026-12-01",
      "--courses",
      "1",
      "--format",
      "fhir",
      "--patient-ref",
      "Patient/123",
    ]);
    expect(first).toEqual(JSON.parse(single.stdout));
  });

  it("a patientRef key is refused per line outside --format fhir", () => {
    const run = runCli(["batch", file]);
    const out = run.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(out[0].error.message).toContain("applies to batch --format fhir only");
    expect(out[2].regimen.route).toBe("scig");
  });
});
