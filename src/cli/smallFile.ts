// Files a run reads whole (--config, --plan, --avoid-file): read up to a bound, every failure in
// plain words naming the option and the file.
import { access, close, constants, open, read, stat } from "node:fs";
import { dirname } from "node:path";
import { promisify } from "node:util";
import { UsageError } from "./cliError.js";

/** These files hold a few hundred bytes; anything past 1 MB is refused unread (/dev/zero never ends). */
const MAX_SMALL_FILE_BYTES = 1_000_000;

export interface SmallFileKind {
  /** The error code of a failure. */
  readonly code: string;
  /** What the file should be, for "is a directory, not …". */
  readonly what: string;
  /** What it holds, for "larger than 1 MB; …". */
  readonly holds: string;
  /** A missing file: skipped (undefined) or an error. */
  readonly missing: "skip" | "error";
}

// Callback fs, promised here: node:fs/promises would load Node's file-watching and readline modules,
// and every run looks for its config file through this module.
const openFile = promisify(open);
const readInto = promisify(read);
const closeFile = promisify(close);
const statPath = promisify(stat);
const accessPath = promisify(access);

const READ_FAILURES: Readonly<Record<string, string>> = {
  ELOOP: "too many symbolic links",
  EIO: "input/output error while reading it",
  ENXIO: "cannot be opened for reading",
};

/** Why an existing path cannot be read, in plain words: a folder is named a folder, a blocked folder above it by name. */
async function whyUnreadable(path: string, code: string | undefined, kind: SmallFileKind): Promise<string> {
  const info = await statPath(path).catch(() => undefined);
  if (code === "EISDIR" || info?.isDirectory()) return `is a directory, not ${kind.what}`;
  if (code !== "EACCES" && code !== "EPERM") return READ_FAILURES[code ?? ""] ?? `cannot be read (${code})`;
  const folder = dirname(path);
  const searchable = await accessPath(folder, constants.X_OK).then(
    () => true,
    () => false,
  );
  if (!searchable || info === undefined)
    return `permission denied: the folder ${folder} cannot be read, so the file in it cannot be checked`;
  return "permission denied (the file exists but cannot be read)";
}

/** Up to MAX_SMALL_FILE_BYTES of an open file, as text without a byte order mark (Windows editors write one). */
async function readBounded(fd: number, label: string, kind: SmallFileKind): Promise<string> {
  const buffer = Buffer.alloc(MAX_SMALL_FILE_BYTES + 1);
  let length = 0;
  for (;;) {
    const { bytesRead } = await readInto(fd, buffer, length, buffer.length - length, null);
    if (bytesRead === 0) break;
    length += bytesRead;
    if (length > MAX_SMALL_FILE_BYTES) throw new UsageError(kind.code, `${label}: larger than 1 MB; ${kind.holds}`);
  }
  return buffer.toString("utf8", 0, length).replace(/^\uFEFF/, "");
}

/**
 * The text of a small input file; undefined when it does not exist and `kind.missing` is "skip".
 * Anything else that stops it being read is an error naming `label` (the option and the file).
 */
export async function readSmallFile(path: string, label: string, kind: SmallFileKind): Promise<string | undefined> {
  let fd: number;
  try {
    fd = await openFile(path, "r");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") {
      if (kind.missing === "skip") return undefined;
      throw new UsageError(kind.code, `${label}: no such file`);
    }
    throw new UsageError(kind.code, `${label}: ${await whyUnreadable(path, code, kind)}`);
  }
  try {
    return await readBounded(fd, label, kind);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(kind.code, `${label}: ${await whyUnreadable(path, (e as NodeJS.ErrnoException).code, kind)}`);
  } finally {
    await closeFile(fd);
  }
}

/** At most `max` characters of a value echoed in a message (a 50 MB line is not repeated back). */
export function excerpt(value: string, max = 40): string {
  return value.length <= max ? value : `${value.slice(0, max)}… (${value.length} characters)`;
}
