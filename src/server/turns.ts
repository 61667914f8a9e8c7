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
 * `prepare`, when given, sees a turn's inputs together before their jobs start and hands each job its part: the
 * analyze route analyses a turn's texts in one `analyzeBatch` (a stage at a time over the turn, faster still than
 * back to back). Should it throw, each job runs without its part.
 *
 * A job's synchronous part runs in the turn; whatever it awaits (store lookups) continues as usual. `finish` runs
 * on each result as soon as it is ready (serialising in the same wave keeps JSON.stringify warm too). At most
 * `maxQueue` jobs are pending — waiting for their turn, or started and not yet settled (say, waiting for a slow
 * database): beyond that `run` refuses at once (`TurnsFull`) rather than hold requests and their bodies without bound.
 */
export class TurnsFull extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} jobs are already waiting`);
  }
}

interface Job<I, R> {
  input: I;
  resolve: (r: R) => void;
  reject: (e: unknown) => void;
}

export class Turns<I, O, R, P = never> {
  /** Started jobs' slots are nulled at once (their bodies released); the array is compacted when half is spent. */
  private queue: (Job<I, R> | null)[] = [];
  /** Index of the first job not yet started. */
  private head = 0;
  private scheduled = false;
  /** Started and not yet settled. */
  private started = 0;
  /** Analyses that other requests run themselves (batch items not yet done), held against maxQueue. */
  private reserved = 0;

  constructor(
    private readonly work: (input: I, prepared?: P) => Promise<O>,
    private readonly finish: (out: O, input: I) => R,
    private readonly maxTurn = 32,
    private readonly maxQueue = 10_000,
    private readonly prepare?: (inputs: readonly I[]) => readonly (P | undefined)[],
  ) {
    if (!(Number.isInteger(maxTurn) && maxTurn >= 1)) throw new RangeError('maxTurn must be a whole number ≥ 1');
    if (!(maxQueue >= maxTurn)) throw new RangeError('maxQueue must be at least maxTurn');
  }

  /** Jobs queued and not yet started. */
  get waiting(): number {
    return this.queue.length - this.head;
  }

  /** Jobs waiting or started and not yet settled, plus reserved slots: what maxQueue bounds. */
  get pending(): number {
    return this.waiting + this.started + this.reserved;
  }

  /**
   * Holds `n` slots for work that runs outside the turns (a batch request's items) so that the bound counts it too:
   * refuses at once (`TurnsFull`) when they do not fit. `done(k)` gives k slots back as items finish; `close()`
   * gives back what is left (call it in a finally).
   */
  reserve(n: number): { done: (k?: number) => void; close: () => void } {
    if (this.pending + n > this.maxQueue) throw new TurnsFull(this.pending);
    this.reserved += n;
    let left = n;
    const done = (k = 1): void => {
      const m = Math.min(k, left);
      left -= m;
      this.reserved -= m;
    };
    return { done, close: () => done(left) };
  }

  run(input: I): Promise<R> {
    if (this.pending >= this.maxQueue) return Promise.reject(new TurnsFull(this.pending));
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(this.flush);
      }
    });
  }

  private readonly flush = (): void => {
    const end = Math.min(this.queue.length, this.head + this.maxTurn);
    const turn = this.queue.slice(this.head, end) as Job<I, R>[];
    this.queue.fill(null, this.head, end);
    this.head = end;
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
      this.scheduled = false;
    } else {
      if (this.head * 2 >= this.queue.length) {
        this.queue = this.queue.slice(this.head);
        this.head = 0;
      }
      // More than one turn's worth waits for the next loop iteration, after I/O has had its turn.
      setImmediate(this.flush);
    }
    let prepared: readonly (P | undefined)[] = [];
    if (this.prepare) {
      try {
        prepared = this.prepare(turn.map((job) => job.input));
      } catch {
        prepared = [];
      }
    }
    for (let i = 0; i < turn.length; i++) {
      const job = turn[i]!;
      let p: Promise<O>;
      try {
        p = this.work(job.input, prepared[i]);
      } catch (e) {
        job.reject(e);
        continue;
      }
      this.started++;
      p.then((out) => job.resolve(this.finish(out, job.input)), job.reject)
        .catch(job.reject)
        .finally(() => this.started--);
    }
  };
}
