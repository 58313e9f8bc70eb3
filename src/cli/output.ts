import type { Stats } from "node:fs";
import { type FileHandle, chmod, chown, lstat, open, readlink, rename, rm, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { IoError, UsageError } from "./errors.js";

/** Plain words for the ways a write can fail (the temporary file's name means nothing to a user). */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "is a directory",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  ENOENT: "the directory does not accept new files",
  ENAMETOOLONG: "the file name is too long",
  ELOOP: "too many symbolic links",
  ENXIO: "nobody is reading it",
};

const reasonOf = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  return (code === undefined ? undefined : WRITE_FAILURES[code]) ?? code ?? (e as Error).message;
};

/** `-o` as given: `-` is stdout (undefined), an empty name is a usage error. */
export function outputPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "-") return undefined;
  if (value === "") throw new UsageError("USAGE", "-o/--output needs a file name (or - for standard output)");
  return value;
}

/** A symlink's final target (the link stays; its target is written), even when the target does not exist yet. */
async function followLinks(path: string): Promise<string> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    let info: Stats;
    try {
      info = await lstat(current);
    } catch {
      return current; // does not exist (yet): created there
    }
    if (!info.isSymbolicLink()) return current;
    current = resolve(dirname(current), await readlink(current));
  }
  throw new IoError("OUTPUT_WRITE", `-o ${path}: cannot write (too many symbolic links)`);
}

/** An output being written: `write` as often as needed, then `commit` (or `abort` on failure). */
export interface OutputFile {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

const FLUSH_BYTES = 64 * 1024;

/**
 * Opens `-o path` for writing. A regular file (new or existing) is written atomically: a temporary
 * file in the same directory (a short name, so a long legal name still fits), then a rename; an
 * existing file keeps its permission bits (and owner, where allowed). A symlink is written through
 * to its target and stays a link. Anything else that exists (a device such as /dev/null, a FIFO) is
 * written directly, never replaced.
 */
export async function openOutput(path: string): Promise<OutputFile> {
  const target = await followLinks(path);
  let existing: Stats | undefined;
  try {
    existing = await stat(target);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory()) throw new IoError("OUTPUT_WRITE", `-o ${path}: cannot write (is a directory)`);
  const direct = existing !== undefined && !existing.isFile();
  const dir = dirname(target);
  if (!direct) {
    try {
      if (!(await stat(dir)).isDirectory()) throw new IoError("OUTPUT_DIR", `-o ${path}: ${dir} is not a directory`);
    } catch (e) {
      if (e instanceof IoError) throw e;
      throw new IoError("OUTPUT_DIR", `-o ${path}: the directory ${dir} does not exist`);
    }
  }
  // A short name (a long legal name must still fit), created exclusively ("wx": never an existing
  // file or a planted link). Not node:crypto, which costs milliseconds to load on every run.
  const temp = direct
    ? target
    : resolve(dir, `.mmn-dose-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  const fail = (e: unknown) => new IoError("OUTPUT_WRITE", `-o ${path}: cannot write (${reasonOf(e)})`);
  let handle: FileHandle;
  try {
    handle = await open(temp, direct ? "w" : "wx", existing ? existing.mode & 0o7777 : 0o666);
  } catch (e) {
    throw fail(e);
  }
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    pendingBytes = 0;
    await handle.writeFile(text, "utf8");
  };
  const abort = async () => {
    await handle.close().catch(() => {});
    if (!direct) await rm(temp, { force: true });
  };
  return {
    async write(text) {
      pending.push(text);
      pendingBytes += text.length;
      if (pendingBytes >= FLUSH_BYTES) {
        try {
          await flush();
        } catch (e) {
          await abort();
          throw fail(e);
        }
      }
    },
    async commit() {
      try {
        await flush();
        await handle.close();
        if (!direct && existing) {
          // The umask narrowed the mode given to open(); the file had these bits.
          await chmod(temp, existing.mode & 0o7777);
          await chown(temp, existing.uid, existing.gid).catch(() => {});
        }
        if (!direct) await rename(temp, target);
      } catch (e) {
        await abort();
        throw fail(e);
      }
    },
    abort,
  };
}

/** Writes `text` to `-o path` in one go (see `openOutput`): a failed run never leaves half a calendar behind. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const out = await openOutput(path);
  await out.write(text);
  await out.commit();
}
