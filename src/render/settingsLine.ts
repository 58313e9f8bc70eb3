import type { ScheduleResult } from "../core/resultSchema.js";

/** The MMN_DOSE_* variable of a config key (`maxDaily` → `MMN_DOSE_MAX_DAILY`), as the CLI names it. */
export const envVariable = (key: string): string => `MMN_DOSE_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/**
 * The table header's Settings line: the config file with the keys it set, then the variables; undefined
 * when every setting was typed or a default.
 *
 * @example
 * settingsLine({ settings: { file: "/etc/site.json", fromFile: ["vials"], fromEnv: ["round"] } })
 * //=> "/etc/site.json (vials), MMN_DOSE_ROUND"
 */
export function settingsLine(r: Pick<ScheduleResult, "settings">): string | undefined {
  const s = r.settings;
  if (!s) return undefined;
  const parts = s.file !== null && s.fromFile.length > 0 ? [`${s.file} (${s.fromFile.join(", ")})`] : [];
  parts.push(...s.fromEnv.map(envVariable));
  return parts.join(", ");
}

/**
 * A setting and its value as the table names it: `--round 5g` when typed, `round 5g in /etc/site.json`
 * from the config file, `MMN_DOSE_ROUND=5g` from the environment.
 */
export function settingText(r: Pick<ScheduleResult, "settings">, key: string, flag: string, value: string): string {
  const s = r.settings;
  if (s?.fromEnv.includes(key)) return `${envVariable(key)}=${value}`;
  if (s?.file != null && s.fromFile.includes(key)) return `${key} ${value} in ${s.file}`;
  return `${flag} ${value}`;
}
