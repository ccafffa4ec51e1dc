import { checkedPredict } from '../model/checked-predict.js'
import type { Model } from '../model/model.js'
import { outputLabel } from '../model/output-label.js'
import type { Violation } from '../properties/case-probe.js'
import { VitestMlError } from '../util/errors.js'
import { type GoldenCase, judgeGoldenCase } from './golden-case.js'
import { type LoadGoldenCasesOptions, loadGoldenCases } from './load-golden-cases.js'
import { type OutputSelector, outputIndex } from './output-selector.js'

/** Options of `checkGoldenCases`. */
export interface GoldenCasesOptions extends LoadGoldenCasesOptions {
  /** Class names in output order (for labels by name and readable failures). */
  readonly classes?: readonly string[]
  /** Output number compared with `value`, `min`, `max`, by index or class name. @defaultValue 0 */
  readonly output?: OutputSelector
  /** Default tolerance for `value` expectations. @defaultValue 1e-6 */
  readonly tolerance?: number
  /** Public name for errors. @defaultValue 'toPassGoldenCases' */
  readonly source?: string
}

/** One failed golden case. */
export interface GoldenFailure<I> {
  readonly index: number
  readonly name: string
  readonly input: I
  readonly output: unknown
  readonly violation: Violation
}

/** What `checkGoldenCases` found. */
export interface GoldenCasesResult<I> {
  readonly passed: boolean
  readonly numCases: number
  readonly failures: readonly GoldenFailure<I>[]
  /** failures / cases. */
  readonly violationRate: number
}

/**
 * Checks a table of golden cases in one batched call and lists every failure (not just the first).
 *
 * @param model - the model
 * @param cases - the cases, or a CSV / JSON file to read them from
 * @param options - classes, output, tolerance, file columns
 * @returns the verdict and every failure
 * @example
 * ```ts
 * const result = await checkGoldenCases(model, [{ input: [39.1, 18.7, 181, 3750, 2], label: 'Adelie' }], { classes })
 * result.failures // []
 * ```
 */
export async function checkGoldenCases<I, O>(
  model: Model<I, O>,
  cases: readonly GoldenCase<I>[] | string,
  options: GoldenCasesOptions = {},
): Promise<GoldenCasesResult<I>> {
  const source = options.source ?? 'toPassGoldenCases'
  const table = typeof cases === 'string' ? ((await loadGoldenCases(cases, options)) as GoldenCase<I>[]) : cases
  if (!Array.isArray(table) || table.length === 0) {
    throw new VitestMlError(
      source,
      'a non-empty array of golden cases or a CSV / JSON path',
      Array.isArray(table) ? 'an empty array' : typeof table,
      'Pass `[{ input, label }]`, `[{ input, value, tolerance }]` or a file path.',
    )
  }
  table.forEach((goldenCase, index) => {
    if (typeof goldenCase !== 'object' || goldenCase === null || !('input' in goldenCase)) {
      throw new VitestMlError(
        source,
        'cases of the form `{ input, label | value | min / max }`',
        `case ${index}: ${JSON.stringify(goldenCase)}`,
        'Wrap each row as `{ input: row, label: ... }`.',
      )
    }
    if (goldenCase.label === undefined && goldenCase.value === undefined && goldenCase.min === undefined && goldenCase.max === undefined) {
      throw new VitestMlError(
        source,
        'an expectation on every case (label, value, min or max)',
        `case ${goldenCase.name ?? index} with none`,
        'Say what the model must answer.',
      )
    }
    if (typeof goldenCase.label === 'string' && options.classes !== undefined && !options.classes.includes(goldenCase.label)) {
      throw new VitestMlError(
        source,
        `a label among the classes [${(options.classes ?? []).join(', ')}]`,
        `"${goldenCase.label}" in case ${goldenCase.name ?? index}`,
        'Pass `classes` in output order, or give labels as indices.',
      )
    }
  })
  const judgeOptions = {
    ...(options.classes === undefined ? {} : { classes: options.classes }),
    output: outputIndex(options.output, options.classes, source),
    tolerance: options.tolerance ?? 1e-6,
    source,
  }
  const outputs = await checkedPredict(
    model,
    table.map((goldenCase) => goldenCase.input),
    source,
  )
  if (options.classes === undefined) {
    // A class name can only match a model that answers with names; against class indices it needs `classes`.
    const named = table.findIndex((goldenCase, index) => typeof goldenCase.label === 'string' && typeof outputLabel(outputs[index]) === 'number')
    const goldenCase = table[named]
    if (goldenCase !== undefined) {
      throw new VitestMlError(
        source,
        'a label among the classes []',
        `"${String(goldenCase.label)}" in case ${goldenCase.name ?? named}, where ${model.identity.name} answers class index ${String(outputLabel(outputs[named]))}`,
        'Pass `classes` in output order, or give labels as indices.',
      )
    }
  }
  const failures: GoldenFailure<I>[] = []
  table.forEach((goldenCase, index) => {
    const violation = judgeGoldenCase(goldenCase, outputs[index], judgeOptions)
    if (violation !== undefined) failures.push({ index, name: goldenCase.name ?? `case ${index}`, input: goldenCase.input, output: outputs[index], violation })
  })
  return { passed: failures.length === 0, numCases: table.length, failures, violationRate: failures.length / table.length }
}
