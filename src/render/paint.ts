/**
 * The few ANSI styles the table uses. Color is decided once in the shell and passed in; a
 * renderer never looks at the terminal. Color is never the only signal: every warning also has
 * a `!` marker.
 */
export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  warn(text: string): string;
  note(text: string): string;
}

const wrap = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

export const COLOR: Paint = { bold: wrap(1, 22), dim: wrap(2, 22), warn: wrap(33, 39), note: wrap(36, 39) };

const plain = (text: string) => text;
export const NO_COLOR: Paint = { bold: plain, dim: plain, warn: plain, note: plain };
