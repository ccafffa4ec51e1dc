import type { Column, Dataset } from '../data/dataset.js'
import { MISSING_CATEGORY } from '../drift/feature-values.js'
import { isEmbeddingColumn } from '../drift/multivariate/embedding-matrix.js'
import { VitestMlError } from '../util/errors.js'
import { finishCategories, reduceCategories } from './category-summary.js'
import { type ColumnProfile, type DataProfile, DEFAULT_PROFILE_SETTINGS, PROFILE_FORMAT, type ProfileSettings } from './data-profile.js'
import { batchMoments, EMPTY_MOMENTS, type Moments, mergeMoments } from './moments.js'
import { NumericSummaryBuilder } from './numeric-summary.js'

/** Options of {@link profile} and {@link ProfileBuilder}. */
export interface ProfileOptions extends Partial<ProfileSettings> {
  /** Profile only these columns. @defaultValue every column */
  readonly columns?: readonly string[]
  /** Columns to profile as categories even though they hold numbers. @defaultValue [] */
  readonly categorical?: readonly string[]
  /** Name shown in reports. @defaultValue the first batch's name */
  readonly name?: string
}

interface NumericState {
  kind: 'numeric'
  rows: number
  missing: number
  nonFinite: number
  moments: Moments
  summary: NumericSummaryBuilder
  scratch: Float64Array
}
interface CategoricalState {
  kind: 'categorical'
  rows: number
  missing: number
  counts: Map<string, number>
  countError: number
}

/**
 * Builds a profile batch by batch in bounded memory: each batch (a {@link Dataset}, for example one Parquet row group)
 * updates every column's sketch, counts and moments and can then be dropped. Column kinds are fixed by the first batch.
 *
 * @example
 * ```ts
 * const builder = new ProfileBuilder({ name: 'june' })
 * for await (const batch of streamParquet('june.parquet')) builder.add(batch)
 * const june = builder.finish('stream')
 * ```
 */
export class ProfileBuilder {
  private readonly settings: ProfileSettings
  private readonly states = new Map<string, NumericState | CategoricalState>()
  private skipped: string[] = []
  private rows = 0
  private name: string | undefined

  /**
   * @param options - columns, categorical, name, k, exactLimit, maxCategories, seed
   */
  constructor(private readonly options: ProfileOptions = {}) {
    this.settings = { ...DEFAULT_PROFILE_SETTINGS, ...pickSettings(options) }
    this.name = options.name
  }

  /**
   * Adds one batch of rows.
   *
   * @param batch - the rows, as a dataset
   */
  add(batch: Dataset): void {
    if (this.rows === 0 && this.states.size === 0) this.start(batch)
    this.name ??= batch.name
    for (const [name, state] of this.states) {
      if (!batch.columnNames.includes(name))
        throw new VitestMlError(
          'profile',
          `column "${name}" in every batch`,
          `a batch with columns ${batch.columnNames.join(', ')}`,
          'Every batch of one profile must have the same columns.',
        )
      const column = batch.column(name)
      if (state.kind === 'numeric') addNumeric(state, column, name)
      else addCategorical(state, column, this.settings.maxCategories)
    }
    this.rows += batch.rowCount
  }

  /**
   * The profile of every row added so far.
   *
   * @param source - what built it (`memory`, `stream`, ...)
   * @returns the profile
   */
  finish(source = 'memory'): DataProfile {
    const columns: Record<string, ColumnProfile> = {}
    for (const [name, state] of this.states) {
      columns[name] =
        state.kind === 'numeric'
          ? { kind: 'numeric', rows: state.rows, missing: state.missing, nonFinite: state.nonFinite, moments: state.moments, summary: state.summary.finish() }
          : {
              kind: 'categorical',
              rows: state.rows,
              missing: state.missing,
              categories: finishCategories(state.counts, state.countError, this.settings.maxCategories),
            }
    }
    return { format: PROFILE_FORMAT, version: 1, name: this.name ?? 'data', rows: this.rows, settings: this.settings, columns, skipped: this.skipped, source }
  }

