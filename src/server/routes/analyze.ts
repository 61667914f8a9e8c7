/** POST /v1/analyze and /v1/analyze/batch. Nothing of an analyze request is ever stored. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Analysis, AnalyzeOptions, Turn } from '../../core/types.js';
import type { Ctx } from '../context.js';
import { ApiError, ERRORS } from '../errors.js';
import type { IdentifierInfo } from '../intelligence.js';
import { analyzeInputSchema, analyzeResultSchema, CHANNELS, errorResponses, MAX_TEXT } from '../schemas.js';
import { briefResult, type BriefResult } from '../brief.js';
import { Turns, TurnsFull } from '../turns.js';

export interface AnalyzeInput {
  text?: string;
  turns?: Turn[];
  lang?: 'zh' | 'en';
  channel?: AnalyzeOptions['channel'];
  sender?: string;
  id?: string;
  detail?: 'full' | 'brief';
}

export interface AnalyzeResult {
  analysis: Analysis;
  identifiers: IdentifierInfo[];
  message: string;
}

const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;

/** Checks one analyze input by hand: a single analysis before the schema, batch items one by one (a bad item fails alone). */
export function checkAnalyzeInput(raw: unknown): AnalyzeInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ApiError('FZ_ERR_VALIDATION', 'the input must be a JSON object');
  const o = raw as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!Object.hasOwn(analyzeInputSchema.properties, k)) throw new ApiError('FZ_ERR_VALIDATION', `unknown property "${k}"`, k);
  }
  if ((o['text'] === undefined) === (o['turns'] === undefined)) throw new ApiError('FZ_ERR_ANALYZE_INPUT');
  if (o['text'] !== undefined && !isStr(o['text'], MAX_TEXT)) throw new ApiError('FZ_ERR_VALIDATION', `text must be a string of at most ${MAX_TEXT} characters`, 'text');
  if (o['text'] === '') throw new ApiError('FZ_ERR_VALIDATION', 'text is empty', 'text');
  if (o['turns'] !== undefined) {
    const t = o['turns'];
    if (!Array.isArray(t) || t.length > 500) throw new ApiError('FZ_ERR_VALIDATION', 'turns must be an array of at most 500 turns', 'turns');
    t.forEach((turn: unknown, i) => {
      const x = turn as Record<string, unknown> | null;
      if (typeof x !== 'object' || x === null) throw new ApiError('FZ_ERR_VALIDATION', 'each turn is an object with speaker and text strings', `turns/${i}`);
      if (!isStr(x['speaker'], 100)) throw new ApiError('FZ_ERR_VALIDATION', 'a turn needs a speaker string of at most 100 characters', `turns/${i}/speaker`);
      if (!isStr(x['text'], MAX_TEXT)) throw new ApiError('FZ_ERR_VALIDATION', `a turn needs a text string of at most ${MAX_TEXT} characters`, `turns/${i}/text`);
    });
  }
  if (o['lang'] !== undefined && o['lang'] !== 'zh' && o['lang'] !== 'en') throw new ApiError('FZ_ERR_VALIDATION', 'lang is zh or en', 'lang');
  if (o['channel'] !== undefined && !(CHANNELS as readonly unknown[]).includes(o['channel'])) {
    throw new ApiError('FZ_ERR_VALIDATION', `channel is one of ${CHANNELS.join(', ')}`, 'channel');
  }
  if (o['sender'] !== undefined && !isStr(o['sender'], 64)) throw new ApiError('FZ_ERR_VALIDATION', 'sender is a string of at most 64 characters', 'sender');
  if (o['id'] !== undefined && !isStr(o['id'], 100)) throw new ApiError('FZ_ERR_VALIDATION', 'id is a string of at most 100 characters', 'id');
  if (o['detail'] !== undefined && o['detail'] !== 'full' && o['detail'] !== 'brief') throw new ApiError('FZ_ERR_VALIDATION', 'detail is full or brief', 'detail');
  return o as AnalyzeInput;
}

function optionsOf(input: AnalyzeInput): AnalyzeOptions {
  const options: AnalyzeOptions = {};
  if (input.channel) options.channel = input.channel;
  if (input.sender) options.sender = input.sender;
  return options;
}

