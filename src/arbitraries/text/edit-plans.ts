import fc from 'fast-check'
import { VitestMlError } from '../../util/errors.js'
import { perturbUniform } from '../perturb-uniform.js'

/** One planned edit: which kind, where (a fraction through the sites the text offers), and a second draw (which key, which word). */
export interface EditPlan {
  /** Index into the perturbation's kinds. */
  readonly kind: number
  /** Where, as a fraction in [0, 1] of the text's sites (letters, words, names...). */
  readonly site: number
  /** A second fraction in [0, 1]: which neighbouring key, which replacement. */
  readonly choice: number
}

/** How many edits a perturbation makes. */
export interface EditCountConstraints {
  /** Fewest edits. @defaultValue 1 */
  readonly minEdits?: number
  /** Most edits. @defaultValue 1 */
  readonly maxEdits?: number
}

/**
 * The random plan of a text perturbation: `minEdits` to `maxEdits` edits (the count uniform when drawn without
 * fast-check's bias), each with a kind (uniform over `kinds`) and two fractions spread evenly over [0, 1]. Shrinks
 * toward fewer edits, the first kind and the first site: toward the smallest change of the original text.
 *
 * @param kinds - how many kinds of edit the perturbation has (at least 1)
 * @param constraints - edit counts
 * @param source - public name for errors
 * @returns an arbitrary of plans
 * @example
 * ```ts
 * fc.sample(editPlans(4, { maxEdits: 2 }, 'typos'), { seed: 1, numRuns: 1 })[0] // [{ kind: 2, site: 0.41, choice: 0.9 }]
 * ```
 */
export function editPlans(kinds: number, constraints: EditCountConstraints, source: string): fc.Arbitrary<readonly EditPlan[]> {
  const { minEdits, maxEdits } = editCounts(constraints, source)
  const unit = perturbUniform(0, 1, 0)
  const plan = fc.record({ kind: fc.nat({ max: Math.max(0, kinds - 1) }), site: unit, choice: unit })
  return fc.array(plan, { minLength: minEdits, maxLength: maxEdits })
}

/**
 * Validates edit counts: whole numbers with `1 <= minEdits <= maxEdits` (a perturbation that may change nothing would
 * count unchanged texts as passing cases).
 *
 * @param constraints - the counts
 * @param source - public name for errors
 * @returns the counts with defaults
 * @example
 * ```ts
 * editCounts({ maxEdits: 3 }, 'typos') // { minEdits: 1, maxEdits: 3 }
 * ```
 */
export function editCounts(constraints: EditCountConstraints, source: string): { minEdits: number; maxEdits: number } {
  const minEdits = constraints.minEdits ?? 1
  const maxEdits = constraints.maxEdits ?? Math.max(1, minEdits)
  if (!(Number.isInteger(minEdits) && Number.isInteger(maxEdits) && minEdits >= 1 && minEdits <= maxEdits && maxEdits <= 100)) {
    throw new VitestMlError(
      source,
      'whole edit counts with 1 <= minEdits <= maxEdits <= 100',
      `minEdits ${minEdits}, maxEdits ${maxEdits}`,
      'Pass for example `{ maxEdits: 2 }` for one or two edits.',
    )
  }
  return { minEdits, maxEdits }
}

/**
 * The site a plan's fraction points at among `count` sites.
 *
 * @param fraction - in [0, 1]
 * @param count - number of sites (> 0)
 * @example
 * ```ts
 * siteIndex(0.5, 4) // 2
 * siteIndex(1, 4)   // 3
 * ```
 */
export function siteIndex(fraction: number, count: number): number {
  return Math.min(count - 1, Math.max(0, Math.floor(fraction * count)))
}

/**
 * How an edit count reads in a distribution's description: `1 typo`, `1 to 3 typos (count uniform)`.
 *
 * @param minEdits - fewest
 * @param maxEdits - most
 * @param singular - the edit's noun
 * @param plural - its plural @defaultValue singular + 's'
 * @example
 * ```ts
 * countPhrase(1, 2, 'typo') // '1 to 2 typos (count uniform)'
 * ```
 */
export function countPhrase(minEdits: number, maxEdits: number, singular: string, plural = `${singular}s`): string {
  if (minEdits === maxEdits) return `${minEdits} ${minEdits === 1 ? singular : plural}`
  return `${minEdits} to ${maxEdits} ${plural} (count uniform)`
}

/**
 * Validates a list of kinds against the allowed ones (non-empty, no unknown kind, no repeats).
 *
 * @param kinds - requested kinds
 * @param allowed - every kind the perturbation knows
 * @param source - public name for errors
 * @returns the kinds
 * @example
 * ```ts
 * checkKinds(['drop'], ['swap', 'drop'], 'typos') // ['drop']
 * ```
 */
export function checkKinds<K extends string>(kinds: readonly K[] | undefined, allowed: readonly K[], source: string): readonly K[] {
  const chosen = kinds ?? allowed
  const unknown = chosen.filter((kind) => !allowed.includes(kind))
  if (!Array.isArray(chosen) || chosen.length === 0 || unknown.length > 0 || new Set(chosen).size !== chosen.length) {
    throw new VitestMlError(
      source,
      `kinds among ${allowed.map((kind) => `'${kind}'`).join(', ')}, each at most once`,
      JSON.stringify(kinds),
      'Leave `kinds` out for all of them.',
    )
  }
  return chosen
}
