import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import type { CaseProbe } from '../properties/case-probe.js'
import { type InvarianceCriterion, judgeUnchanged } from './invariance-probe.js'
import { permutationFromCodes } from './transforms/row-order.js'

/** One row-order case: a batch of rows and the Lehmer codes of its permutation. */
export type BatchOrderCase<I> = readonly [rows: readonly I[], codes: readonly number[]]

/**
 * A model whose inputs are whole batches: each batch is predicted in its own call of `model`, so the batch a row sits
 * in is exactly the generated one (not a slice of the engine's big batch).
 *
 * @param model - the model under test
 * @param source - public name for errors @defaultValue 'toBeInvariantUnder'
 * @returns a model from batches to their outputs
 * @example
 * ```ts
 * await perBatchModel(model).predict([[rowA, rowB], [rowB, rowA]]) // [[outA, outB], [outB, outA]]
 * ```
 */
export function perBatchModel<I, O>(model: Model<I, O>, source = 'toBeInvariantUnder'): Model<readonly I[], O[]> {
  return {
    identity: model.identity,
    async predict(batches) {
      const answers: O[][] = []
      for (const batch of batches) answers.push(await checkedPredict(model, batch, source))
      return answers
    },
    release: () => model.release(),
  }
}

/**
 * A probe for row-order invariance: predicts a batch and its permutation (one call each, via {@link perBatchModel}) and
 * requires every row to get the same answer in both orders.
 *
 * @param criterion - tolerance or label
 * @returns the probe
 * @example
 * ```ts
 * batchOrderProbe({ tolerance: 0, label: false }).inputsOf([[a, b, c], [2, 0, 0]]) // [[a, b, c], [c, a, b]]
 * ```
 */
export function batchOrderProbe<I, O>(criterion: InvarianceCriterion): CaseProbe<BatchOrderCase<I>, readonly I[], O[]> {
  return {
    inputsOf: ([rows, codes]) => {
      const order = permutationFromCodes(codes, rows.length)
      return [rows, order.map((i) => rows[i] as I)]
    },
    judge: ([rows, codes], [original, permuted]) => {
      const order = permutationFromCodes(codes, rows.length)
      for (let position = 0; position < order.length; position++) {
        const row = order[position] as number
        const violation = judgeUnchanged(original?.[row], permuted?.[position], criterion)
        if (violation !== undefined)
          return { reason: violation.reason, detail: `row ${row} (moved to position ${position} of ${rows.length}): ${violation.detail}` }
      }
      return undefined
    },
  }
}
