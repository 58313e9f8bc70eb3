import type { Stats } from "node:fs";
// fs.promises is read where used: loading node:fs/promises costs every run, and only -o needs it.
import { promises as fsp, write as writeFd } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { IoError, UsageError } from "./cliError.js";
import { trackTemp, untrackTemp } from "./tempFiles.js";

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
  EPIPE: "nobody is reading it",
  EBADF: "the descriptor is not open for writing",
};

const reasonOf = (e: unknown) => {
  const code = (e as NodeJS.ErrnoException).code;
  return (code === undefined ? undefined : WRITE_FAILURES[code]) ?? code ?? (e as Error).message;
};

const DESCRIPTOR_NAMES: Readonly<Record<string, number>> = { "/dev/stdin": 0, "/dev/stdout": 1, "/dev/stderr": 2 };

/**
 * The descriptor of this process that a name stands for (/dev/stdout, /dev/fd/1, /proc/self/fd/1 → 1),
 * or undefined for any other name. These are links the kernel makes to whatever the descriptor holds
 * (a pipe, a terminal, a log opened for appending): -o writes to the descriptor, never renames over it.
 */
export function descriptorOf(path: string): number | undefined {
  const full = resolve(path);
  const named = DESCRIPTOR_NAMES[full];
  if (named !== undefined) return named;
  const match = /^\/(?:dev\/fd|proc\/(self|thread-self|\d+)\/fd)\/(\d{1,9})$/.exec(full);
  if (match === null) return undefined;
  if (match[1] !== undefined && /^\d+$/.test(match[1]) && Number(match[1]) !== process.pid) return undefined;
  return Number(match[2]);
}

/** `-o` as given: `-` and the names of standard output (/dev/stdout …) are stdout (undefined); '' is a usage error. */
export function outputPath(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "-") return undefined;
  if (value === "") throw new UsageError("USAGE", "-o/--output needs a file name (or - for standard output)");
  return descriptorOf(value) === 1 ? undefined : value;
}

/** An input of the run, for `refuseOutputOverInputs`: how the user named it (`--plan p.json`) and its path. */
export interface RunInput {
  readonly label: string;
  readonly path: string;
}

/**
 * `-o` naming a file the run reads (the batch file, --plan, --config, --avoid-file …), by any name or
 * link (the same device and inode), is refused before anything is read: the output would replace the
 * input. An input that cannot be examined is left for its reader to report.
 */
export async function refuseOutputOverInputs(output: string, inputs: readonly RunInput[]): Promise<void> {
  const out = await fsp.stat(output).catch(() => undefined);
  if (out === undefined || !out.isFile()) return;
  for (const input of inputs) {
    const info = await fsp.stat(input.path).catch(() => undefined);
    if (info === undefined || info.dev !== out.dev || info.ino !== out.ino) continue;
    throw new UsageError(
      "OUTPUT_IS_INPUT",
      `-o ${output} and ${input.label} are the same file: the output would replace the input; ` +
        "write the output to another file",
    );
  }
}

/**
 * The kernel's protected_symlinks rule, which resolving links here would otherwise bypass: a link in
 * a sticky folder anyone can write to (such as /tmp) is followed only by its owner, or when the
 * folder's owner made it. Anyone else may have planted it to make this run replace their target.
 */
async function refuseForeignLink(path: string, link: string, info: Stats): Promise<void> {
  const euid = process.geteuid?.();
  if (euid === undefined || info.uid === euid) return;
  const folder = dirname(link);
  const dir = await fsp.stat(folder).catch(() => undefined);
  if (dir === undefined || (dir.mode & 0o1002) !== 0o1002 || info.uid === dir.uid) return;
  throw new UsageError(
    "OUTPUT_LINK",
    `-o ${path}: ${link} is a symbolic link another user (uid ${info.uid}) made in the shared folder ` +
      `${folder}; it is not followed, as the system would not follow it: name the file itself`,
  );
}

/** The descriptor a name stands for, directly or through a folder link (/dev/fd → /proc/<pid>/fd). */
async function descriptorAt(path: string): Promise<number | undefined> {
  const direct = descriptorOf(path);
  if (direct !== undefined) return direct;
  const dir = await fsp.realpath(dirname(path)).catch(() => undefined);
  return dir === undefined ? undefined : descriptorOf(join(dir, basename(path)));
}

/** A symlink's final target (the link stays; its target is written), even when it does not exist yet; or a descriptor. */
async function followLinks(path: string): Promise<{ target: string } | { fd: number }> {
  let current = path;
  for (let hops = 0; hops < 40; hops++) {
    const fd = await descriptorAt(current);
    if (fd !== undefined) return { fd };
    let info: Stats;
    try {
      info = await fsp.lstat(current);
    } catch {
      return { target: current }; // does not exist (yet): created there
    }
    if (!info.isSymbolicLink()) return { target: current };
    await refuseForeignLink(path, current, info);
    current = resolve(dirname(current), await fsp.readlink(current));
  }
  throw new IoError("OUTPUT_WRITE", `-o ${path}: cannot write (too many symbolic links)`);
}

/** An output being written: `write` as often as needed, then `commit` (or `abort` on failure). */
export interface OutputFile {
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Where the bytes go: a file handle, or a descriptor the process was given. */
interface Destination {
  put(text: string): Promise<void>;
  /** Before the rename: the replaced file's group and mode. */
  finish(): Promise<void>;
  discard(): Promise<void>;
  done(): Promise<void>;
}

const FLUSH_BYTES = 64 * 1024;

/** Writes all of `text` to descriptor `fd` (a pipe may take it in parts, or ask to wait: EAGAIN). */
async function writeAll(fd: number, text: string): Promise<void> {
  let bytes = Buffer.from(text, "utf8");
  while (bytes.length > 0) {
    const written = await new Promise<number>((done, failed) =>
      writeFd(fd, bytes, 0, bytes.length, null, (e, n) => (e ? failed(e) : done(n))),
    ).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "EAGAIN") throw e;
      return new Promise<number>((done) => setTimeout(() => done(0), 10));
    });
    bytes = bytes.subarray(written);
  }
}

