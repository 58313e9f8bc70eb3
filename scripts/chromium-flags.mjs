// The flags both docs screenshots start Debian's headless Chromium with: no sandbox (root in CI), no
// network of its own (no updates, sync or QUIC), a throwaway profile. The print tests use them too
// (test/helpers/browser.ts); plain .mjs so the scripts run without tsx.
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
