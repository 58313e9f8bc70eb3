import { type Comparison, compareRegimens, steadyStateInput } from "../core/compare.js";
import { DomainError } from "../core/domainError.js";
import { planContext } from "../core/planner.js";
import { planSchedule } from "../core/schedule.js";
import { paintFor, terminalWidth } from "./commandKit.js";
import { configInputs, otherRouteKeys, resolveSiteSettings } from "./config.js";
import { withSettingSources } from "./domainErrorMapping.js";
import { UsageError } from "./cliError.js";
import { escapeControl, escapeStrings } from "./escape.js";
import type { Io } from "./io.js";
import { COMPARE_FORMATS } from "./outputFormats.js";
import { routeOnly } from "./options.js";
import { phrasedAll } from "./optionWords.js";
import {
  inRegimenTerms,
  PATIENT_LEVEL_KEYS,
  parseRegimen,
  type RegimenText,
  regimenError,
  SITE_DEFAULT_KEYS,
} from "./regimenText.js";
import { checkScheduleOptions, validateScheduleOptions } from "./validate.js";

/** The options of `mmn-dose compare` as commander hands them over. */
export interface CompareOptions {
  readonly regimen?: readonly string[];
  readonly pricePerG?: string;
  readonly format?: string;
  readonly json?: boolean;
  readonly output?: string;
  readonly color?: boolean;
  readonly config?: string;
  readonly [key: string]: unknown;
}

/** Largest --price-per-g accepted: a typo guard, far above any immunoglobulin's price per gram. */
const MAX_PRICE_PER_G = 100_000;

/** `--price-per-g`: a plain decimal above 0, at most MAX_PRICE_PER_G. */
function pricePerG(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!(value > 0 && value <= MAX_PRICE_PER_G)) {
    throw new UsageError(
      "INVALID_OPTION",
      `--price-per-g must be a number above 0 and at most ${MAX_PRICE_PER_G} (the price of one gram, in any ` +
        `currency); got '${escapeControl(text)}'`,
    );
  }
  return value;
}

/** `--format table|json` (any case) or `--json`; anything else is refused, naming the choices. */
function compareFormat(opts: CompareOptions): (typeof COMPARE_FORMATS)[number] {
  const format = opts.format?.toLowerCase();
  if (format !== undefined && !COMPARE_FORMATS.some((f) => f === format)) {
    throw new UsageError(
      "INVALID_OPTION",
      `compare --format must be one of ${COMPARE_FORMATS.join(", ")}; got '${escapeControl(String(opts.format))}'`,
    );
  }
  if (opts.json && format === "table")
    throw new UsageError("CONFLICTING_OPTIONS", "--json and --format table cannot be used together");
  return opts.json || format === "json" ? "json" : "table";
}

/** The patient and site values typed on the command line, as the options table keys them. */
function commandLineValues(opts: CompareOptions): Record<string, unknown> {
  const keys = [...PATIENT_LEVEL_KEYS, ...SITE_DEFAULT_KEYS];
  return Object.fromEntries(keys.filter((k) => opts[k] !== undefined).map((k) => [k, opts[k]]));
}

/**
 * The command line's own checks, before any regimen: each value's range (in the options table's
 * order), a missing weight, and the dosing weight (a policy or basis that needs height and sex).
 */
function checkCommandLine(site: Record<string, unknown>): void {
  const parsed = checkScheduleOptions(site);
  if (!parsed.success) throw new UsageError("INVALID_OPTION", parsed.error.issues[0]?.message ?? "invalid option");
  const routeKeys = new Set<string>([...routeOnly("ivig"), ...routeOnly("scig")].map((o) => o.key));
  const patientOnly = Object.fromEntries(Object.entries(site).filter(([k]) => !routeKeys.has(k)));
  planContext(validateScheduleOptions(patientOnly).input);
}

/** One regimen: the site defaults of its route under its own keys, validated, planned to steady state. */
function planRegimen(
  regimen: RegimenText,
  site: Record<string, unknown>,
  sources: Readonly<Record<string, string>>,
  io: Io,
) {
  const own = regimen.values;
  const notForThisRoute = otherRouteKeys(own.route);
  const applies = ([key]: [string, unknown]) => !notForThisRoute.includes(key) || key in own;
  const raw = { ...Object.fromEntries(Object.entries(site).filter(applies)), ...own };
  try {
    const request = validateScheduleOptions(raw);
    const result = phrasedAll(planSchedule(steadyStateInput(request.input), io.today()), "flags");
    const terms = (m: (typeof result.warnings)[number]) => ({ ...m, message: inRegimenTerms(regimen, m.message) });
    return {
      regimen: regimen.text,
      result: { ...result, warnings: result.warnings.map(terms), notes: result.notes.map(terms) },
    };
  } catch (error) {
    const fromSite = Object.fromEntries(Object.entries(sources).filter((e) => applies(e) && !(e[0] in own)));
    const named = withSettingSources(error, fromSite);
    if (named instanceof UsageError || named instanceof DomainError)
      throw regimenError(regimen, named.code, named.message);
    throw named;
  }
}

/** Plans every regimen for the one patient of the command line and sums each one's steady-state year. */
async function compare(opts: CompareOptions, io: Io): Promise<{ comparison: Comparison; format: string }> {
  const given = opts.regimen ?? [];
  if (given.length < 2) {
    throw new UsageError(
      "TOO_FEW_REGIMENS",
      `compare needs at least two --regimen options (got ${given.length}), e.g. --regimen dose=2,every=4 ` +
        `--regimen dose=1,every=2`,
    );
  }
  const format = compareFormat(opts);
  const price = pricePerG(opts.pricePerG);
  const regimens = given.map(parseRegimen);
  const settings = await resolveSiteSettings(commandLineValues(opts), io.env, opts.config, { allRoutes: true });
  const used = new Set([...PATIENT_LEVEL_KEYS, ...SITE_DEFAULT_KEYS]);
  const site = Object.fromEntries(Object.entries(settings.raw).filter(([k]) => used.has(k)));
  try {
    checkCommandLine(site);
  } catch (error) {
    throw withSettingSources(error, settings.sources);
  }
  const planned = regimens.map((r) => planRegimen(r, site, settings.sources, io));
  return { comparison: compareRegimens(planned, price), format };
}

/** `mmn-dose compare`: the comparison rendered, written to stdout or -o; with -o the warnings go to stderr too. */
export async function runCompare(opts: CompareOptions, io: Io): Promise<void> {
  const { outputPath, refuseOutputOverInputs, writeFileAtomic } = await import("./output.js");
  const output = outputPath(opts.output);
  if (output !== undefined) await refuseOutputOverInputs(output, configInputs(opts.config, io.env));
  const { comparison, format } = await compare(opts, io);
  let text: string;
  if (format === "json") {
    const { renderJson } = await import("../render/json.js");
    text = renderJson(comparison);
  } else {
    const { renderCompareTable } = await import("../render/compareTable.js");
    const paint = await paintFor(output === undefined ? opts.color : opts.color === true, io);
    // Notes may echo a config path: the table is drawn from a copy with control characters escaped.
    text = renderCompareTable(escapeStrings(comparison), paint, { width: terminalWidth(io, output) });
  }
  if (output === undefined) {
    io.writeOut(text);
    return;
  }
  await writeFileAtomic(output, text);
  comparison.regimens.forEach((r, i) => {
    for (const w of r.warnings)
      io.writeErr(`mmn-dose: warning ${w.code} (regimen ${i + 1}): ${escapeControl(w.message)}\n`);
  });
}