function descriptorDestination(fd: number): Destination {
  const nothing = async () => {};
  return { put: (text) => writeAll(fd, text), finish: nothing, discard: nothing, done: nothing };
}

/**
 * The replaced file's owner, group and mode on the new file, where the system allows: root keeps all;
 * a member of the file's group keeps the group (a colleague's -o over a shared file must not lock its
 * owner out), as the shell's `>` would. Otherwise the new file is the writer's; its content is written all the same.
 */
async function keepOwnership(handle: FileHandle, was: Stats): Promise<void> {
  await handle
    .chown(was.uid, was.gid)
    .catch(() => handle.chown(-1, was.gid))
    .catch(() => {});
  // After chown, which clears the set-id bits; the umask narrowed the mode given to open().
  await handle.chmod(was.mode & 0o7777);
}

function fileDestination(handle: FileHandle, temp: string | undefined, existing: Stats | undefined): Destination {
  return {
    put: (text) => handle.writeFile(text, "utf8"),
    finish: async () => {
      if (temp !== undefined && existing) await keepOwnership(handle, existing);
    },
    discard: async () => {
      await handle.close().catch(() => {});
      if (temp === undefined) return;
      await fsp.rm(temp, { force: true });
      untrackTemp(temp);
    },
    done: () => handle.close(),
  };
}

/** Where `-o path` is written: a descriptor, the file itself (a device, a FIFO), or a temporary file beside it. */
async function destination(path: string): Promise<{ to: Destination; temp?: string; target?: string }> {
  const followed = await followLinks(path);
  if ("fd" in followed) return { to: descriptorDestination(followed.fd) };
  const { target } = followed;
  const existing = await fsp.stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw new IoError("OUTPUT_WRITE", `-o ${path}: cannot write (is a directory)`);
  const direct = existing !== undefined && !existing.isFile();
  const dir = dirname(target);
  if (!direct) await checkFolder(path, dir);
  // A short name (a long legal name must still fit), created exclusively ("wx": never an existing
  // file or a planted link). Not node:crypto, which costs milliseconds to load on every run.
  const temp = direct
    ? undefined
    : resolve(dir, `.mmn-dose-${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 10)}.tmp`);
  if (temp !== undefined) trackTemp(temp);
  try {
    const handle = await fsp.open(temp ?? target, direct ? "w" : "wx", existing ? existing.mode & 0o7777 : 0o666);
    return { to: fileDestination(handle, temp, existing), temp, target };
  } catch (e) {
    if (temp !== undefined) untrackTemp(temp);
    const code = (e as NodeJS.ErrnoException).code;
    if (temp !== undefined && (code === "EACCES" || code === "EPERM")) {
      throw new IoError(
        "OUTPUT_WRITE",
        `-o ${path}: cannot write (permission denied: the folder ${dir} does not let this user create files; ` +
          "-o writes a new file beside the old one and renames it over, so the folder must be writable)",
      );
    }
    throw new IoError("OUTPUT_WRITE", `-o ${path}: cannot write (${reasonOf(e)})`);
  }
}

async function checkFolder(path: string, dir: string): Promise<void> {
  const info = await fsp.stat(dir).catch(() => undefined);
  if (info === undefined) throw new IoError("OUTPUT_DIR", `-o ${path}: the directory ${dir} does not exist`);
  if (!info.isDirectory()) throw new IoError("OUTPUT_DIR", `-o ${path}: ${dir} is not a directory`);
}

/**
 * Opens `-o path` for writing. A regular file (new or existing) is written atomically: a temporary
 * file in the same directory (a short name, so a long legal name still fits), then a rename; an
 * existing file keeps its group and permission bits where allowed (see `keepOwnership`). A symlink
 * is written through to its target and stays a link. A name for one of this process's descriptors
 * (/dev/stderr, /dev/fd/3) is written to that descriptor; anything else that exists (a device such as
 * /dev/null, a FIFO) is written directly, never replaced.
 */
export async function openOutput(path: string): Promise<OutputFile> {
  const { to, temp, target } = await destination(path);
  const fail = (e: unknown) => new IoError("OUTPUT_WRITE", `-o ${path}: cannot write (${reasonOf(e)})`);
  let pending: string[] = [];
  let pendingBytes = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const text = pending.join("");
    pending = [];
    pendingBytes = 0;
    await to.put(text);
  };
  return {
    async write(text) {
      pending.push(text);
      pendingBytes += text.length;
      if (pendingBytes < FLUSH_BYTES) return;
      try {
        await flush();
      } catch (e) {
        await to.discard();
        throw fail(e);
      }
    },
    async commit() {
      try {
        await flush();
        await to.finish();
        await to.done();
        if (temp !== undefined && target !== undefined) await fsp.rename(temp, target);
        if (temp !== undefined) untrackTemp(temp);
      } catch (e) {
        await to.discard();
        throw fail(e);
      }
    },
    abort: () => to.discard(),
  };
}

/** Writes `text` to `-o path` in one go (see `openOutput`): a failed run never leaves half a calendar behind. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const out = await openOutput(path);
  await out.write(text);
  await out.commit();
}
