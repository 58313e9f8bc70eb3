import { randomBytes } from "node:crypto";
import { rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { IoError } from "./errors.js";

/** Plain words for the ways a write can fail (the temporary file's name means nothing to a user). */
const WRITE_FAILURES: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "is a directory",
  EROFS: "read-only file system",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  ENOENT: "the directory does not accept new files",
};

/**
 * Writes `text` to `path` atomically: a temporary file in the same directory, then a rename, so a
 * failed run never leaves half a calendar behind.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const dir = dirname(path);
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new IoError("OUTPUT_DIR", `-o ${path}: ${dir} is not a directory`);
  } catch (e) {
    if (e instanceof IoError) throw e;
    throw new IoError("OUTPUT_DIR", `-o ${path}: the directory ${dir} does not exist`);
  }
  const temp = join(dir, `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temp, text, { encoding: "utf8", flag: "wx" });
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const reason = (code === undefined ? undefined : WRITE_FAILURES[code]) ?? code ?? (e as Error).message;
    throw new IoError("OUTPUT_WRITE", `-o ${path}: cannot write (${reason})`);
  }
}
