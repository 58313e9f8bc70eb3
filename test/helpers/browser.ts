import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { headlessChromiumFlags } from "../../scripts/chromium-flags.mjs";

// A real browser for the printed sheet: Debian's `chromium` prints HTML to PDF, poppler-utils reads the
// PDF back (`pdftotext`, `pdfinfo`), with the flags the docs screenshots use (scripts/chromium-flags.mjs).

/** The tools the print test needs that are not on PATH. */
export function missingPrintTools(): string[] {
  return ["chromium", "pdftotext", "pdfinfo"].filter(
    (tool) => spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).status !== 0,
  );
}

/**
 * Headless Chromium prints `htmlPath` to `pdfPath`: a fresh profile, nothing from the network
 * (no QUIC, background networking, component updates or sync), no date/URL header and footer.
 */
export function printToPdf(htmlPath: string, pdfPath: string): void {
  const profile = mkdtempSync(join(tmpdir(), "mmn-dose-chromium-"));
  try {
    const r = spawnSync(
      "chromium",
      [
        ...headlessChromiumFlags(profile),
        "--no-pdf-header-footer",
        `--print-to-pdf=${pdfPath}`,
        pathToFileURL(htmlPath).href,
      ],
      { encoding: "utf8", timeout: 90_000 },
    );
    if (r.status !== 0) throw new Error(`chromium exited ${r.status ?? r.signal}: ${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function run(tool: string, args: readonly string[]): string {
  const r = spawnSync(tool, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${tool} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

/** The PDF's text, page by page (`pdftotext -layout` ends each page with a form feed). */
export function pdfPages(pdfPath: string): string[] {
  const pages = run("pdftotext", ["-layout", pdfPath, "-"]).split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/** `pdfinfo`: the page count and the first page's size in points. */
export function pdfInfo(pdfPath: string): { pages: number; widthPt: number; heightPt: number } {
  const text = run("pdfinfo", [pdfPath]);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(text);
  const pages = /^Pages:\s+(\d+)/m.exec(text);
  if (!size || !pages) throw new Error(`pdfinfo gave no page size or count:\n${text}`);
  return { pages: Number(pages[1]), widthPt: Number(size[1]), heightPt: Number(size[2]) };
}
