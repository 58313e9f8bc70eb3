/** The headless Chromium flags, with the profile kept in `dir` (scripts/chromium-flags.mjs). */
export function headlessChromiumFlags(dir: string): string[];
