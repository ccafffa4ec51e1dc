import type { DataRow, Dataset } from '../data/dataset.js'
import { inferContract } from '../data/infer-contract.js'
import { readTable } from '../data/read-table.js'
import { type Label, sortedLabels } from '../evaluation/labels.js'
import { isNumericTarget } from '../hygiene/label-distribution.js'
import { VitestMlError } from '../util/errors.js'
import type { CheckPlan } from './check-plan.js'
import { inspectModel } from './inspect-model.js'
import { planDataChecks } from './plan-data-checks.js'
import { planModelChecks } from './plan-model-checks.js'

/** Options of {@link suggestChecks}. */
export interface SuggestChecksOptions {
  /** The `.onnx` model. */
  readonly model: string
  /** Training data: a path (CSV, TSV, JSON, JSONL, Parquet, Arrow) or a Dataset. */
  readonly train: string | Dataset
  /** Test data, as `train`. */
  readonly test: string | Dataset
  /** The label column. */
  readonly label: string
  /** A time column: the split must not put older rows in test than in training. */
  readonly time?: string
  /** Id columns: no id on both sides of the split. */
  readonly ids?: readonly string[]
  /** The feature columns, in order, for a model with one tensor input. @defaultValue every column but label, time and ids */
  readonly features?: readonly string[]
  /** The seed of every generated case and bootstrap. @defaultValue 2026 */
  readonly seed?: number
  /** How the suite names its files. @defaultValue the given paths, `schema.json` and `gate.json` */
  readonly files?: Partial<CheckPlan['files']>
}

const present = (value: unknown): boolean => value !== null && value !== undefined && !(typeof value === 'number' && Number.isNaN(value))

/**
 * Inspects a model and its data and plans a complete starting suite — the programmatic form of `vitest-ml init`:
 * reads both tables, works out how to feed the model from the columns and how to read its outputs, learns the data
 * contract from the training data, and measures every check on the data before choosing its threshold (range and
 * probabilities, determinism, drift from training to test, the contract, held-out and leakage, hygiene, the baseline,
 * slices on every categorical input, calibration for classifiers), so the suite passes as written on what it was given
 * and each threshold says where it came from.
 *
 * @param options - model, data, label, and optionally time, ids, features, seed
 * @returns the plan: checks with options and reasons, the contract, the gate, the measurements and warnings
 * @example
 * ```ts
 * const plan = await suggestChecks({ model: 'model.onnx', train: 'train.csv', test: 'test.csv', label: 'species' })
 * plan.checks.map((check) => check.kind)
 * // ['schema', 'hygiene', 'held-out', 'drift', 'range', 'consistency', 'baseline', 'slices', 'calibration']
 * ```
 */
export async function suggestChecks(options: SuggestChecksOptions): Promise<CheckPlan> {
  const train = typeof options.train === 'string' ? await readTable(options.train) : options.train
  const test = typeof options.test === 'string' ? await readTable(options.test) : options.test
  const label = options.label
  for (const [role, data] of [
    ['training', train],
    ['test', test],
  ] as const) {
    const wanted = [label, options.time, ...(options.ids ?? [])].filter((name): name is string => name !== undefined)
    const absent = wanted.filter((name) => !data.columnNames.includes(name))
    if (absent.length > 0)
      throw new VitestMlError(
        'suggestChecks',
        `columns ${absent.map((name) => `"${name}"`).join(', ')} in the ${role} data`,
        `columns ${data.columnNames.join(', ')}`,
        'Pass the label (and time and id columns) as the data names them.',
      )
  }
  const seed = options.seed ?? 2026
  const files = {
    model: options.files?.model ?? options.model,
    train: options.files?.train ?? (typeof options.train === 'string' ? options.train : 'train.csv'),
    test: options.files?.test ?? (typeof options.test === 'string' ? options.test : 'test.csv'),
    schema: options.files?.schema ?? 'schema.json',
    gate: options.files?.gate ?? 'gate.json',
  }
  const ignore = [options.time, ...(options.ids ?? [])].filter((name): name is string => name !== undefined)
  const { facts, model } = await inspectModel(options.model, train, {
    label,
    ignore,
    ...(options.features === undefined ? {} : { features: options.features }),
  })
  try {
    const task = isNumericTarget(train.column(label)) ? 'regression' : 'classification'
    const learned = inferContract(train, { label }).contract
    const dataPlan = planDataChecks({
      train,
      test,
      trainFile: files.train,
      testFile: files.test,
      label,
      contract: learned,
      ...(options.time === undefined ? {} : { time: options.time }),
      ...(options.ids === undefined ? {} : { ids: options.ids }),
    })
    const usable = (row: DataRow): boolean => [...facts.features, label].every((name) => present(row[name]))
    const rows = test.rows().filter(usable)
    if (rows.length === 0)
      throw new VitestMlError(
        'suggestChecks',
        'test rows with the label and every model input present',
        '0 rows',
        'Fill in or drop the missing values; a model cannot be evaluated on rows it cannot take.',
      )
    const toLabel = (row: DataRow): Label => (task === 'regression' ? Number(row[label]) : (row[label] as Label))
    const trainLabels = train
      .rows()
      .filter((row) => present(row[label]))
      .map(toLabel)
    const classesFrom = facts.classes !== undefined ? 'model' : task === 'classification' && facts.probabilities ? 'training labels' : undefined
    const classes = facts.classes ?? (classesFrom === 'training labels' ? sortedLabels(trainLabels) : undefined)
    const inputs = rows.map((row) =>
      facts.feeding === 'records' ? Object.fromEntries(facts.features.map((name) => [name, row[name]])) : facts.features.map((name) => row[name]),
    )
    const modelPlan = await planModelChecks({
      model,
      facts,
      contract: dataPlan.contract,
      label,
      task,
      ...(classes === undefined ? {} : { classes }),
      rows,
      inputs,
      labels: rows.map(toLabel),
      trainLabels,
      seed,
      testFile: files.test,
    })
    const warnings = [...dataPlan.warnings, ...modelPlan.warnings]
    if (rows.length < test.rowCount)
      warnings.push(
        `${test.rowCount - rows.length} of ${test.rowCount} rows of ${files.test} lack the label or a model input: they are left out of the model checks`,
      )
    if (classesFrom === 'training labels')
      warnings.push(
        `the model declares no class labels: its probability columns are read as the sorted training labels (${classes?.join(', ')}); check that order`,
      )
    const required = [
      'baseline-improvement',
      'held-out-test',
      'data-drift-weekly',
      ...(modelPlan.checks.some((check) => check.kind === 'slices') ? ['review-false-positives-negatives'] : []),
    ]
    return {
      seed,
      files,
      model: facts,
      data: {
        label,
        task,
        trainRows: train.rowCount,
        testRows: test.rowCount,
        usableTestRows: rows.length,
        ignore,
        ...(classes === undefined ? {} : { classes }),
        ...(classesFrom === undefined ? {} : { classesFrom }),
        ...(options.time === undefined ? {} : { time: options.time }),
        ...(options.ids === undefined ? {} : { ids: options.ids }),
        measured: modelPlan.measured,
      },
      contract: dataPlan.contract,
      gate: { required, ...(modelPlan.thresholds === undefined ? {} : { thresholds: modelPlan.thresholds }) },
      checks: [...dataPlan.checks, ...modelPlan.checks],
      warnings,
    }
  } finally {
    await model.release()
  }
}
