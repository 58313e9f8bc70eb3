import { renderJson } from "../../render/json.js";
import { type CommandContext, DEBUG_HELP, refuseOptionsBefore } from "../commandKit.js";
import { escapeControl } from "../escape.js";
import type { Io } from "../io.js";
import { SCHEDULE_OPTIONS } from "../options.js";

/** `mmn-dose config`: the effective site settings and where each comes from. */
export function addConfigCommand({ program, io }: CommandContext): void {
  program
    .command("config")
    .description(
      "show the effective site settings and where each comes from (MMN_DOSE_* environment, config file, built-in default)",
    )
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
  const lines = [
    `config file: ${site.configPath ?? "none (--config, ./mmn-dose.config.json, or ~/.config/mmn-dose/config.json)"}`,
  ];
  const shown = settings.map((s) => (s.value === null ? `default: ${s.default}` : String(s.value)));
  const width = Math.max(...shown.map((v) => v.length)) + 2;
  settings.forEach((s, k) => {
    const source = s.source === "default" ? "" : `${s.source}  `;
    lines.push(`  ${s.key.padEnd(13)}${shown[k]!.padEnd(width)}${source}[${s.env}]`);
  });
  // The path and values are echoed from a file name and the environment: escaped for the terminal.
  io.writeOut(`${lines.map(escapeControl).join("\n")}\n`);
}
