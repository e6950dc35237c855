import { InvalidInputError } from '@longform/core';
import type { LcRow } from './lc-design';
import { sampleStandardDeviation } from './pairwise-sum';

/** One model's annotations on a custom instruction set; every row names its instruction. */
export interface DifficultyFitModel {
  model: string;
  rows: readonly LcRow[];
}

export interface FitInstructionDifficultySettings {
  /** Number of instructions; rows' `instructionIndex` must be below it. */
  instructionCount: number;
  /**
   * L2 penalty (λ/2)·(Σγ² + Σφ²), a N(0, 1/λ) prior. It also pins the level of γ, which the
   * per-model intercepts could otherwise absorb. Default 1.
   */
  l2?: number;
  maxIterations?: number;
  /** Stop when the Newton decrement (half the squared Newton step in the Hessian norm) is below. */
  tolerance?: number;
}

export interface InstructionDifficultyFit {
  /** γ_x per instruction; instructions without any annotation get 0. */
  difficulty: Float64Array;
  models: { model: string; intercept: number; lengthCoefficient: number }[];
  iterations: number;
  converged: boolean;
}

/**
 * Fits per-instruction difficulty jointly over many models' annotations: the paper's joint GLM
 * `logit P(model wins) = θ_m + φ_m·tanh(Δlen_m / sd_m) + γ_x` with soft labels, by exact Newton
 * on the L2-penalised log-likelihood. L2 rather than upstream's L1 keeps every instruction's γ
 * informative (L1 zeroes some) and makes the problem smooth, so Newton converges in a few steps.
 * The γ block of the Hessian is diagonal, so each step eliminates it (Schur complement) and only
 * solves a 2M × 2M system.
 */
