/**
 * The shipped model: the committed artefact (models/fanzha-model.ts) decoded on first use and bound as a
 * ModelScorer. No I/O: the artefact is a module, so this also runs in a browser bundle.
 */
import { modelArtifact } from '../../models/fanzha-model.js';
import { decodeArtifact } from './artifact.js';
import type { Calibration, LinearModel, Prediction } from './linear.js';
import { createModelScorer, type ModelTap } from './scorer.js';
import type { CategoryId, Verdict } from '../core/types.js';

let loaded: LinearModel | null = null;
let tap: ModelTap | null = null;

/** The shipped model, decoded once. */
export function shippedModel(): LinearModel {
  loaded ??= decodeArtifact(modelArtifact);
  return loaded;
}

/** Watch (or bypass) the shipped scorer: used by the trainer and the evaluation, never by the product. */
export function tapModel(t: ModelTap | null): void {
  tap = t;
}

export const modelScorer = createModelScorer(shippedModel, () => tap);

/** The model's own verdict (for measuring it alone): thresholds chosen on split=dev. */
export function modelVerdict(p: Prediction, cal: Calibration): { verdict: Verdict; category: CategoryId | null } {
  if (p.pScam >= cal.scam && p.pScam >= p.pSpam) return { verdict: 'scam', category: p.category };
  if (p.pSpam >= cal.spam) return { verdict: 'spam', category: null };
  return { verdict: 'safe', category: null };
}

export { createModelScorer, buildModelSignal, type ModelTap } from './scorer.js';
export { LinearScorer, type LinearModel, type Prediction, type Calibration } from './linear.js';
export { decodeArtifact, type ModelArtifact } from './artifact.js';
export { MODEL_CLASSES } from './classes.js';
