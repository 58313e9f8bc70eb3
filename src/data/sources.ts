/**
 * Every clinical number in mmn-dose points at one of these sources.
 * Facts were gathered in docs/clinical.md; check them against the current label before release.
 */
export interface Source {
  readonly id: string;
  readonly title: string;
  readonly url: string;
}

export const SOURCES = {
  gammagardMmn: {
    id: "gammagardMmn",
    title: "GAMMAGARD LIQUID: Dosing & Infusion Rates for MMN (US label, HCP page)",
    url: "https://www.gammagard.com/hcp/mmn/dosing-administration",
  },
  gammagardNdc: {
    id: "gammagardNdc",
    title: "openFDA NDC 0944-2700, GAMMAGARD LIQUID 100 mg/mL",
    url: "https://api.fda.gov/drug/ndc.json?search=packaging.package_ndc%3A%220944-2700-03%22",
  },
  gammagardMmnVials: {
    id: "gammagardMmnVials",
    title: "GAMMAGARD LIQUID MMN dosing (vial sizes 1, 2.5, 5, 10, 20, 30 g)",
    url: "http://www.gammagard.com/MMN/healthcare-professionals/gammagard/dosing.html",
  },
  efnsPns2006: {
    id: "efnsPns2006",
    title: "EFNS/PNS guideline on management of multifocal motor neuropathy (Eur J Neurol 2006;13:802-8)",
    url: "http://onlinelibrary.wiley.com/doi/10.1111/j.1468-1331.2006.01466.x/abstract",
  },
  ontarioIgumMaxDaily: {
    id: "ontarioIgumMaxDaily",
    title:
      "Ontario IGUM, relapsing-remitting multiple sclerosis (short-term therapy) entry: maximum 1 g/kg/day; the tool's default " +
      "--max-daily (no MMN-specific daily maximum was found)",
    url: "https://transfusionontario.org/en/multiple-sclerosis-relapsing-remitting-multiple-sclerosis-short-term-therapy-igum",
  },
  ontarioDoseCalculator: {
    id: "ontarioDoseCalculator",
    title: "ORBCoN (IVIG/SCIG) Dose Calculator: total dose rounded to the nearest 5 g",
    url: "https://ivig.transfusionontario.org/dose",
  },
  asciaRounding: {
    id: "asciaRounding",
    title: "ASCIA guidelines for IVIg infusion rates: round doses to the full vial size",
    url: "https://allergy.org.au/hp/papers/ascia-guidelines-ivig-infusion-rates-for-irt",
  },
  siegelRounding: {
    id: "siegelRounding",
    title: "Siegel, Pharmacy Purchasing & Products 2010: stay within 10 % of the order when rounding",
    url: "https://www.pppmag.com/article/753",
  },
  nbaBloodstarIbw: {
    id: "nbaBloodstarIbw",
    title:
      "NBA BloodSTAR: adjusting Ig dose for ideal body weight (Devine; DDW = IBW + 0.4 × (actual − IBW); 1 cm = 0.393701 in)",
    url: "https://nba.gov.au/bloodstar-calculator-adjusting-ig-dose-ideal-body-weight",
  },
  lifeblood2026: {
    id: "lifeblood2026",
    title:
      "Lifeblood: from 1 July 2026 adjusted body weight is the BloodSTAR default (not for < 18 y, < 152 cm, pregnancy, actual < " +
      "adjusted)",
    url: "https://www.lifeblood.com.au/news-and-stories/health-professionals-news/coming-1-july-2026-adjusted-body-weight-ig-dosing-in",
  },
  ukIgRequestForm: {
    id: "ukIgRequestForm",
    title:
      "UK Immunoglobulin Request Form: DDW if BMI > 30 or actual > 20 % over IBW; actual weight below 132 cm and for children",
    url: "https://docslib.org/doc/13685911/immunoglobulin-request-form",
  },
  devineValidity: {
    id: "devineValidity",
    title: "Devine ideal body weight is generally valid only from 60 in (152.4 cm)",
    url: "https://fittowork.net/index.php/tools/322-ideal-weight-calculator",
  },
  usOrderForm120: {
    id: "usOrderForm120",
    title: "US IVIG order form: actual weight up to 120 % of IBW, adjusted weight above",
    url: "https://studyres.com/doc/6558262/dose-interval-dose-interval",
  },
  optionCareScheduling: {
    id: "optionCareScheduling",
    title: "Option Care Health IG order form: an infusion may be given ± 4 days from its date for scheduling",
    url: "https://cdn.shopify.com/s/files/1/0628/6658/7872/files/IG-Adult-1.pdf",
  },
  optionCareScigRounding: {
    id: "optionCareScigRounding",
    title:
      "Option Care Health IG order form: IV doses to the nearest whole 5 g vial, SC doses to the nearest single-use vial",
    url: "https://cdn.shopify.com/s/files/1/0628/6658/7872/files/IG-Adult-1.pdf",
  },
  optionCareBmi30: {
    id: "optionCareBmi30",
    title: "Option Care Health IG order form: BMI > 30, adjusted body weight used",
    url: "https://cdn.shopify.com/s/files/1/0628/6658/7872/files/IG-Adult-1.pdf",
  },
  gammagardPi: {
    id: "gammagardPi",
    title: "GAMMAGARD LIQUID PI dosing: 0.5 mL/kg/hr for 30 min, then increase every 30 min up to 5 mL/kg/hr",
    url: "https://www.gammagard.com/hcp/pidd/dosing-administration",
  },
  ismpIncorrectWeights: {
    id: "ismpIncorrectWeights",
    title:
      "ISMP: medication errors from incorrect patient weights; confusion between pounds and kilograms in 23.2 % of weight events",
    url: "https://ismp.org/alerts/update-medication-errors-associated-incorrect-patient-weights",
  },
  gammagardBoxedWarning: {
    id: "gammagardBoxedWarning",
    title: "IGIV boxed warning: thrombosis and renal risk factors; minimum dose and infusion rate practicable; hydrate",
    url: "https://hm-online.eztelemed.com/drugs/6812/view",
  },
  privigenDosing: {
    id: "privigenDosing",
    title:
      "Privigen US PI dosing: start 0.5 mg/kg/min (0.005 mL/kg/min); PI and CIDP up to 8 mg/kg/min (0.08 mL/kg/min)",
    url: "http://www.privigen.com/Dosing",
  },
  privigenDailyMed: {
    id: "privigenDailyMed",
    title:
      "PRIVIGEN US prescribing information (DailyMed): indicated for PI, chronic ITP and CIDP; four presentations, NDC 44206-436-05, " +
      "-437-10, -438-20, -439-40 (5, 10, 20, 40 g; 40 g = 400 mL per openFDA)",
    url: "https://dailymed-beta.nlm.nih.gov/dailymed/drugInfo.cfm?setid=7e5649da-75be-4a42-8eeb-4aeba562c401",
  },
  privigenEuSmpc: {
    id: "privigenEuSmpc",
    title:
      "Privigen EU SmPC (EMA annex I, Spanish), section 2: vials of 2.5 g/25 mL, 5 g/50 mL, 10 g/100 mL, 20 g/200 mL, 40 g/400 mL",
    url: "https://ec.europa.eu/health/documents/community-register/2014/20141022130050/anx_130050_es.pdf",
  },
  privigenEma: {
    id: "privigenEma",
    title:
      "Privigen (EMA, CHMP opinion on a variation): EU indications, immunomodulation in ITP, Guillain-Barré, Kawasaki, CIDP and " +
      "multifocal motor neuropathy (MMN)",
    url: "https://www.ema.europa.eu/en/medicines/human/variation/privigen",
  },
  gamunexPi: {
    id: "gamunexPi",
    title: "GAMUNEX-C prescribing information (mirror): CIDP 2 mg/kg/min start, up to 8 mg/kg/min; 1–40 g vials",
    url: "http://2medicalcare.com/g/grifols-pi.info1.html",
  },
  gamunexFdaLabel: {
    id: "gamunexFdaLabel",
    title:
      "GAMUNEX-C US prescribing information (FDA label, SPL set ade6b84a, 2022): indicated for PI, ITP and CIDP; single-use bottles of " +
      "1, 2.5, 5, 10, 20, 40 g (10–400 mL)",
    url: "https://nctr-crs.fda.gov/fdalabel/services/spl/set-ids/ade6b84a-e95b-0a49-3296-f56208fdf35b/spl-doc",
  },
  gamunexSmpc: {
    id: "gamunexSmpc",
    title:
      "GAMUNEX 10 % SmPC section 4.1 (copy of the MHRA text, Grifols, 2020): immunomodulation in ITP, Guillain-Barré, Kawasaki, CIDP and " +
      "multifocal motor neuropathy (MMN); the EU leaflet lists the same five immunomodulation groups",
    url: "https://www.rxreasoner.com/monographs/gamunex/usage",
  },
  gamunexNdc: {
    id: "gamunexNdc",
    title: "openFDA NDC 13533-805, Gamunex-C: HUMAN IMMUNOGLOBULIN G 10 g/100 mL",
    url: "https://api.fda.gov/drug/ndc.json?search=packaging.package_ndc%3A%2213533-805-45%22",
  },
  gamunexOlderRenal: {
    id: "gamunexOlderRenal",
    title: "Older Gamunex label: renal risk, may be prudent to infuse below 8 mg/kg/min (0.08 mL/kg/min)",
    url: "http://webmail.druglib.com/druginfo/gamunex/indications_dosage/",
  },
  gamunexCRenalRate: {
    id: "gamunexCRenalRate",
    title:
      "GAMUNEX-C warnings and precautions (rxlist, 2016 label): patients at risk of renal dysfunction, minimum infusion rate " +
      "practicable [less than 8 mg IG/kg/min (0.08 mL/kg/min)]",
    url: "http://www.rxlist.com/gamunex-c-drug/warnings-precautions.htm",
  },
  gamunexCDosage: {
    id: "gamunexCDosage",
    title:
      "Immune globulin 10 % (Gamunex-C) usual adult dose: ITP 1 g/kg on 2 days (high-dose regimen) or 0.4 g/kg on 5 days; the " +
      "high-dose regimen is not recommended if fluid volume may be a concern; CIDP maintenance 1 g/kg on 1 day or 0.5 g/kg on 2 days",
    url: "https://themeditary.com/dosage-information/immune-globulin-intravenous-and-subcutaneous-dosage-9322.html",
  },
  octagamDailymed: {
    id: "octagamDailymed",
    title:
      "OCTAGAM 10% US prescribing information (DailyMed): chronic ITP and dermatomyositis in adults; chronic ITP 0.01 mL/kg/min for " +
      "30 min, then 0.02, 0.04, 0.08 every 30 min, maximum 0.12 mL/kg/min; five presentations (NDC 0069-6002, -6111, -6237, -6339, -6550)",
    url: "https://dailymed.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=eb4c342b-122c-0072-1428-1747882e6c00&type=display",
  },
  octagamMaker: {
    id: "octagamMaker",
    title:
      "Octagam dosing and infusion (Octapharma): Octagam 10 % vials of 2, 5, 10, 20, 30 g (20, 50, 100, 200, 300 mL); maximum " +
      "infusion speed 7.2 mL/kg/hour for Octagam 10 %",
    url: "https://octagam.com/dosing-and-infusion",
  },
  octagamEuSmpc: {
    id: "octagamEuSmpc",
    title:
      "Octagam 10 % SmPC (German Fachinformation, Octapharma), section 4.1: immunomodulation in ITP, Guillain-Barré, Kawasaki, CIDP " +
      "and multifocal motor neuropathy (MMN)",
    url: "https://mediately.co/de/drugs/FsbBxxtZjRm3vkfpxIAw3X6ianV/octagam-10-losung-zur-intravenosen-infusion-100-ml",
  },
  octagamPfizer: {
    id: "octagamPfizer",
    title:
      "Octagam 10% dosing (Pfizer): ITP 1 → 2 → 4 → 8 mg/kg/min every 30 min, max 12; at risk ≤ 3.3 mg/kg/min (0.03 mL/kg/min)",
    url: "https://octagam-10.pfizerpro.com/dosing/dosing-and-administration",
  },
  panzygaCitp: {
    id: "panzygaCitp",
    title:
      "PANZYGA cITP dosing and infusion (panzygausa.com): 1 mg/kg/min for the first 30 min, cITP up to 8 mg/kg/min (chart 0.01 / " +
      "0.04 / 0.08 mL/kg/min); at risk ≤ 3.3 mg/kg/min (0.033 mL/kg/min)",
    url: "https://panzygausa.com/citp/dosing-infusion",
  },
  panzygaDosage: {
    id: "panzygaDosage",
    title:
      "PANZYGA dosage (from the US PI): 1 mg/kg/min for 30 min, then increase every 15–30 min; PI up to 14, CIDP up to 12, cITP up " +
      "to 8 mg/kg/min",
    url: "https://themeditary.com/dosage-information/panzyga-dosage-3658.html",
  },
  panzygaDailyMed: {
    id: "panzygaDailyMed",
    title:
      "PANZYGA US prescribing information (DailyMed): indicated for PI, chronic ITP and CIDP; how supplied: 1, 2.5, 5, 10, 20 and " +
      "30 g single-use bottles",
    url: "https://dailymed.awsprod.nlm.nih.gov/dailymed/fda/fdaDrugXsl.cfm?setid=e2cc5ddf-119e-ade3-79c2-c712cfbee099&type=display",
  },
  panzygaSmpc: {
    id: "panzygaSmpc",
    title:
      "panzyga 10 % abbreviated SmPC (Octapharma, international): immunomodulation includes multifocal motor neuropathy (MMN); " +
      "check the national SmPC",
    url: "https://panzyga.com/summary-of-product-characteristics",
  },
  kiovigSmpc: {
    id: "kiovigSmpc",
    title: "KIOVIG SmPC (EU name of Gammagard Liquid): 10 %, 1–30 g vials; MMN indication",
    url: "https://patient-info.co.uk/kiovig-70915/summary-of-medicine-characteristics",
  },
  kiovigEma: {
    id: "kiovigEma",
    title:
      "KIOVIG EPAR summary (EMA): used in PID, secondary immunodeficiency, ITP, Guillain-Barré, Kawasaki and multifocal motor " +
      "neuropathy (MMN); given by infusion into a vein",
    url: "http://www.ema.europa.eu/ema/index.jsp?curl=pages/medicines/human/medicines/000628/human_med_000877.jsp&mid=WC0b01ac058001d124",
  },
  kiovigUsage: {
    id: "kiovigUsage",
    title: "KIOVIG section 4.1: indications include multifocal motor neuropathy",
    url: "https://www.rxreasoner.com/monographs/kiovig/usage",
  },
  flebogammaDosage: {
    id: "flebogammaDosage",
    title: "Flebogamma DIF dosage: 0.01 mL/kg/min start, up to 0.08 mL/kg/min (PI, ITP); 5, 10, 20 g",
    url: "https://themeditary.com/dosage-information/flebogamma-dif-dosage-2647.html",
  },
  flebogammaEuLeaflet: {
    id: "flebogammaEuLeaflet",
    title: "Flebogamma DIF 100 mg/ml EU package leaflet, section 6: supplied as 5 g/50 ml, 10 g/100 ml and 20 g/200 ml",
    url: "https://preview.medikamio.com/en-gb/drugs/flebogamma-dif-100-mgml-solution-for-infusion/pil",
  },
  nlIvig002: {
    id: "nlIvig002",
    title:
      "NL-IVIG002 standardized adult (40–130 kg) IVIG infusion rate tables (all 10 % IVIG): steps 0.01, 0.02, 0.04, 0.06, 0.08, " +
      "0.12, 0.14 mL/kg/min; 0.08 the recommended maximum for a first infusion and the rate above which at-risk patients need the " +
      "prescriber's check",
    url: "https://www.paperzz.com/doc/8976225/standardized-adult--40-130-kg--ivig-infusion-rate-tables-",
  },
  rateFormula: {
    id: "rateFormula",
    title: "mL/hr = rate (mg/kg/min) × weight (kg) × 60 ÷ concentration (mg/mL)",
    url: "https://www.medicalalgorithms.com/calculating-the-immunoglobulin-intravenous-infusion-rate",
  },
  hizentraCidp: {
    id: "hizentraCidp",
    title:
      "HIZENTRA CIDP dosing: start 1 week after the last IVIG; 0.2–0.4 g/kg/week in 1–2 sessions; first infusion ≤ 20 mL/site and " +
      "20 mL/h/site, then ≤ 50",
    url: "https://www.hizentra.com/hcp/dosing-administration/cidp",
  },
  hizentraEma: {
    id: "hizentraEma",
    title: "HIZENTRA EPAR overview (EMA): EU indications PID, secondary immunodeficiency and CIDP (no MMN)",
    url: "https://www.ema.europa.eu/en/medicines/human/EPAR/hizentra",
  },
  hizentraPiFactor: {
    id: "hizentraPiFactor",
    title:
      "HIZENTRA US PI: weekly dose = IGIV dose × 1.37 ÷ weeks between IGIV doses; biweekly = twice the weekly dose",
    url: "https://www.connectrx.com/product/csl-behring-llc-2/hizentra-immune-globulingammaigg",
  },
  hizentraSites: {
    id: "hizentraSites",
    title: "HIZENTRA (older PI page): up to 4 sites simultaneously or up to 12 consecutively",
    url: "http://www.hizentra.com/therapy-administration/treatment-instructions-dosage.aspx",
  },
  hizentraEuEvery2Weeks: {
    id: "hizentraEuEvery2Weeks",
    title: "HIZENTRA CIDP (MIMS): 0.2–0.4 g/kg/week; for every-2-weeks dosing double the weekly dose",
    url: "https://prdmimsweb.azurewebsites.net/malaysia/drug/info/hizentra/dosage",
  },
  cuvitruInitiation: {
    id: "cuvitruInitiation",
    title:
      "CUVITRU treatment initiation: weekly = IVIG g ÷ weeks × 1.30; biweekly = 2 × weekly; ≤ 60 mL/site; first 2 infusions 10–20 " +
      "mL/h/site, then ≤ 60; ≤ 240 mL/h; 1–4 sites",
    url: "https://www.cuvitru.com/hcp/treatment-initiation",
  },
  xembifyPi: {
    id: "xembifyPi",
    title: "XEMBIFY prescribing information: 20 %, 1–10 g; 25 mL/site; ≤ 35 mL/h/site (adults); up to 6 sites",
    url: "https://prescriberpoint.com/therapies/xembify-8c174b1",
  },
  cuvitruEuSmpc: {
    id: "cuvitruEuSmpc",
    title:
      "Cuvitru SmPC (Danish Medicines Agency, EU national licence), section 4.1: replacement therapy only (PID, CLL, multiple " +
      "myeloma, HSCT)",
    url: "https://myhealthbox.eu/da/cuvitru-200-mg-ml-injektionsv%C3%A6ske-opl%C3%B8sning/4373981",
  },
  cutaquigSmpc: {
    id: "cutaquigSmpc",
    title: "cutaquig abbreviated SmPC (Octapharma, international): replacement therapy in PID and SID only",
    url: "https://www.cutaquig.com/ssr/Summary-of-Product-Characteristics/Summary-of-Product-Characteristics",
  },
  xembifyEuSmpc: {
    id: "xembifyEuSmpc",
    title:
      "Xembify 200 mg/mL EU SmPC (copy), section 4.1: replacement therapy only (PID, CLL, multiple myeloma, HSCT); no " +
      "immunomodulation indication",
    url: "https://patient-info.co.uk/xembify-200-mg-ml-solution-for-subcutaneous-injection-85978/summary-of-medicine-characteristics",
  },
  xembifyFactor: {
    id: "xembifyFactor",
    title: "Xembify monograph (low-authority): IVIG→SCIG factor 1.37",
    url: "http://medquizzify.pharmacologymentor.com/blog/drug-monograph-xembify",
  },
  cutaquigUsage: {
    id: "cutaquigUsage",
    title:
      "CUTAQUIG (US HCP page): 16.5 %; adults: first 2 infusions ≤ 25 mL/site at ≤ 20 mL/h/site, then ≤ 40 mL/site at ≤ 52 " +
      "mL/h/site; no all-sites maximum; up to 6 sites at once; every other week: twice the weekly dose",
    url: "https://www.cutaquigus.com/hcp/usage/",
  },
  cutaquigEuDosing: {
    id: "cutaquigEuDosing",
    title:
      "cutaquig dosing and administration (Octapharma, from the SmPC): initially 15 mL/h/site, from infusion 7 up to 25; all " +
      "sites 30 mL/h, then 50, 80, up to 100; no limit to the number of sites; daily up to every other week",
    url: "https://www.cutaquig.com/dosing",
  },
  cutaquigFactor: {
    id: "cutaquigFactor",
    title: "CUTAQUIG (empr): IVIG→SCIG factor 1.30",
    url: "https://www.empr.com/drug/cutaquig/",
  },
  hyqviaDosage: {
    id: "hyqviaDosage",
    title: "HYQVIA HCP dosage: same dose and interval as the previous IVIG after ramp-up",
    url: "https://www.hyqviahcp.com/dosing-administration/dosage",
  },
  hyqviaCidp: {
    id: "hyqviaCidp",
    title:
      "HYQVIA CIDP: every 2, 3 or 4 weeks; 1–3 sites; ≥ 40 kg up to 600 mL/site (400 mL/site with 3 sites), about 1200 mL a day",
    url: "https://hyqvia.com/cidp/starting-hyqvia",
  },
  hyqviaEuSmpc: {
    id: "hyqviaEuSmpc",
    title:
      "HyQvia EU SmPC (EMA annex I, copy), section 2: IG 10 % vials of 2.5 g/25 mL, 5 g/50 mL, 10 g/100 mL, 20 g/200 mL, 30 g/300 " +
      "mL, each with a hyaluronidase vial",
    url: "https://docslib.org/doc/8564137/hyqvia-inn-human-normal-immunoblobulin-scig",
  },
  hyqviaEuIndications: {
    id: "hyqviaEuIndications",
    title:
      "PMLiVE news (low authority; not the SmPC): HyQvia's EU approvals are PID (2013), SID (2020) and CIDP maintenance (2024)",
    url: "https://www.pmlive.com/pharma_news/takedas_hyqvia_receives_ec_approval_for_rare_neuromuscular_disorder_cidp_1507488",
  },
  hyqviaNdc: {
    id: "hyqviaNdc",
    title:
      "openFDA NDC 0944-2511, HYQVIA kit: 50 mL IG 10 % vial (5 g) with 2.5 mL hyaluronidase (also 0944-2513: 200 mL, 20 g)",
    url: "https://api.fda.gov/drug/ndc.json?search=product_ndc%3A%220944-2511%22",
  },
  hyqviaRampUp: {
    id: "hyqviaRampUp",
    title: "HYQVIA US PI ramp-up (30 g every 4 weeks): week 1 7.5 g, week 2 15 g, week 4 22.5 g, week 7 30 g",
    url: "http://www.120ty.net/bencandy.php?fid=134&id=42679",
  },
  hyqviaRates: {
    id: "hyqviaRates",
    title:
      "HYQVIA EU leaflet: per-site rate steps every 10 min (≥ 40 kg: 10, 30, 60, 120, 240 first two infusions; 10, 30, 120, 240, " +
      "300 after)",
    url: "https://oladoctor.com/ru/medicines/spain/hyqvia-100-mgml-solucion-para-perfusion",
  },
  hyqviaHyaluronidase: {
    id: "hyqviaHyaluronidase",
    title: "HYQVIA manual: about 15 mL of hyaluronidase with a 30 g dose, given first at 1–2 mL/min/site",
    url: "https://manualshive.com/ru/manual/shire/hyqvia/1258656?page=15",
  },
  gammagardSc: {
    id: "gammagardSc",
    title:
      "GAMMAGARD LIQUID SC (PI only): × 1.37; ≥ 40 kg 30 mL/site at 20 mL/h/site, then 20–30; ≤ 240 mL/h in all; up to 8 sites",
    url: "http://www.gammagard.com/primary-immunodeficiency/hcp/products/SC/Infusion-Time.html",
  },
  euScigCidp11: {
    id: "euScigCidp11",
    title:
      "EU SCIG CIDP SmPC: the initial SC dose may be a 1:1 conversion of the IVIG dose (1 g/kg every 3 weeks → 0.33 g/kg weekly); " +
      "max 0.4 g/kg/week",
    url: "https://www.rxreasoner.com/indications/I-277734",
  },
  jpns2009: {
    id: "jpns2009",
    title:
      "SCIg for MMN (J Peripher Nerv Syst 2009;14:93-100): 50 % of the IVIg dose: 4 of 5 deteriorated; equivalent dose: 4 of 5 stable",
    url: "https://www.ingentaconnect.com/content/bsc/jns/2009/00000014/00000002/art00006",
  },
  muscleNerve2016: {
    id: "muscleNerve2016",
    title: "SCIg for MMN (Muscle Nerve 2016;54:856-63): 1.53:1 below 2 g/kg/month IVIG, 1:1 at 2 g/kg/month",
    url: "https://pubmed.ncbi.nlm.nih.gov/26991654/",
  },
  hizentraOlder153: {
    id: "hizentraOlder153",
    title: "HIZENTRA older US patient dosing page: IVIG→SCIG factor 1.53",
    url: "http://www.hizentra.com/therapy-administration/treatment-instructions-dosage.aspx",
  },
  harbo2009: {
    id: "harbo2009",
    title: "Harbo et al. 2009 (Eur J Neurol 16:631-8): SCIG at equivalent dosages to IVIG in MMN",
    url: "https://pubmed.ncbi.nlm.nih.gov/19236457/",
  },
} as const satisfies Record<string, Source>;
