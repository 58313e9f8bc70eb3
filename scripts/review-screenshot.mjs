#!/usr/bin/env node
// Regenerates docs/review.png, docs/review.md's picture of the review page (`npm run docs:review`):
// the built CLI reviews examples/review-history.csv with --format html, and headless Chromium (the
// flags of test/helpers/browser.ts: a fresh profile, nothing from the network) takes a screenshot of
// its top. Needs chromium (apt-get install -y chromium).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { headlessChromiumFlags } from "./chromium-flags.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "mmn-dose-review-shot-"));
try {
  const review = spawnSync(
    process.execPath,
    [
      join(root, "bin/mmn-dose.cjs"),
      "review",
      join(root, "examples/review-history.csv"),
      "--as-of",
      "2026-01-04",
      "--programme",
      "ontario",
      "--dose",
      "2",
      "--every",
      "4",
      "--format",
      "html",
    ],
    { encoding: "utf8" },
  );
  if (review.status !== 0) throw new Error(`mmn-dose review failed: ${review.stderr}`);
  const html = join(dir, "review.html");
  writeFileSync(html, review.stdout);
  const shot = spawnSync(
    "chromium",
    [
      ...headlessChromiumFlags(dir),
      "--hide-scrollbars",
      "--window-size=760,900",
      `--screenshot=${join(root, "docs/review.png")}`,
      pathToFileURL(html).href,
    ],
    { encoding: "utf8", timeout: 90_000 },
  );
  if (shot.status !== 0) throw new Error(`chromium failed: ${shot.stderr}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
