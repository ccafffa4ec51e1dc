import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The scikit-learn reference values written by scripts/reference/metrics_reference.py. */
export interface MetricsReference {
  readonly sklearn: string
  readonly binary: {
    readonly yTrue: number[]
    readonly scores: number[]
    readonly probabilities: number[]
    readonly yPred: number[]
    readonly expected: Record<string, unknown>
  }
  readonly multiclass: {
    readonly classes: string[]
    readonly yTrue: string[]
    readonly probabilities: number[][]
    readonly yPred: string[]
    readonly expected: Record<string, unknown>
  }
  readonly regression: {
    readonly yTrue: number[]
    readonly yPred: number[]
    readonly expected: Record<string, unknown>
  }
  readonly oneClass: {
    readonly scores: number[]
    readonly expected: Record<string, unknown>
  }
}

const path = fileURLToPath(new URL('../../../fixtures/reference/metrics.json', import.meta.url))

/** The parsed reference file. */
export const reference = JSON.parse(readFileSync(path, 'utf8')) as MetricsReference

/** A numeric expected value by its scikit-learn call. */
export function expectedNumber(section: { readonly expected: Record<string, unknown> }, call: string): number {
  const value = section.expected[call]
  if (typeof value !== 'number') throw new Error(`no numeric reference for ${call}`)
  return value
}

/** An object expected value by its scikit-learn call. */
export function expectedObject<T>(section: { readonly expected: Record<string, unknown> }, call: string): T {
  const value = section.expected[call]
  if (typeof value !== 'object' || value === null) throw new Error(`no reference for ${call}`)
  return value as T
}