export async function runAnalyze(ctx: Ctx, input: AnalyzeInput, firstPass?: Analysis): Promise<AnalyzeResult | BriefResult> {
  if ((input.text === undefined) === (input.turns === undefined)) throw new ApiError('FZ_ERR_ANALYZE_INPUT');
  const options = optionsOf(input);
  const run = (o: AnalyzeOptions): Analysis => (input.turns ? ctx.engine.analyzeConversation(input.turns, o) : ctx.engine.analyze(input.text ?? '', o));
  let analysis = firstPass ?? run(options);
  // Reputation needs the identifiers the engine found, so a second pass runs only when reports know something.
  const { infos, signals } = await ctx.intel.forEntities(analysis.entities, input.sender);
  if (signals.length > 0) analysis = run({ ...options, extraSignals: signals });
  ctx.metrics.verdict(analysis.verdict);
  const result = { analysis, identifiers: infos, message: analysis.summary[input.lang ?? 'zh'] };
  return input.detail === 'brief' ? briefResult(result) : result;
}

/** The engine's analyses of the inputs that are texts, all in one analyzeBatch; undefined for the others (and null inputs). */
function firstPasses(ctx: Ctx, inputs: readonly (AnalyzeInput | null)[]): (Analysis | undefined)[] {
  const isText = (input: AnalyzeInput | null): input is AnalyzeInput & { text: string } => input?.text !== undefined && input.turns === undefined;
  const texts = inputs.filter(isText).map((input) => ({ text: input.text, options: optionsOf(input) }));
  if (texts.length === 0) return [];
  const done = ctx.engine.analyzeBatch(texts);
  let t = 0;
  return inputs.map((input) => (isText(input) ? done[t++] : undefined));
}

/**
 * Analyses are serialised by V8's JSON.stringify, not by a serializer compiled from the response schema: on a
 * ≈ 9 KB answer with open objects (analysis, entities, signal details) fast-json-stringify takes about twice as
 * long. The schema still documents the answer (OpenAPI); a test checks that both write the same JSON.
 */
const stringify = (data: unknown): string => JSON.stringify(data);
const nativeJson = (): ((data: unknown) => string) => stringify;

/** A single analysis waiting for its turn; `gone` when its client hung up meanwhile (no work is done for it). */
interface TurnJob {
  body: AnalyzeInput;
  gone: () => boolean;
}

export async function analyzeRoutes(app: FastifyInstance, ctx: Ctx): Promise<void> {
  /** Batch requests taken in and not yet answered (their bodies are in memory). */
  let batchesIn = 0;
  // Single analyses run in turns (turns.ts) and leave already serialised, by the same stringify as the batch route.
  // A turn's texts are analysed together (analyzeBatch), then each job adds its reputation look-up.
  const turns = new Turns(
    (job: TurnJob, firstPass?: Analysis): Promise<AnalyzeResult | BriefResult | null> => (job.gone() ? Promise.resolve(null) : runAnalyze(ctx, job.body, firstPass)),
    (result: AnalyzeResult | BriefResult | null) => (result ? stringify(result) : null),
    Math.min(32, ctx.config.analyzeQueueLimit),
    ctx.config.analyzeQueueLimit,
    (jobs: readonly TurnJob[]) => {
      try {
        return firstPasses(ctx, jobs.map((j) => (j.gone() ? null : j.body)));
      } catch (e) {
        app.log.error({ err: e }, 'a turn of analyses failed together; its requests are analysed one by one');
        return [];
      }
    },
  );
  app.post<{ Body: AnalyzeInput }>(
    '/v1/analyze',
    {
      config: { role: 'public' },
      serializerCompiler: nativeJson,
      // The body is checked by hand, as a batch item is: the schema validator coerces types (it must, for query
      // strings), so {"text": 123} would be analysed as "123". The schema stays for the OpenAPI document only; not
      // running it too saves a second validation of every request.
      validatorCompiler: () => () => true,
      preValidation: (req, _reply, done) => {
        try {
          checkAnalyzeInput(req.body);
          done();
        } catch (e) {
          done(e as Error);
        }
      },
      schema: {
        tags: ['analyze'],
        summary: 'Analyze one message or conversation',
        description: 'Returns the engine analysis plus what reports and the official directory know about every identifier in it. Never stored.',
        body: analyzeInputSchema,
        response: { 200: analyzeResultSchema, ...errorResponses },
      },
    },
    async (req, reply) => {
      void reply.type('application/json; charset=utf-8');
      try {
        // Not req.raw.destroyed: a request stream is destroyed as soon as its body has been read. The socket is what
        // tells that the client hung up.
        const answer = await turns.run({ body: req.body, gone: () => req.raw.socket?.destroyed === true });
        if (answer !== null) return answer;
        // Nobody to answer: skipped, and nothing is written (never an empty 200 that would look like an answer).
        reply.hijack();
        return undefined;
      } catch (e) {
        if (e instanceof TurnsFull) {
          void reply.header('retry-after', '1');
          throw new ApiError('FZ_ERR_BUSY');
        }
        throw e;
      }
    },
  );

  app.post<{ Body: { items: unknown[] } }>(
    '/v1/analyze/batch',
    {
      config: { role: 'public' },
      serializerCompiler: nativeJson,
      bodyLimit: ctx.config.batchBodyLimit,
      // Up to 16 MiB each, batch bodies are read and parsed before the queue bound can see their items: at most
      // batchConcurrency of them are taken in at once, the rest refused before their body is read (60 at once
      // took 1.4 GB before this bound).
      onRequest: (_req, reply, done) => {
        if (batchesIn >= ctx.config.batchConcurrency) {
          void reply.header('retry-after', '1');
          done(new ApiError('FZ_ERR_BUSY'));
          return;
        }
        batchesIn++;
        reply.raw.once('close', () => batchesIn--);
        done();
      },
      schema: {
        tags: ['analyze'],
        summary: 'Analyze up to 1000 items',
        description: 'Results come back in order; an invalid item gets its own error and does not fail the batch.',
        body: {
          type: 'object',
          required: ['items'],
          additionalProperties: false,
          properties: { items: { type: 'array', maxItems: 1000, items: {} } },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              results: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    index: { type: 'integer' },
                    id: { type: 'string' },
                    ok: { type: 'boolean' },
                    result: analyzeResultSchema,
                    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, field: { type: 'string' } } },
                  },
                },
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const items = req.body.items;
      if (items.length === 0 || items.length > 1000) throw new ApiError('FZ_ERR_BATCH_SIZE');
      // A batch's items count like single analyses: against the queue bound (503 FZ_ERR_BUSY when they don't fit)
      // and against the caller's rate limit (n items cost n requests; 429 when they don't fit, nothing analysed).
      let slots: ReturnType<typeof turns.reserve>;
      try {
        slots = turns.reserve(items.length);
      } catch (e) {
        if (!(e instanceof TurnsFull)) throw e;
        void reply.header('retry-after', '1');
        throw new ApiError('FZ_ERR_BUSY');
      }
      try {
        const over = ctx.chargeRequests(req, reply, items.length - 1);
        if (over) throw over;
        const results = await runBatch(ctx, req, items, slots.done);
        if (results === null) {
          // The client hung up: nobody to answer, and nothing is written.
          reply.hijack();
          return undefined;
        }
        return { results };
      } finally {
        slots.close();
      }
    },
  );
}

