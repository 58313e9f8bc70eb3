import type { ChalkInstance } from "chalk";

/**
 * The few styles the table uses. Color is decided once in the shell and passed in; a renderer
 * never looks at the terminal. Color is never the only signal: every warning also has a `!` marker.
 */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  warn(text: string): string;
  note(text: string): string;
}

/**
 * The styles from a chalk instance whose level the CLI set from its own decision (NO_COLOR,
 * --color / --no-color, FORCE_COLOR, a terminal): chalk's own detection never decides.
 */
export function paintFrom(chalk: ChalkInstance): Paint {
  return { bold: chalk.bold, dim: chalk.dim, warn: chalk.yellow, note: chalk.cyan };
}

const plain = (text: string) => text;
export const NO_COLOR: Paint = { bold: plain, dim: plain, warn: plain, note: plain };
