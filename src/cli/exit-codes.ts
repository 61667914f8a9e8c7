/**
 * Exit codes of the fanzha CLI (documented in README.md):
 *   0  ran, nothing risky found (safe or spam)
 *   1  ran, at least one input is suspicious
 *   2  ran, at least one input is a scam
 *   3  bad usage, unreadable input or unwritable output (nothing was analysed, or its answer was not written)
 *   4  some JSONL lines were bad (each got an {"id","error"} line; the rest were analysed)
 */
export const EXIT = { ok: 0, suspicious: 1, scam: 2, usage: 3, partial: 4 } as const;