/** Items analysed together (analyzeBatch) between two looks at whether the client is still there. */
const BATCH_GROUP = 50;

/**
 * The items of a batch, in order; an invalid or failing item gets its own error. `done` is called per item. null
 * when the client hung up meanwhile (checked between groups of 50 items): the rest is not analysed. The texts of
 * a group are analysed together by analyzeBatch (a stage at a time: faster than one by one, same answers).
 */
async function runBatch(ctx: Ctx, req: FastifyRequest, items: unknown[], done: () => void): Promise<unknown[] | null> {
  const results = [];
  for (let from = 0; from < items.length; from += BATCH_GROUP) {
    const group = items.slice(from, from + BATCH_GROUP).map((raw, j) => {
      try {
        return { index: from + j, raw, input: checkAnalyzeInput(raw) };
      } catch (e) {
        return { index: from + j, raw, error: e };
      }
    });
    let first: (Analysis | undefined)[] = [];
    try {
      first = firstPasses(ctx, group.map((g) => g.input ?? null));
    } catch (e) {
      req.log.error({ err: e }, 'batch group failed; its items are analysed one by one');
    }
    for (let j = 0; j < group.length; j++) {
      const g = group[j]!;
      const raw = g.raw as Record<string, unknown> | null;
      const id = typeof raw?.['id'] === 'string' ? { id: raw['id'] } : {};
      const firstPass = first[j];
      try {
        if (g.error !== undefined) throw g.error;
        results.push({ index: g.index, ...id, ok: true, result: await runAnalyze(ctx, g.input!, firstPass) });
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError('FZ_ERR_INTERNAL', ERRORS.FZ_ERR_INTERNAL.message);
        if (!(e instanceof ApiError)) req.log.error({ err: e, item: g.index }, 'batch item failed');
        results.push({ index: g.index, ...id, ok: false, error: err.body().error });
      }
      done();
    }
    // Give other requests a turn during long batches, and stop when the client has gone.
    if (from + BATCH_GROUP < items.length) {
      await new Promise((r) => setImmediate(r));
      if (req.raw.socket?.destroyed === true) return null;
    }
  }
  return results;
}