  private start(batch: Dataset): void {
    const wanted = this.options.columns ?? batch.columnNames
    for (const name of wanted) {
      if (!batch.columnNames.includes(name))
        throw new VitestMlError('profile', `a column named one of [${batch.columnNames.join(', ')}]`, `"${name}"`, 'Check `columns`; names are case-sensitive.')
      const column = batch.column(name)
      if (isEmbeddingColumn(column)) {
        this.skipped.push(name)
        continue
      }
      const numeric = column instanceof Float64Array && this.options.categorical?.includes(name) !== true
      this.states.set(
        name,
        numeric
          ? {
              kind: 'numeric',
              rows: 0,
              missing: 0,
              nonFinite: 0,
              moments: EMPTY_MOMENTS,
              summary: new NumericSummaryBuilder(this.settings),
              scratch: new Float64Array(0),
            }
          : { kind: 'categorical', rows: 0, missing: 0, counts: new Map(), countError: 0 },
      )
    }
  }
}

/**
 * The profile of an in-memory dataset (see {@link DataProfile}).
 *
 * @param data - the dataset
 * @param options - columns, categorical, name and sketch settings
 * @returns the profile
 * @example
 * ```ts
 * const reference = profile(await readParquet('january.parquet'))
 * reference.columns.delay // { kind: 'numeric', rows: 508239, missing: 0, moments: {...}, summary: { exact: {...} } }
 * ```
 */
export function profile(data: Dataset, options: ProfileOptions = {}): DataProfile {
  const builder = new ProfileBuilder(options)
  builder.add(data)
  return builder.finish('memory')
}

function pickSettings(options: ProfileOptions): Partial<ProfileSettings> {
  const settings: Partial<Record<keyof ProfileSettings, number>> = {}
  for (const key of ['k', 'exactLimit', 'maxCategories', 'seed'] as const) {
    const value = options[key]
    if (value === undefined) continue
    if (!Number.isInteger(value) || value < (key === 'seed' ? 0 : key === 'k' ? 8 : 1))
      throw new VitestMlError(
        'profile',
        `\`${key}\` a whole number >= ${key === 'seed' ? 0 : key === 'k' ? 8 : 1}`,
        String(value),
        'For example `{ k: 400, exactLimit: 2048, maxCategories: 10000 }`.',
      )
    settings[key] = value
  }
  return settings
}

function addNumeric(state: NumericState, column: Column, name: string): void {
  if (!(column instanceof Float64Array)) {
    const text = (column as readonly unknown[]).find((value) => value !== null && value !== undefined && typeof value !== 'number')
    if (text !== undefined)
      throw new VitestMlError(
        'profile',
        `numbers in column "${name}" (it held numbers in the first batch)`,
        `text such as ${JSON.stringify(text)}`,
        `Pass \`categorical: ['${name}']\` to profile it as categories, or fix the feed.`,
      )
  }
  if (state.scratch.length < column.length) state.scratch = new Float64Array(column.length)
  let kept = 0
  for (let i = 0; i < column.length; i++) {
    const raw = column[i]
    const value = typeof raw === 'number' ? raw : Number.NaN
    if (Number.isNaN(value)) state.missing++
    else if (!Number.isFinite(value)) state.nonFinite++
    else state.scratch[kept++] = value
  }
  state.rows += column.length
  state.moments = mergeMoments(state.moments, batchMoments(state.scratch, kept))
  state.summary.add(state.scratch, kept)
}

function addCategorical(state: CategoricalState, column: Column, maxCategories: number): void {
  const counts = state.counts
  for (let i = 0; i < column.length; i++) {
    const value = column[i]
    const missing = value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))
    if (missing) state.missing++
    const label = missing ? MISSING_CATEGORY : String(value)
    counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  state.rows += column.length
  state.countError += reduceCategories(counts, maxCategories)
}
