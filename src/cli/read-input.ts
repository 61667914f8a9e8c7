import { readFileSync } from 'node:fs';

export const MAX_INPUT_BYTES = 1_000_000;

export class InputError extends Error {}

/** Reads text from an argument or stdin, rejecting binary and invalid UTF-8 with a clear message. */
export function readText(arg: string | undefined): string {
  if (arg !== undefined && arg !== '-') return arg;
  if (process.stdin.isTTY) throw new InputError('no text: pass it as an argument or pipe it on stdin');
  const buf = readFileSync(0);
  return decodeUtf8(buf, 'stdin');
}

export function decodeUtf8(buf: Buffer, what: string): string {
  if (buf.length > MAX_INPUT_BYTES * 200) throw new InputError(`${what} is larger than ${MAX_INPUT_BYTES * 200} bytes`);
  if (buf.includes(0)) throw new InputError(`${what} looks binary (it contains NUL bytes); fanzha reads UTF-8 text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    throw new InputError(`${what} is not valid UTF-8 (convert it first, e.g. iconv -f GB18030 -t UTF-8)`);
  }
}
