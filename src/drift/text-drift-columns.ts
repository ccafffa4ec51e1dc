import type { Column } from '../data/dataset.js'
import { VitestMlError } from '../util/errors.js'
import { domainClassifier } from './domain-classifier.js'
import { hashedBagOfWords } from './hashed-bag-of-words.js'
import { outOfVocabularyShares } from './out-of-vocabulary.js'
import { textTokens } from './text-tokens.js'

/** How a text column is compared (see `textDriftColumns`). */
export interface TextDriftOptions {
  /** Turns texts into vectors (sentence embeddings) for the domain classifier. @defaultValue hashed bags of words and word pairs */
  readonly embed?: (texts: readonly string[]) => readonly ArrayLike<number>[]
  /** Seed of the random halves (vocabulary, domain classifier). @defaultValue 1 */
  readonly seed?: number
}

/** The derived numeric columns of one text column, by derived feature name, and the domain classifier's AUC. */
export interface TextDriftColumns {
  /** `<column>:length` (words per text), `<column>:oov-share` (unseen-word share), `<column>:domain-score` (held-out classifier scores). */
  readonly columns: Readonly<Record<string, { readonly reference: Float64Array; readonly current: Float64Array }>>
  /** ROC AUC of the domain classifier on the held-out halves (0.5: the samples look alike). */
  readonly domainAuc: number
  /** What the domain classifier read: `embeddings` or `hashed bags of words`. */
  readonly representation: 'embeddings' | 'hashed bags of words'
}

function texts(column: Column, feature: string, role: string): (string | null)[] {
  return Array.from(column as ArrayLike<unknown>, (value, row) => {
    if (value === null || value === undefined) return null
    if (typeof value !== 'string')
      throw new VitestMlError(
        'datasetDrift',
        `text in the column "${feature}" (declared in \`text\`)`,
        `${typeof value} ${JSON.stringify(value)} at ${role} row ${row}`,
        'List only free-text columns in `text`.',
      )
    return value
  })
}

/**
 * Turns a free-text column into the numeric columns text drift is judged on — each an ordinary sample per side, so the
 * drift suite tests them as it tests any numeric feature (KS below 1000 reference rows, normed Wasserstein above):
 * - `<column>:length`: words per text (a longer or shorter kind of text);
 * - `<column>:oov-share`: share of each text's words missing from a vocabulary built on a random half of the
 *   reference, for the other half and for the current texts (new words: products, slang, typos, another language);
 * - `<column>:domain-score`: held-out scores of a domain classifier fitted on the other halves to tell current texts
 *   from reference ones, on the given embeddings or on hashed bags of words (a shift in what the texts say).
 * Missing texts (null) are left out of every derived column.
 *
 * @param feature - the text column's name
 * @param reference - its reference values
 * @param current - its current values
 * @param options - embedding function, seed
 * @returns the derived columns and the domain classifier's AUC
 * @example
 * ```ts
 * const text = textDriftColumns('review', lastMonth.column('review'), thisWeek.column('review'))
 * Object.keys(text.columns) // ['review:length', 'review:oov-share', 'review:domain-score']
 * ```
 */
export function textDriftColumns(feature: string, reference: Column, current: Column, options: TextDriftOptions = {}): TextDriftColumns {
  const seed = options.seed ?? 1
  const referenceTexts = texts(reference, feature, 'reference')
  const currentTexts = texts(current, feature, 'current')
  const present = (values: (string | null)[]): string[] => values.filter((value): value is string => value !== null)
  const lengths = (values: (string | null)[]): Float64Array => Float64Array.from(present(values), (text) => textTokens(text).length)
  const oov = outOfVocabularyShares(referenceTexts, currentTexts, seed)
  const embed = options.embed ?? ((batch: readonly string[]) => batch.map((text) => hashedBagOfWords(text)))
  const vectors = (values: string[], role: string): readonly ArrayLike<number>[] => {
    const out = embed(values)
    if (!Array.isArray(out) || out.length !== values.length) {
      throw new VitestMlError(
        'datasetDrift',
        `one vector per ${role} text of "${feature}" from \`embed\` (${values.length})`,
        Array.isArray(out) ? `${out.length} vectors` : typeof out,
        'The embedding function takes a list of texts and returns one vector per text, in order.',
      )
    }
    return out
  }
  const domain = domainClassifier(vectors(present(referenceTexts), 'reference'), vectors(present(currentTexts), 'current'), seed)
  return {
    columns: {
      [`${feature}:length`]: { reference: lengths(referenceTexts), current: lengths(currentTexts) },
      [`${feature}:oov-share`]: { reference: oov.reference, current: oov.current },
      [`${feature}:domain-score`]: { reference: domain.reference, current: domain.current },
    },
    domainAuc: domain.auc,
    representation: options.embed === undefined ? 'hashed bags of words' : 'embeddings',
  }
}
