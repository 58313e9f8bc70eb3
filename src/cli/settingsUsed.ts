import type { Settings } from "../core/resultSchema.js";
import type { SettingOrigin, SettingOrigins } from "../core/settingOrigin.js";
import type { OptionKey } from "../core/optionKeys.js";
import { SCHEDULE_OPTIONS } from "./options.js";

/**
 * The site settings a config file or MMN_DOSE_* variable set for this run, in two forms: `origins`
 * for the core's notes (by option key) and `settings` for the result (the table's header, JSON
 * `settings`). A calendar-only setting does not count for a table, CSV or JSON: it changed nothing.
 * `settings` is undefined when nothing came from a file or the environment.
 */
export function settingsUsed(
  sources: Readonly<Record<string, string>>,
  format: string,
): { origins: SettingOrigins; settings: Settings | undefined } {
  const origins: Partial<Record<OptionKey, SettingOrigin>> = {};
  const fromFile: string[] = [];
  const fromEnv: string[] = [];
  let file: string | null = null;
  for (const [key, source] of Object.entries(sources)) {
    const option = SCHEDULE_OPTIONS.find((o) => o.key === key);
    // --time and --tz shape the printed sheet's clock times too.
    const shapesOutput = format === "ics" || (format === "html" && option?.sheet !== undefined);
    if (option?.calendar !== undefined && !shapesOutput) continue;
    if (source.startsWith("config ")) {
      file = source.slice("config ".length);
      if (option) origins[option.key] = { kind: "file", path: file, key };
      fromFile.push(key);
    } else if (source.startsWith("env ")) {
      if (option) origins[option.key] = { kind: "env", name: source.slice("env ".length) };
      fromEnv.push(key);
    }
  }
  const settings = fromFile.length + fromEnv.length > 0 ? { file, fromFile, fromEnv } : undefined;
  return { origins, settings };
}