export function fitInstructionDifficulty(
  models: readonly DifficultyFitModel[],
  {
    instructionCount,
    l2 = 1,
    maxIterations = 100,
    tolerance = 1e-12,
  }: FitInstructionDifficultySettings,
): InstructionDifficultyFit {
  if (models.length === 0)
    throw new InvalidInputError({ message: 'no models to fit difficulty on' });
  if (!(l2 > 0))
    throw new InvalidInputError({ message: `l2 must be positive, got ${l2}`, field: 'l2' });
  const M = models.length;
  const X = instructionCount;
  const rowModel: number[] = [];
  const rowInstruction: number[] = [];
  const rowLength: number[] = [];
  const rowTarget: number[] = [];
  models.forEach(({ model, rows }, m) => {
    const delta = rows.map(row => row.baselineLength - row.modelLength);
    const sd = sampleStandardDeviation(delta);
    if (!(sd > 0)) {
      throw new InvalidInputError({
        message: `${model}: the length difference has no spread`,
        field: model,
      });
    }
    rows.forEach((row, i) => {
      const x = row.instructionIndex;
      if (x === undefined || !Number.isInteger(x) || x < 0 || x >= X) {
        throw new InvalidInputError({
          message: `${model} row ${i}: instructionIndex must be an integer in [0, ${X}), got ${x}`,
          field: `${model}[${i}].instructionIndex`,
        });
      }
      const p = row.preference == null ? Number.NaN : row.preference;
      if (Number.isNaN(p)) return;
      if (p !== 0 && !(p >= 1 && p <= 2)) {
        throw new InvalidInputError({
          message: `${model} row ${i}: preference must be in [1, 2], 0 or null, got ${p}`,
          field: `${model}[${i}].preference`,
        });
      }
      rowModel.push(m);
      rowInstruction.push(x);
      rowLength.push(Math.tanh(delta[i]! / sd));
      rowTarget.push(p === 0 ? 0.5 : p - 1);
    });
  });

  // Parameters: a = [θ_0, φ_0, θ_1, φ_1, …] (2M), γ (X).
  const a = new Float64Array(2 * M);
  const gamma = new Float64Array(X);
  const objective = (aa: Float64Array, gg: Float64Array) => {
    let total = 0;
    for (let r = 0; r < rowModel.length; r++) {
      const m = rowModel[r]!;
      const z = aa[2 * m]! + aa[2 * m + 1]! * rowLength[r]! + gg[rowInstruction[r]!]!;
      total += softplus(z) - rowTarget[r]! * z;
    }
    let penalty = 0;
    for (let m = 0; m < M; m++) penalty += aa[2 * m + 1]! ** 2;
    for (let x = 0; x < X; x++) penalty += gg[x]! ** 2;
    return total + (l2 / 2) * penalty;
  };

  let current = objective(a, gamma);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    const gA = new Float64Array(2 * M);
    const gD = new Float64Array(X);
    const A = new Float64Array(4 * M); // 2×2 block per model
    const B = new Float64Array(2 * M * X);
    const D = new Float64Array(X).fill(l2);
    for (let m = 0; m < M; m++) {
      gA[2 * m + 1] = l2 * a[2 * m + 1]!;
      A[4 * m + 3] = l2;
    }
    for (let x = 0; x < X; x++) gD[x] = l2 * gamma[x]!;
    for (let r = 0; r < rowModel.length; r++) {
      const m = rowModel[r]!;
      const x = rowInstruction[r]!;
      const t = rowLength[r]!;
      const z = a[2 * m]! + a[2 * m + 1]! * t + gamma[x]!;
      const p = 1 / (1 + Math.exp(-z));
      const residual = p - rowTarget[r]!;
      const w = p * (1 - p);
      gA[2 * m] = gA[2 * m]! + residual;
      gA[2 * m + 1] = gA[2 * m + 1]! + residual * t;
      gD[x] = gD[x]! + residual;
      A[4 * m] = A[4 * m]! + w;
      A[4 * m + 1] = A[4 * m + 1]! + w * t;
      A[4 * m + 3] = A[4 * m + 3]! + w * t * t;
      D[x] = D[x]! + w;
      B[2 * m * X + x] = B[2 * m * X + x]! + w;
      B[(2 * m + 1) * X + x] = B[(2 * m + 1) * X + x]! + w * t;
    }
    // Schur complement S = A − B D⁻¹ Bᵀ and rhs = −gA + B D⁻¹ gD.
    const P = 2 * M;
    const S = new Float64Array(P * P);
    const rhs = new Float64Array(P);
    for (let m = 0; m < M; m++) {
      S[2 * m * P + 2 * m] = A[4 * m]!;
      S[2 * m * P + 2 * m + 1] = A[4 * m + 1]!;
      S[(2 * m + 1) * P + 2 * m] = A[4 * m + 1]!;
      S[(2 * m + 1) * P + 2 * m + 1] = A[4 * m + 3]!;
    }
    for (let i = 0; i < P; i++) {
      let r = -gA[i]!;
      for (let x = 0; x < X; x++) r += (B[i * X + x]! / D[x]!) * gD[x]!;
      rhs[i] = r;
      for (let j = 0; j <= i; j++) {
        let sum = 0;
        for (let x = 0; x < X; x++) sum += (B[i * X + x]! * B[j * X + x]!) / D[x]!;
        S[i * P + j] = S[i * P + j]! - sum;
        if (j !== i) S[j * P + i] = S[i * P + j]!;
      }
    }
    const stepA = solveSymmetric(S, rhs, P);
    const stepD = new Float64Array(X);
    for (let x = 0; x < X; x++) {
      let r = -gD[x]!;
      for (let i = 0; i < P; i++) r -= B[i * X + x]! * stepA[i]!;
      stepD[x] = r / D[x]!;
    }
    let decrement = 0;
    for (let i = 0; i < P; i++) decrement -= gA[i]! * stepA[i]!;
    for (let x = 0; x < X; x++) decrement -= gD[x]! * stepD[x]!;
    if (decrement / 2 <= tolerance) {
      converged = true;
      break;
    }
    // Backtracking keeps every step a descent step even far from the optimum.
    let t = 1;
    for (;;) {
      const nextA = a.map((v, i) => v + t * stepA[i]!);
      const nextG = gamma.map((v, x) => v + t * stepD[x]!);
      const value = objective(nextA, nextG);
      if (value <= current - 0.25 * t * decrement || t < 1e-10) {
        a.set(nextA);
        gamma.set(nextG);
        current = value;
        break;
      }
      t /= 2;
    }
  }
  return {
    difficulty: gamma,
    models: models.map(({ model }, m) => ({
      model,
      intercept: a[2 * m]!,
      lengthCoefficient: a[2 * m + 1]!,
    })),
    iterations,
    converged,
  };
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** Cholesky solve of a symmetric positive definite system (the Schur complement is SPD). */
function solveSymmetric(matrix: Float64Array, rhs: Float64Array, n: number): Float64Array {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) {
        if (!(sum > 0))
          throw new InvalidInputError({
            message: 'difficulty fit is singular: a model has no usable rows',
          });
        L[i * n + i] = Math.sqrt(sum);
      } else L[i * n + j] = sum / L[j * n + j]!;
    }
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i]!;
    for (let k = 0; k < i; k++) sum -= L[i * n + k]! * y[k]!;
    y[i] = sum / L[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= L[k * n + i]! * x[k]!;
    x[i] = sum / L[i * n + i]!;
  }
  return x;
}
