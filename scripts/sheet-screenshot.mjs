#!/usr/bin/env node
// Regenerates docs/sheet.png, the README's picture of the printed sheet (`npm run docs:sheet`): the
// built CLI writes a 6-course sheet with --format html, headless Chromium prints it to PDF on A4 (the
// flags of test/helpers/browser.ts), pdftoppm renders pages 1 (summary and schedule) and 2 (the first
// infusion day), and this script puts them side by side as one small grayscale PNG (node:zlib only).
// Needs chromium and poppler-utils (apt-get install -y chromium poppler-utils).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deflateSync, inflateSync } from "node:zlib";
import { headlessChromiumFlags } from "./chromium-flags.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const out = join(root, "docs/sheet.png");
const DPI = 64;
const ARGS = [
  "--weight",
  "70",
  "--start",
  "2026-12-01",
  "--courses",
  "6",
  "--format",
  "html",
  "--time",
  "9:00",
  "--tz",
  "Europe/London",
];

function run(command, args) {
  const r = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) throw new Error(`${command} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** A PNG (8-bit gray, RGB or RGBA, not interlaced) as rows of gray bytes. */
function readGray(path) {
  const png = readFileSync(path);
  let width = 0,
    height = 0,
    channels = 0;
  const idat = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
      channels = { 0: 1, 2: 3, 6: 4 }[data[9]];
      if (data[8] !== 8 || !channels || data[12] !== 0) throw new Error(`${path}: unsupported PNG`);
    } else if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = previous[x];
      const c = x >= channels ? previous[x - channels] : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      line[x] = (line[x] + [0, a, b, (a + b) >> 1, paeth][filter]) & 0xff;
    }
    previous = line;
    rows.push(Uint8Array.from({ length: width }, (_, x) => line[x * channels]));
  }
  return { width, height, rows };
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  let crc = 0xffffffff;
  for (const byte of body) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return Buffer.concat([head, body, tail]);
}

/** Pages side by side on a light gray ground, as one 8-bit grayscale PNG. */
function writeSideBySide(pages, path, gap = 12) {
  const height = Math.max(...pages.map((p) => p.height)) + 2 * gap;
  const width = pages.reduce((w, p) => w + p.width + gap, gap);
  const raw = Buffer.alloc((width + 1) * height, 0xd0);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter: none
  let left = gap;
  for (const page of pages) {
    for (const [y, row] of page.rows.entries()) raw.set(row, (y + gap) * (width + 1) + 1 + left);
    left += page.width + gap;
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const png = Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  writeFileSync(path, png);
  return png.length;
}

const dir = mkdtempSync(join(tmpdir(), "mmn-dose-sheet-"));
try {
  const html = run(process.execPath, [join(root, "bin/mmn-dose.cjs"), ...ARGS]);
  writeFileSync(join(dir, "sheet.html"), html.replace("</head>", "<style>@page { size: A4; }</style>\n</head>"));
  run("chromium", [
    ...headlessChromiumFlags(dir),
    "--no-pdf-header-footer",
    `--print-to-pdf=${join(dir, "sheet.pdf")}`,
    pathToFileURL(join(dir, "sheet.html")).href,
  ]);
  const pages = [1, 2].map((n) => {
    const pdf = join(dir, "sheet.pdf");
    run("pdftoppm", [
      "-png",
      "-r",
      String(DPI),
      "-f",
      String(n),
      "-l",
      String(n),
      "-singlefile",
      pdf,
      join(dir, `page${n}`),
    ]);
    return readGray(join(dir, `page${n}.png`));
  });
  const bytes = writeSideBySide(pages, out);
  console.log(`docs/sheet.png: ${bytes} bytes (mmn-dose ${ARGS.join(" ")}, A4, pages 1 and 2 at ${DPI} dpi)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
