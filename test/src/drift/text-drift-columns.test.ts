import seedrandom from 'seedrandom'
import { describe, expect, test } from 'vitest'
import { datasetDrift } from '../../../src/drift/dataset-drift.js'
import { domainClassifier } from '../../../src/drift/domain-classifier.js'
import { hashedBagOfWords } from '../../../src/drift/hashed-bag-of-words.js'
import { outOfVocabularyShares } from '../../../src/drift/out-of-vocabulary.js'
import { textDriftColumns } from '../../../src/drift/text-drift-columns.js'
import { textTokens } from '../../../src/drift/text-tokens.js'
import { rocAuc } from '../../../src/evaluation/metrics/roc-auc.js'

const WORDS = [
  'phone',
  'battery',
  'screen',
  'case',
  'good',
  'bad',
  'great',
  'works',
  'broke',
  'charger',
  'sound',
  'price',
  'love',
  'hate',
  'fast',
  'slow',
  'the',
  'is',
  'and',
  'it',
]
const TRAVEL = ['hotel', 'flight', 'beach', 'room', 'staff', 'view', 'breakfast', 'pool', 'delayed', 'lovely', 'the', 'is', 'and', 'it']
/** Sentences of 3-12 words drawn uniformly from a vocabulary (with Zipf-free uniform word choice). */
function sentences(vocabulary: readonly string[], count: number, seed: string): string[] {
  const random = seedrandom(seed)
  return Array.from({ length: count }, () =>
    Array.from({ length: 3 + Math.floor(random() * 10) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join(' '),
  )
}

describe('text drift building blocks', () => {
  test('textTokens: lower-cased words, digits and contractions', () => {
    expect(textTokens("Don't buy it: 2 stars!")).toEqual(["don't", 'buy', 'it', '2', 'stars'])
    expect(textTokens(null)).toEqual([])
  })

  test('outOfVocabularyShares: the vocabulary of one half of the reference, the shares of the other half and of current', () => {
    const reference = ['a b', 'a c', 'b c', 'a b']
    const result = outOfVocabularyShares(reference, ['a z', 'y z', ''], 1)
    // whatever the split, the vocabulary is a subset of {a, b, c}: 'y z' has share 1, 'a z' share 0.5 unless 'a' is unseen
    expect(result.current).toHaveLength(2)
    expect(result.current[1]).toBe(1)
    expect([0.5, 1]).toContain(result.current[0])
    expect(result.reference).toHaveLength(2)
    expect(outOfVocabularyShares(reference, ['a z'], 1)).toEqual(outOfVocabularyShares(reference, ['a z'], 1))
  })

  test('domainClassifier: its AUC is the ROC AUC of its held-out scores (as sklearn.metrics.roc_auc_score computes it)', () => {
    const random = seedrandom('dc')
    const reference = Array.from({ length: 80 }, () => [random(), random(), random()])
    const current = Array.from({ length: 60 }, () => [random() + 0.3, random(), random()])
    const result = domainClassifier(reference, current, 2)
    const labels = [...Array.from(result.reference, () => 0), ...Array.from(result.current, () => 1)]
    expect(result.auc).toBeCloseTo(rocAuc(labels, [...result.reference, ...result.current]), 12)
    expect(result.auc).toBeGreaterThan(0.75)
    expect(
      domainClassifier(
        reference.map((v) => [v[0] as number]),
        reference.map((v) => [(v[0] as number) + 10]),
        1,
      ).auc,
    ).toBe(1)
    expect(() => domainClassifier([[1]], [[2]])).toThrow(/^domainClassifier: expected at least 4 vectors in each sample/)
    expect(() => domainClassifier([[1], [2], [3], [4]], [[1], [2], [3], [Number.NaN]])).toThrow(
      /^domainClassifier: expected vectors of one length \(1\) with finite values/,
    )
  })

  test('hashedBagOfWords: unit length, the same text the same vector', () => {
    const vector = hashedBagOfWords('good phone good', 64)
    expect(vector.reduce((sum, value) => sum + value * value, 0)).toBeCloseTo(1, 12)
    expect(hashedBagOfWords('good phone good', 64)).toEqual(vector)
    expect(hashedBagOfWords('', 8).every((value) => value === 0)).toBe(true)
  })
})

describe('text columns in datasetDrift', () => {
  test('calibration: between two samples of one text distribution each derived test false-alarms at about its alpha (0.05)', () => {
    const alarms = { length: 0, 'oov-share': 0, 'domain-score': 0 }
    const runs = 80
    for (let run = 0; run < runs; run++) {
      const result = datasetDrift(
        { review: sentences(WORDS, 120, `ref${run}`) },
        { review: sentences(WORDS, 120, `cur${run}`) },
        { text: { review: { seed: run } } },
      )
      for (const feature of result.features) if (feature.drifted) alarms[feature.feature.split(':')[1] as keyof typeof alarms] += 1
    }
    // 80 runs at alpha 0.05: 4 expected; binomial(80, 0.05) exceeds 11 with probability below 0.001 (the KS test is conservative on ties)
    for (const count of Object.values(alarms)) expect(count).toBeLessThan(12)
  })

  test('power: another topic drifts in vocabulary and content, longer texts in length', () => {
    const reference = { review: sentences(WORDS, 150, 'r') }
    const topic = datasetDrift(reference, { review: sentences(TRAVEL, 150, 't') }, { text: ['review'] })
    expect(topic.driftedFeatures).toEqual(expect.arrayContaining(['review:oov-share', 'review:domain-score']))
    expect(topic.textDomainAuc?.['review']).toBeGreaterThan(0.9)
    const longer = datasetDrift(reference, { review: sentences(WORDS, 150, 'l').map((text) => `${text} ${text}`) }, { text: ['review'] })
    expect(longer.driftedFeatures).toContain('review:length')
    expect(Object.keys(longer.derivedColumns ?? {})).toEqual(['review:length', 'review:oov-share', 'review:domain-score'])
  })

  test('an embedding function replaces the bag of words; a free-text column compared as categories gets a warning', () => {
    const embed = (texts: readonly string[]) => texts.map((text) => [textTokens(text).filter((word) => TRAVEL.includes(word)).length, text.length])
    const result = textDriftColumns('review', sentences(WORDS, 60, 'a'), sentences(TRAVEL, 60, 'b'), { embed })
    expect(result.representation).toBe('embeddings')
    expect(result.domainAuc).toBeGreaterThan(0.75)
    const plain = datasetDrift({ review: sentences(WORDS, 60, 'a') }, { review: sentences(WORDS, 60, 'b') })
    expect(plain.warnings.join('\n')).toMatch(
      /review looks like free text \(\d+% distinct values, [\d.]+ words on average\): comparing it as categories means little\. Pass `text: \['review'\]`/,
    )
    expect(() => textDriftColumns('review', [1, 2] as never, ['a'])).toThrow(
      /^datasetDrift: expected text in the column "review" \(declared in `text`\), received number 1 at reference row 0/,
    )
    expect(() => textDriftColumns('review', sentences(WORDS, 10, 'a'), sentences(WORDS, 10, 'b'), { embed: () => [] })).toThrow(
      /^datasetDrift: expected one vector per reference text of "review" from `embed` \(10\), received 0 vectors/,
    )
  })
})
