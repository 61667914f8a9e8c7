/**
 * Lines of a JSONL stream, read as bytes: a line over `maxBytes` is skipped to its end without being held in memory
 * (readline would buffer a 600 MB line whole and crash), and a line that is not valid UTF-8 is reported, not
 * silently decoded into replacement characters (a GB18030 scam read that way came out "safe").
 */
import { decodeUtf8 } from './read-input.js';

export type Line = { text: string } | { error: string };

/** One line, read as `fanzha check` reads stdin (strict UTF-8, no NUL, BOM dropped): an error line instead of a throw. */
function decode(bytes: Buffer): Line {
  const end = bytes.length > 0 && bytes[bytes.length - 1] === 13 ? bytes.length - 1 : bytes.length; // CRLF
  try {
    return { text: decodeUtf8(bytes.subarray(0, end), 'line') };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/**
 * The lines of each chunk as it arrives, together: a file gives hundreds per chunk, which the caller can analyse as
 * one batch; a pipe that sends one line at a time gets each answered at once (nothing waits for a group to fill).
 */
export async function* readLineGroups(input: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<Line[]> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
    const group: Line[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(10, start);
      const end = nl < 0 ? chunk.length : nl;
      if (!tooLong) {
        if (size + (end - start) > maxBytes) {
          tooLong = true;
          parts = [];
          size = 0;
        } else if (end > start) {
          parts.push(chunk.subarray(start, end));
          size += end - start;
        }
      }
      if (nl < 0) break;
      group.push(tooLong ? { error: `line is longer than ${maxBytes} bytes` } : decode(Buffer.concat(parts, size)));
      parts = [];
      size = 0;
      tooLong = false;
      start = nl + 1;
    }
    if (group.length > 0) yield group;
  }
  if (tooLong) yield [{ error: `line is longer than ${maxBytes} bytes` }];
  else if (size > 0) yield [decode(Buffer.concat(parts, size))];
}

/** Newlines in a file (for the progress bar), counted on bytes. */
export async function countLines(input: AsyncIterable<Buffer>): Promise<number> {
  let n = 0;
  let last = 10;
  for await (const chunk of input) {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) n++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] ?? 10;
  }
  return last === 10 ? n : n + 1;
}
