import type { Source } from "./sources.js";

/**
 * The sources of `mmn-dose review`: programme review intervals, outcome measures and their minimal
 * clinically important differences, dose–response and dose-reduction protocols. Each was read
 * against its stored page (docs/clinical.md, "Treatment review: source checks").
 */
export const REVIEW_SOURCES = {
  ontarioNeurology: {
    id: "ontarioNeurology",
    title:
      "Ontario IG utilization management guidelines, neurology: objective measures assessed no later than 6 months " +
      "after initiation and at least annually thereafter",
    url: "https://transfusionontario.org/en/category/ivig-scig/utilization-management-guidelines/neurology-indications/page/2",
  },
  bcNeuromuscular: {
    id: "bcNeuromuscular",
    title:
      "BC Provincial Blood Coordinating Office, IVIg Neuromuscular Neurology Program: a maximum 3 month trial period; " +
      "requests beyond 3 months are screened by the provincial neurology panel (Outcome Questionnaire)",
    url: "https://pbco.ca/index.php/programs/ivig-neuromuscular",
  },
  nbaVersion3: {
    id: "nbaVersion3",
    title:
      "National Blood Authority (Australia), Version 3 Ig criteria: a formal review of patient outcomes reported " +
      "periodically (no interval stated on the page)",
    url: "https://nba.gov.au/version-3-ig-criteria-coming-soon",
  },
  practicalNeurologyTable5: {
    id: "practicalNeurologyTable5",
    title:
      "Practical Neurology, Table 5: disease-specific outcome measures in autoimmune neuromuscular diseases (MMN: MRC " +
      "sum score ±2 points, Vigorimeter ±8 kPa, MMN-RODS ±4 points (logit scale), ONLS no value)",
    url: "https://pn.bmj.com/highwire/markup/150806/expansion",
  },
  outcomeMeasuresMmn: {
    id: "outcomeMeasuresMmn",
    title: "Outcome measures in MMN revisited (J Peripher Nerv Syst 2015;20:306-18): grip strength the more responsive",
    url: "https://pubmed.ncbi.nlm.nih.gov/26115442/",
  },
  vlamDoseResponse: {
    id: "vlamDoseResponse",
    title:
      "Dose-exposure-efficacy response of IVIG 10% in MMN: ≥1.6 g/kg/month for clinically meaningful grip gains in " +
      "≥70% of patients; more frequent dosing at an equivalent monthly dose gives a more consistent response",
    url: "https://escholarship.org/uc/item/7rv083zc",
  },
  doseIncreaseMmn: {
    id: "doseIncreaseMmn",
    title:
      "IVIg dose increase in MMN (J Neurol 2009): from 0.5 g/kg/month to 1.2 g/kg/month, then 2 g/kg/month if needed",
    url: "https://link.springer.com/doi/10.1007/s00415-009-0130-0",
  },
  harboScig: {
    id: "harboScig",
    title: "Harbo et al. 2009: SCIG at equivalent dosages to IVIG in MMN (Eur J Neurol 16:631-8)",
    url: "https://pubmed.ncbi.nlm.nih.gov/19236457/",
  },
  scigTaperCidp: {
    id: "scigTaperCidp",
    title:
      "Standardized tapering off SCIG in CIDP (J Neuromuscul Dis 2023;10:787-96): 90%, 75%, 50%, 25% and 0% of the " +
      "initial dose every 12th week (a CIDP protocol)",
    url: "https://content.iospress.com/openurl?genre=article&id=doi:10.3233/JND-221615",
  },
  vanRosmalenCohort: {
    id: "vanRosmalenCohort",
    title:
      "van Rosmalen, clinical outcomes in MMN: immunoglobulin dose increased over time while outcome measures fell",
    url: "https://publicatie-online.nl/uploaded/flipbook/147991-Marieke-van-Rosmalen/33",
  },
} as const satisfies Record<string, Source>;
