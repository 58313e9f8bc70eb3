import { COMMAND_NAMES } from "./commandKit.js";
import { type OptionSpec, SCHEDULE_OPTIONS, takesValue } from "./options.js";

/**
 * The one-patient command's command line read straight from the options table, for the runs that
 * need nothing else: commander and the subcommands are then never loaded, which is most of a
 * one-patient run's start-up (docs/performance-startup.md). It reads only what commander reads the
 * same way (a property test, test/cli/scheduleArgv.test.ts, compares the two); anything else (help,
 * a command, a word that is not an option, an unknown or repeated option, a value starting with "-",
 * `--`) is left to commander, whose messages are the only ones a usage error gets.
 */

interface Flag {
  readonly key: string;
  /** The value commander sets: the next word (or the text after "="), or true (false for --no-…). */
  readonly value: "next" | boolean;
}

/** Every spelling commander accepts for the one-patient command's options: "-w", "--weight", "--no-color". */
const FLAGS: ReadonlyMap<string, Flag> = new Map(SCHEDULE_OPTIONS.flatMap(spellings));

function spellings(spec: OptionSpec): [string, Flag][] {
  const names = spec.flags.split(/,? /).filter((word) => word.startsWith("-"));
  const value: Flag["value"] = takesValue(spec) ? "next" : !spec.flags.startsWith("--no-");
  return names.map((name) => [name, { key: spec.key, value }]);
}

/** What the subcommands are named (and commander's `help`), and the help flags that list them. */
const COMMAND_WORDS = new Set<string>([...COMMAND_NAMES, "help", "-h", "--help"]);

/**
 * Whether commander needs the subcommands to parse `argv`: only a word naming one (or help, which
 * lists them) makes commander look at them. Setting up all eight costs more start-up than a
 * one-patient run's own work, so a run without such a word does not set them up.
 */
export function needsSubcommands(argv: readonly string[]): boolean {
  return argv.some((a) => COMMAND_WORDS.has(a));
}

/**
 * The options commander would hand the one-patient command for `argv` (a value option's text, an
 * on/off option's true or false), or undefined when commander must read it.
 *
 * @example
 * scheduleArgv(["--weight", "70", "--json"]) //=> { weight: "70", json: true }
 * scheduleArgv(["--weight=70kg", "-o", "plan.ics"]) //=> { weight: "70kg", output: "plan.ics" }
 * scheduleArgv(["--weight", "70", "--weight", "80"]) //=> undefined (commander refuses it)
 * scheduleArgv(["products"]) //=> undefined
 */
export function scheduleArgv(argv: readonly string[]): Record<string, unknown> | undefined {
  // -V, --version and -- are not options of the table, so they are left to commander below.
  if (needsSubcommands(argv)) return undefined;
  const raw: Record<string, unknown> = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    const equals = word.startsWith("--") ? word.indexOf("=") : -1;
    const name = equals > 0 ? word.slice(0, equals) : word;
    const flag = FLAGS.get(name);
    if (flag === undefined) return undefined;
    if (flag.value !== "next") {
      if (equals > 0) return undefined; // commander: an on/off option takes no "="
      raw[flag.key] = flag.value;
      continue;
    }
    const value = equals > 0 ? word.slice(equals + 1) : argv[++i];
    if (value === undefined || value.startsWith("-") || raw[flag.key] !== undefined) return undefined;
    raw[flag.key] = value;
  }
  return raw;
}
