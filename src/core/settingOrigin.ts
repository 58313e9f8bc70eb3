/**
 * Where a site setting's value came from, when it was not typed: the CLI knows (it read the flags,
 * the MMN_DOSE_* environment and the config file) and passes it in as data, so a note can say
 * "vials in /etc/mmn-dose.json" rather than "--vials" for a value the user never typed.
 */
export type SettingOrigin =
  | { readonly kind: "file"; readonly path: string; readonly key: string }
  | { readonly kind: "env"; readonly name: string };

/** By option flag (`--vials`); an option absent here was typed (or is the default). */
export type SettingOrigins = Readonly<Partial<Record<string, SettingOrigin>>>;

/**
 * How a note names the setting `flag`: the flag when typed, else the config key and its file, or
 * the environment variable.
 *
 * @example
 * settingName(undefined, "--vials") //=> "--vials"
 * settingName({ "--vials": { kind: "file", path: "/etc/site.json", key: "vials" } }, "--vials")
 * //=> "vials in /etc/site.json"
 * settingName({ "--vials": { kind: "env", name: "MMN_DOSE_VIALS" } }, "--vials") //=> "MMN_DOSE_VIALS"
 */
export function settingName(origins: SettingOrigins | undefined, flag: string): string {
  const origin = origins?.[flag];
  if (origin === undefined) return flag;
  return origin.kind === "env" ? origin.name : `${origin.key} in ${origin.path}`;
}

/**
 * A setting with its value, as a note names it: `--round none` when typed, `round none in
 * /etc/site.json` from a config file, `MMN_DOSE_ROUND=none` from the environment.
 *
 * @example
 * settingValue({ "--round": { kind: "env", name: "MMN_DOSE_ROUND" } }, "--round", "none") //=> "MMN_DOSE_ROUND=none"
 */
export function settingValue(origins: SettingOrigins | undefined, flag: string, value: string): string {
  const origin = origins?.[flag];
  if (origin === undefined) return `${flag} ${value}`;
  return origin.kind === "env" ? `${origin.name}=${value}` : `${origin.key} ${value} in ${origin.path}`;
}
