// The flags both docs screenshots start Debian's headless Chromium with: no sandbox (root in CI), no
// network of its own (no updates, sync or QUIC), a throwaway profile. test/helpers/browser.ts keeps
// the same list for the tests (TypeScript there; this file is plain .mjs so the scripts run without tsx).
import { join } from "node:path";

/** The flags, with the profile kept in `dir`. */
export function headlessChromiumFlags(dir) {
  return [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    `--user-data-dir=${join(dir, "profile")}`,
  ];
}
