/** The committed model artefact (models/fanzha-model.ts): plain data, decoded once into a LinearModel. */
import { decodeBase64 } from './codec.js';
import type { Calibration, LinearModel } from './linear.js';

export const ARTIFACT_FORMAT = 1;

export interface ModelArtifact {
  format: number;
  version: string;
  bits: number;
  classes: string[];
  scales: number[];
  calibration: Calibration;
  /** What it was trained on and how (for the record; not read by the scorer). */
  training: Record<string, unknown>;
  /** int8 weights, [bucket * classes + class], base64. */
  weights: string;
}

export function decodeArtifact(a: ModelArtifact): LinearModel {
  if (a.format !== ARTIFACT_FORMAT) throw new Error(`model artefact format ${a.format} is not supported (expected ${ARTIFACT_FORMAT})`);
  const bytes = decodeBase64(a.weights);
  return {
    version: a.version,
    bits: a.bits,
    classes: a.classes,
    weights: new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length),
    scales: Float32Array.from(a.scales),
    calibration: a.calibration,
  };
}
