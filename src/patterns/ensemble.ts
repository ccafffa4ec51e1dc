import { checkedPredict } from '../model/checked-predict.js'
import { describeOutputValue } from '../model/describe-output-value.js'
import type { Model } from '../model/model.js'
import { VitestMlError } from '../util/errors.js'
import { argmax, numericRow } from './probability-row.js'

/** One answer of an {@link ensemble}: the combined probability row (vote shares for hard voting) and its class index. */
export interface EnsembleOutput {
  /** Combined probability row (vote shares for hard voting). */
  readonly probabilities: number[]
  /** Index of the chosen class. */
  readonly label: number
}

/** Options of {@link ensemble}. */
export interface EnsembleOptions<O> {
  /** soft: mean probability row; hard: majority of the members' labels; weighted: weighted mean row. @defaultValue 'soft' */
  readonly voting?: 'soft' | 'hard' | 'weighted'
  /** One non-negative weight per member (required for `weighted`; weights votes in `hard`). @defaultValue equal */
  readonly weights?: readonly number[]
  /** Stacking: combines the members' outputs for one row into a probability row (or a full answer); replaces voting. */
  readonly stack?: (outputs: readonly O[]) => readonly number[] | EnsembleOutput
  /** Name in reports. @defaultValue `ensemble(a, b, c)` */
  readonly name?: string
}

/** A model that combines several members' answers. */
export interface EnsembleModel<I, O> extends Model<I, EnsembleOutput> {
  /** The combined models, in order. */
  readonly members: readonly Model<I, O>[]
  /** The options it was built with. */
  readonly options: EnsembleOptions<O>
}

/**
 * Model ensemble (production pattern 3): asks every member for the batch (concurrently) and combines their probability
 * rows (a row, or the `probabilities` of a record of named outputs) row by row. Hard-voting ties go to the tied class
 * with the highest mean probability, then the lowest class index, so the same inputs always give the same label.
 * A member that answers a row with something other than numbers (a string label, nothing, `{}`), with rows of another
 * width, or with more or fewer outputs than rows makes `predict` reject with a {@link VitestMlError}: there is nothing
 * to average, and averaging NaN would hide it.
 *
 * @param models - the members (at least 2), all returning rows of the same length
 * @param options - voting, weights, stacking hook
 * @returns the ensemble; `members` lists the models it combines
 * @example
 * ```ts
 * const vote = ensemble([mlp, logreg, weak], { voting: 'soft' })
 * await vote.predict([row]) // [{ probabilities: [0.91, 0.06, 0.03], label: 0 }]
 * ```
 */
export function ensemble<I, O>(models: readonly Model<I, O>[], options: EnsembleOptions<O> = {}): EnsembleModel<I, O> {
  if (!Array.isArray(models) || models.length < 2) {
    throw new VitestMlError(
      'ensemble',
      'at least 2 member models',
      Array.isArray(models) ? String(models.length) : typeof models,
      'An ensemble of one model is that model; pass two or more.',
    )
  }
  const voting = options.voting ?? 'soft'
  const weights = options.weights ?? models.map(() => 1)
  if (voting === 'weighted' && options.weights === undefined) {
    throw new VitestMlError(
      'ensemble',
      '`weights` with weighted voting',
      'none',
      `Pass one weight per member, for example \`weights: [${models.map(() => 1).join(', ')}]\`.`,
    )
  }
  if (
    weights.length !== models.length ||
    !weights.every((weight) => Number.isFinite(weight) && weight >= 0) ||
    weights.reduce((sum, weight) => sum + weight, 0) <= 0
  ) {
    throw new VitestMlError(
      'ensemble',
      `${models.length} finite weights >= 0 with a positive sum`,
      `[${weights.join(', ')}]`,
      'Give one weight per member, in the same order as the models.',
    )
  }
  const name = options.name ?? `ensemble(${models.map((model) => model.identity.name).join(', ')})`

  function combine(outputs: readonly O[], row: number): EnsembleOutput {
    if (options.stack !== undefined) {
      const stacked = options.stack(outputs)
      if (Array.isArray(stacked)) return { probabilities: [...(stacked as number[])], label: argmax(stacked as number[]) }
      return stacked as EnsembleOutput
    }
    const rows = outputs.map((output, member) => {
      const probabilities = numericRow(output)
      if (probabilities === undefined || probabilities.length === 0) {
        throw new VitestMlError(
          name,
          `a probability row of numbers from every member`,
          `${describeOutputValue(output)} from ${models[member]?.identity.name} at row ${row}`,
          'Members must answer every row with class probabilities (select their probability output); to combine labels, pass `stack`.',
        )
      }
      return probabilities
    })
    const width = rows[0]?.length ?? 0
    rows.forEach((probabilities, member) => {
      if (probabilities.length !== width) {
        throw new VitestMlError(
          name,
          `probability rows of ${width} values from every member`,
          `${probabilities.length} values from ${models[member]?.identity.name} at row ${row}`,
          'Members must predict the same classes in the same order; select their probability output.',
        )
      }
    })
    const total = weights.reduce((sum, weight) => sum + weight, 0)
    const mean = Array.from(
      { length: width },
      (_, k) => rows.reduce((sum, probabilities, member) => sum + (weights[member] as number) * (probabilities[k] as number), 0) / total,
    )
    if (voting !== 'hard') return { probabilities: mean, label: argmax(mean) }
    const votes = new Array<number>(width).fill(0)
    rows.forEach((probabilities, member) => {
      const vote = argmax(probabilities)
      votes[vote] = (votes[vote] as number) + (weights[member] as number)
    })
    const most = Math.max(...votes)
    const tied = votes.flatMap((count, k) => (count === most ? [k] : []))
    const label = tied.reduce((best, k) => ((mean[k] as number) > (mean[best] as number) ? k : best), tied[0] as number)
    return { probabilities: votes.map((count) => count / total), label }
  }

  return {
    identity: { name },
    members: models,
    options,
    async predict(batch) {
      const perMember = await Promise.all(models.map((model) => checkedPredict(model, batch, name)))
      return batch.map((_, row) =>
        combine(
          perMember.map((outputs) => outputs[row] as O),
          row,
        ),
      )
    },
    async release() {
      await Promise.all(models.map((model) => model.release()))
    },
  }
}

/**
 * True when `value` was built by {@link ensemble}.
 *
 * @param value - anything
 * @returns whether it is a model with `members`
 * @example
 * ```ts
 * isEnsembleModel(ensemble([mlp, logreg])) // true
 * ```
 */
export function isEnsembleModel(value: unknown): value is EnsembleModel<unknown, unknown> {
  const candidate = value as Partial<EnsembleModel<unknown, unknown>> | null
  return typeof candidate === 'object' && candidate !== null && typeof candidate.predict === 'function' && Array.isArray(candidate.members)
}
