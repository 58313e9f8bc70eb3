import { homedir } from "node:os";
import { join } from "node:path";
import * as z from "zod/mini";
import { UsageError } from "./cliError.js";
import { envName, FLAG_KEYS, optionValueFromJson, PATIENT_KEYS, routeOnly, SITE_KEYS } from "./options.js";
import { readSmallFile } from "./smallFile.js";
import { closest } from "./suggest.js";
import { optionCheck } from "./validate.js";

/**
 * Site configuration: the settings a pharmacy fixes once (product, vial stock, policy, rounding,
 * caps, avoided dates). Never patient data: a weight left in a file would silently dose the next
 * patient. Precedence: flag > environment (MMN_DOSE_*) > config file > built-in default.
 */
export { envName, SITE_KEYS };
export type SiteKey = string;

/** The site keys that do not apply to a patient on `route` (ivig unless "scig", in any case). */
export function otherRouteKeys(route: unknown): readonly SiteKey[] {
  const other = typeof route === "string" && route.toLowerCase() === "scig" ? "ivig" : "scig";
  return routeOnly(other)
    .filter((o) => typeof o.scope === "object")
    .map((o) => o.key);
}

// The file's shape: known keys only, and on/off settings booleans. Every other value goes to the
// flag's own check (optionCheck), so a wrong type is refused with the option's range. Built when a
// config file is read: most runs have none.
const configSchema = () =>
  z.strictObject(
    Object.fromEntries(
      SITE_KEYS.map((key) => [
        key,
        FLAG_KEYS.has(key) ? z.optional(z.boolean({ error: "must be true or false" })) : z.optional(z.unknown()),
      ]),
    ),
    { error: "must be a JSON object of site settings" },
  );

/** MMN_DOSE_SKIP_WEEKENDS and other on/off variables: these words, any case, else refused. */
const ENV_BOOLEAN: Readonly<Record<string, boolean>> = {
  1: true,
  true: true,
  yes: true,
  0: false,
  false: false,
  no: false,
};

type SettingSource = "flag" | `env ${string}` | `config ${string}` | "default";

export interface SiteSettings {
  /** The option values after merging, as commander would have produced them. */
  readonly raw: Record<string, unknown>;
  readonly sources: Readonly<Record<SiteKey, SettingSource>>;
  /** The config file used, if any. */
  readonly configPath: string | undefined;
}

/** A config file: skipped when missing (except --config, said by the caller); at most 1 MB. */
const CONFIG_FILE = {
  code: "CONFIG",
  what: "a settings file",
  holds: "a site config holds a few settings",
  missing: "skip",
} as const;

/**
 * An MMN_DOSE_* variable that names no setting (a typo such as MMN_DOSE_MAXDAILY would otherwise be
 * ignored without a word) or names patient data (a weight left in a shell would dose the next
 * patient) is refused, naming it, as unknown keys in the config file are.
 */
function refuseUnknownVariables(env: Readonly<Record<string, string | undefined>>): void {
  const known = new Set(SITE_KEYS.map(envName));
  for (const name of Object.keys(env)) {
    if (!name.startsWith("MMN_DOSE_") || known.has(name) || env[name] === undefined) continue;
    const key = name
      .slice(9)
      .toLowerCase()
      .replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    if (PATIENT_KEYS.has(key)) {
      throw new UsageError(
        "CONFIG",
        `${name}: '${key}' is patient data, which never comes from the environment (a value left in a ` +
          `shell would apply to the next patient); unset it`,
      );
    }
    const close = [...known].find((k) => k.replace(/_/g, "") === name.replace(/_/g, ""));
    throw new UsageError(
      "CONFIG",
      `${name} is not a setting${close ? ` (did you mean ${close}?)` : ""}; the variables are ` +
        `${[...known].join(", ")}`,
    );
  }
}

/** Where the config file is looked for: `--config`, else ./mmn-dose.config.json, else the user's config directory. */
function configCandidates(explicit: string | undefined, env: Readonly<Record<string, string | undefined>>): string[] {
  if (explicit) return [explicit];
  const home = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config");
  return ["mmn-dose.config.json", join(home, "mmn-dose", "config.json")];
}

/** The config files a run may read, as inputs an -o must not replace (output.ts). */
export function configInputs(
  explicit: unknown,
  env: Readonly<Record<string, string | undefined>>,
): { label: string; path: string }[] {
  const given = typeof explicit === "string" && explicit !== "" ? explicit : undefined;
  return configCandidates(given, env).map((path) => ({
    label: given ? `--config ${path}` : `the config file ${path}`,
    path,
  }));
}

