/**
 * Runs jobs in turns: the jobs that arrive while the event loop is busy start together on the next `setImmediate`,
 * one after the other, instead of each between the parsing of one request and the writing of another.
 *
 * Why: an analysis touches a lot of code and data (keyword automata, regexes, the model's weights). Run between
 * Node's HTTP parsing and socket writes, all of it is cold in the CPU caches again, and one analysis costs three to
 * four times what it costs in a loop (measured: ≈ 55 µs → ≈ 200 µs on the bench's message). Run back to back, only
 * the first of a turn pays that. Under light load a turn holds one job and waits for nothing but the current
 * event-loop phase; under heavy load turns grow, up to `maxTurn` jobs, so one turn never holds the loop for long.
 *
 * A job's synchronous part runs in the turn; whatever it awaits (store lookups) continues as usual. `finish` runs
 * on each result as soon as it is ready (serialising in the same wave keeps JSON.stringify warm too).
 */
export class Turns<I, O, R> {
  private queue: { input: I; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  constructor(
    private readonly work: (input: I) => Promise<O>,
    private readonly finish: (out: O, input: I) => R,
    private readonly maxTurn = 32,
  ) {}

  run(input: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.flush);
      }
    });
  }

  private readonly flush = (): void => {
    const turn = this.queue.length > this.maxTurn ? this.queue.splice(0, this.maxTurn) : this.queue;
    if (turn === this.queue) this.queue = [];
    // More than one turn's worth waits for the next loop iteration, after I/O has had its turn.
    if (this.queue.length > 0) setImmediate(this.flush);
    else this.scheduled = false;
    for (const job of turn) {
      let p: Promise<O>;
      try {
        p = this.work(job.input);
      } catch (e) {
        job.reject(e);
        continue;
      }
      p.then((out) => job.resolve(this.finish(out, job.input)), job.reject).catch(job.reject);
    }
  };
}
