import { renderJson } from "../../render/json.js";
import { COMMANDS, type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";
import { escapeControl } from "../escape.js";
import type { Io } from "../io.js";
import { SCHEDULE_OPTIONS } from "../options.js";

/** `mmn-dose config`: the effective site settings and where each comes from. */
export function addConfigCommand({ program, io }: CommandContext): void {
  program
    .command("config")
    .description(COMMANDS.config)
    .option("--debug", DEBUG_HELP)
    .option("--config <file>", "site configuration file")
    .option("--json", "print as JSON")
    .action(async (opts: { config?: string; json?: boolean }) => {
      refuseOptionsBefore(program, "config");
      await showConfig(io, opts);
    });
}

async function showConfig(io: Io, opts: { config?: string; json?: boolean }): Promise<void> {
  const { resolveSiteSettings, SITE_KEYS, envName } = await import("../config.js");
  const site = await resolveSiteSettings({}, io.env, opts.config, { allRoutes: true });
  const defaultOf = (key: string) =>
    SCHEDULE_OPTIONS.find((o) => o.key === key && o.defaultText !== undefined)?.defaultText ?? "none";
  const settings = SITE_KEYS.map((key) => {
    const value = site.raw[key] ?? null;
    return { key, value, source: site.sources[key], env: envName(key), default: defaultOf(key) };
  });
  if (opts.json) {
    io.writeOut(renderJson({ schemaVersion: 1, configFile: site.configPath ?? null, settings }));
    return;
  }
  const { wrapLine } = await import("../../render/fitWidth.js");
  const file = `config file: ${site.configPath ?? "none (--config, ./mmn-dose.config.json, or ~/.config/mmn-dose/config.json)"}`;
  // The path and values are echoed from a file name and the environment: escaped for the terminal.
  const lines = [...wrapLine(file, CONFIG_WIDTH, 2), ...settingRows(settings, wrapLine)];
  io.writeOut(`${lines.map(escapeControl).join("\n")}\n`);
}

/** The table fits 80 columns: a long value wraps within its column, a config file's path is named once, above. */
const CONFIG_WIDTH = 80;

interface SettingRow {
  readonly key: string;
  readonly value: unknown;
  readonly source: string | undefined;
  readonly env: string;
  readonly default: string;
}

/** `  key  value  source  [MMN_DOSE_KEY]`, the value column as wide as the longest value, or the room left. */
function settingRows(
  settings: readonly SettingRow[],
  wrapLine: (l: string, w: number, i: number) => string[],
): string[] {
  // "file": the config file the first line names; "env": the variable in the last column; "flag".
  const sourceOf = (s: SettingRow) =>
    s.source === undefined || s.source === "default"
      ? ""
      : s.source.startsWith("config ")
        ? "file  "
        : `${s.source.split(" ")[0]}  `;
  const tails = settings.map((s) => `${sourceOf(s)}[${s.env}]`);
  const shown = settings.map((s) => (s.value === null ? `default: ${s.default}` : String(s.value)));
  const room = CONFIG_WIDTH - 15 - 2 - Math.max(...tails.map((t) => t.length));
  const width = Math.min(Math.max(...shown.map((v) => v.length)), room);
  return settings.flatMap((s, k) => {
    const [first = "", ...rest] = wrapLine(shown[k]!, width, 0);
    return [`  ${s.key.padEnd(13)}${first.padEnd(width)}  ${tails[k]}`, ...rest.map((l) => `${" ".repeat(15)}${l}`)];
  });
}