/** The config file: `--config`, else ./mmn-dose.config.json, else the user's config directory. */
async function loadConfig(explicit: string | undefined, env: Readonly<Record<string, string | undefined>>) {
  if (explicit === "") throw new UsageError("CONFIG", "--config needs a file name");
  for (const path of configCandidates(explicit, env)) {
    const text = await readSmallFile(path, `config ${path}`, CONFIG_FILE);
    if (text === undefined) {
      if (explicit) throw new UsageError("CONFIG", `--config ${path}: no such file`);
      continue;
    }
    const { jsonErrorText, readJson } = await import("./jsonSyntax.js");
    const read = readJson(text);
    if (!("value" in read))
      throw new UsageError("CONFIG", `config ${path}: ${read.error ? jsonErrorText(read.error) : "not valid JSON"}`);
    const data = read.value;
    if (typeof data === "object" && data !== null && !Array.isArray(data)) {
      const patient = Object.keys(data).find((k) => PATIENT_KEYS.has(k));
      if (patient) {
        throw new UsageError(
          "CONFIG",
          `config ${path}: key '${patient}' is patient data; a site config holds site policy only ` +
            `(${SITE_KEYS.join(", ")})`,
        );
      }
    }
    const parsed = configSchema().safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const key = issue.path.length > 0 ? `key '${String(issue.path[0])}'` : "the file";
      const what =
        issue.code === "unrecognized_keys" ? unknownKeyText(String(issue.keys[0])) : `${key}: ${issue.message}`;
      throw new UsageError("CONFIG", `config ${path}: ${what}`);
    }
    return { path, values: parsed.data as Partial<Record<SiteKey, unknown>> };
  }
  return { path: undefined, values: {} as Partial<Record<SiteKey, unknown>> };
}

/** An unknown config key, with the closest site key as batch lines, plan phases and MMN_DOSE_* variables name it. */
function unknownKeyText(key: string): string {
  const near = closest(key, SITE_KEYS);
  return `unknown key '${key}'${near === undefined ? "" : ` (did you mean ${near}?)`}; the site keys are ${SITE_KEYS.join(", ")}`;
}

/** Config values → what the option validators read, as for batch lines; `avoid: []` is no dates. */
function asOptionValue(key: SiteKey, value: unknown): unknown {
  return key === "avoid" && Array.isArray(value) && value.length === 0 ? undefined : optionValueFromJson(key, value);
}

/**
 * Fills every site option the user did not give from the environment, then the config file, and
 * records where each came from. A bad value names its source (file and key, or variable).
 */
export async function resolveSiteSettings(
  raw: Record<string, unknown>,
  env: Readonly<Record<string, string | undefined>>,
  configOption: string | undefined,
  options: { readonly allRoutes?: boolean } = {},
): Promise<SiteSettings> {
  refuseUnknownVariables(env);
  const config = await loadConfig(configOption, env);
  const merged: Record<string, unknown> = { ...raw };
  const sources = {} as Record<SiteKey, SettingSource>;
  // A site setting for the other route does not apply (an IVIG product when --route scig). Batch
  // and `config` resolve every key (allRoutes) and batch drops the other route's per line.
  const otherRoute: readonly SiteKey[] = options.allRoutes ? [] : otherRouteKeys(raw.route);
  for (const key of SITE_KEYS) {
    if (raw[key] === undefined && otherRoute.includes(key)) {
      sources[key] = "default";
      continue;
    }
    if (raw[key] !== undefined) {
      sources[key] = "flag";
      continue;
    }
    const fromEnv = env[envName(key)];
    let value: unknown;
    let source: SettingSource = "default";
    if (fromEnv !== undefined && fromEnv !== "") {
      source = `env ${envName(key)}`;
      if (FLAG_KEYS.has(key)) {
        value = ENV_BOOLEAN[fromEnv.toLowerCase()];
        if (value === undefined)
          throw new UsageError("CONFIG", `${envName(key)} must be true or false (or 1/0, yes/no); got '${fromEnv}'`);
      } else {
        value = fromEnv;
      }
    } else if (config.values[key] !== undefined && config.values[key] !== null) {
      value = asOptionValue(key, config.values[key]);
      source = `config ${config.path}`;
    }
    sources[key] = source;
    if (value === undefined) continue;
    const check = optionCheck(key)!.safeParse(value);
    if (!check.success) {
      const where = source.startsWith("env") ? source.slice(4) : `${source}, key '${key}'`;
      throw new UsageError("CONFIG", `${where}: ${check.error.issues[0]?.message ?? "invalid value"}`);
    }
    // A choice or time is kept as read (`Privigen` → privigen, `9:00` → 09:00), so `config` shows the id.
    merged[key] = typeof check.data === "string" ? check.data : value;
  }
  return { raw: merged, sources, configPath: config.path };
}
