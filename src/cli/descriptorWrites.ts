// Writes to descriptors 1 and 2 without Node's stdout and stderr streams: building either costs
// node:stream and a SyncWriteStream, tty.WriteStream or net.Socket (~10 M instructions) on every run.
// node.ts uses these for every run but a batch, which streams large output and waits for the pipe.
import { fstatSync, statSync, writeSync } from "node:fs";

type WriteSync = (fd: number, bytes: Uint8Array, offset: number) => number;

/**
 * A writer for descriptor `fd`: the whole text, synchronously (a pipe may take part of it per call).
 * A descriptor someone else made non-blocking (a Node parent that built its own stdout on the same
 * pipe) answers EAGAIN when full (or a write takes nothing): that write's rest and every later one then go through `stream()`,
 * Node's stream, which waits for the descriptor, so nothing is lost or reordered. Any other error is
 * thrown to the caller. Returns what the stream's `write` returns (false: the pipe is full), else true.
 */
export function descriptorWriter(
  fd: number,
  stream: () => NodeJS.WritableStream,
  write: WriteSync = writeSync,
): (text: string) => boolean {
  let viaStream = false;
  return (text) => {
    if (viaStream) return stream().write(text);
    const bytes = Buffer.from(text);
    let done = 0;
    try {
      while (done < bytes.length) {
        const written = write(fd, bytes, done);
        // A write that takes nothing would be tried for ever: the stream waits for the descriptor instead.
        if (written <= 0) break;
        done += written;
      }
      if (done === bytes.length) return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
    }
    viaStream = true;
    return stream().write(bytes.subarray(done));
  };
}

let devNull: number | undefined;

/** The device number of /dev/null (undefined where there is none). */
function devNullDevice(): number | undefined {
  try {
    devNull ??= statSync("/dev/null").rdev;
  } catch {
    return undefined;
  }
  return devNull;
}

/**
 * Whether `fd` is /dev/null, and whether it is a character device at all: only a character device
 * can be a terminal. Undefined when it cannot be examined.
 */
export function descriptorKind(fd: number): { device: boolean; devNull: boolean } | undefined {
  try {
    const info = fstatSync(fd);
    return { device: info.isCharacterDevice(), devNull: info.isCharacterDevice() && info.rdev === devNullDevice() };
  } catch {
    return undefined;
  }
}

/**
 * Whether `fd` (1 or 2) is a terminal, building Node's stream only where one could be: a file, a pipe
 * and /dev/null (where scripts and benchmarks send output) are answered by one fstat. node:tty's own
 * `isatty` would load node:net and node:stream; a terminal needs its stream for its width anyway.
 */
export function isTerminal(fd: 1 | 2): boolean {
  const kind = descriptorKind(fd);
  if (kind !== undefined && (!kind.device || kind.devNull)) return false;
  return Boolean((fd === 1 ? process.stdout : process.stderr).isTTY);
}
