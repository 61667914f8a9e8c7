import { createEngine, type Engine } from './engine.js';
import { intelChecker } from './intel/index.js';
import { modelScorer } from './model/index.js';

let engine: Engine | null = null;

/** The engine with everything fanzha ships (knowledge, intelligence checkers, model), built on first use. */
export function defaultEngine(): Engine {
  engine ??= createEngine({ checkers: [intelChecker], model: modelScorer });
  return engine;
}
