import { type OptionKey, type OptionValue, option } from "./optionKeys.js";

/**
 * Where a site setting's value came from, when it was not typed: the CLI knows (it read the flags,
 * the MMN_DOSE_* environment and the config file) and passes it in as data, so a note can say
 * "vials in /etc/mmn-dose.json" rather than "--vials" for a value the user never typed.
 */
export type SettingOrigin =
  | { readonly kind: "file"; readonly path: string; readonly key: string }
  | { readonly kind: "env"; readonly name: string };

/** By option key (`vials`); an option absent here was typed (or is the default). */
export type SettingOrigins = Readonly<Partial<Record<OptionKey, SettingOrigin>>>;

/**
 * How a note names the setting `key`: a mention of the option when typed (the CLI phrases it), else
 * the config key and its file, or the environment variable.
 *
 * @example
 * settingName(undefined, "vials") //=> option("vials"), shown as "--vials"
 * settingName({ vials: { kind: "file", path: "/etc/site.json", key: "vials" } }, "vials")
 * //=> "vials in /etc/site.json"
 * settingName({ vials: { kind: "env", name: "MMN_DOSE_VIALS" } }, "vials") //=> "MMN_DOSE_VIALS"
 */
export function settingName(origins: SettingOrigins | undefined, key: OptionKey): string {
  const origin = origins?.[key];
  if (origin === undefined) return option(key);
  return origin.kind === "env" ? origin.name : `${origin.key} in ${origin.path}`;
}

/**
 * A setting with its value (and the value's unit), as a note names it: `--round none` when typed,
 * `round none in /etc/site.json` from a config file, `MMN_DOSE_ROUND=none` from the environment.
 *
 * @example
 * settingValue({ round: { kind: "env", name: "MMN_DOSE_ROUND" } }, "round", "none") //=> "MMN_DOSE_ROUND=none"
 */
export function settingValue(
  origins: SettingOrigins | undefined,
  key: OptionKey,
  value: OptionValue,
  unit = "",
): string {
  const origin = origins?.[key];
  if (origin === undefined) return `${option(key, value)}${unit}`;
  return origin.kind === "env" ? `${origin.name}=${value}${unit}` : `${origin.key} ${value}${unit} in ${origin.path}`;
}
