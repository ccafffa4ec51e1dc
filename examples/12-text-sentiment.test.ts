/**
 * CheckList-style behavioural tests of two sentiment models nobody here wrote by hand, as a user writes them:
 * - the AFINN-165 lexicon scorer of the npm package `sentiment` (a sum of word valences, with a one-word negation
 *   rule), wrapped with `functionModel`: its output is the score (> 0 positive, < 0 negative);
 * - the skl2onnx TF-IDF + logistic regression pipeline of the converter fixtures
 *   (`models/converters/text-sentiment-zipmap.onnx`, trained on Amazon phone reviews; output: P(negative),
 *   P(positive) through a ZipMap).
 * The cases are the 200 held-out Amazon review sentences stored beside the ONNX model (UCI "Sentiment Labelled
 * Sentences", Kotzias et al. 2015) and sentences generated from templates. INV: names, places and typos must not
 * change the answer (typos within a stated rate); DIR: a negation must lower the score, an intensifier push it away
 * from neutral; MFT: template sentences of known sentiment. Where a model fails — lexicon models are famous for
 * missing negation — the test shows the failure and its shrunk sentence as a demonstration.
 */
import fc from 'fast-check'
import Sentiment from 'sentiment'
import { afterAll, describe, expect, test } from 'vitest'
import {
  chainPerturbations,
  functionModel,
  intensify,
  negation,
  onnxModel,
  punctuation,
  swapPeople,
  swapPlaces,
  swapSynonyms,
  templateCases,
  typos,
  whitespace,
} from 'vitest-ml'
import { converterRows } from './support/converter-rows.js'

const analyzer = new Sentiment()
const afinn = functionModel((text: string) => analyzer.analyze(text).score, { name: 'sentiment (AFINN-165)' })
const { rows: reviews } = converterRows<string>('text-sentiment-zipmap')
/** Template sentences that name a person or a place, for the name and place swaps. */
const withNames = templateCases('{first_name} says the {product} is {pos_adj}.', { label: 'positive', maxCases: 200, seed: 12 }).map((c) => c.input)
const withPlaces = templateCases('I bought this {product} in {city} and it is {neg_adj}.', { label: 'negative', maxCases: 200, seed: 12 }).map((c) => c.input)
const praise = templateCases('The {product} is {pos_adj}.', { label: 'positive' }).map((c) => c.input)

describe('sentiment (AFINN-165), a lexicon scorer from npm', () => {
  test('INV: swapping the person or the city a sentence names changes the score in fewer than 5% of cases', async () => {
    await expect(afinn).toBeInvariantUnder(swapPeople(), { inputs: withNames, tolerance: 0, numRuns: 500, maxViolationRate: 0.05, seed: 12 })
    await expect(afinn).toBeInvariantUnder(swapPlaces(), { inputs: withPlaces, tolerance: 0, numRuns: 500, maxViolationRate: 0.05, seed: 12 })
  })

  test('INV, demonstration: but not never — a name that is also a word ("Harmony", "Joy") carries a valence', async () => {
    await expect(expect(afinn).toBeInvariantUnder(swapPeople(), { inputs: withNames, tolerance: 0, numRuns: 500, seed: 12 })).rejects.toThrow(
      /sentiment \(AFINN-165\) is not invariant under generated transforms \(outputs within 0\)[\s\S]*transform: +a name swapped\n +change: +\[-\w+-\]\{\+\w+\+\} says the \w+ is \w+\.\n +edits: +\["person: [\s\S]*Replay: \{ seed: 12, numRuns: 500, path: /,
    )
  })

  test('INV: one typo changes the score of fewer than 30% of review sentences (95% confidence)', async () => {
    await expect(afinn).toBeInvariantUnder(typos(), { inputs: reviews, tolerance: 0, numRuns: 1000, maxViolationRate: 0.3, seed: 12 })
  })

  test('... but a typo in a sentiment word silently drops it: exact mode shows the shrunk sentence', async () => {
    await expect(expect(afinn).toBeInvariantUnder(typos(), { inputs: reviews, tolerance: 0, numRuns: 300, seed: 12 })).rejects.toThrow(
      /sentiment \(AFINN-165\) is not invariant under generated transforms \(outputs within 0\)[\s\S]*transform: +1 typo\n +change: +.*\[-\w+-\]\{\+\w+\+\}.*\n +edits: +\[".*typo[\s\S]*Replay: \{ seed: 12, numRuns: 300, path: /,
    )
  })

  test('DIR: negating a plain opinion ("The phone is good.") lowers the score by at least 1', async () => {
    await expect(afinn).toShiftOutputUnder(negation(), { inputs: praise, direction: 'down', atLeast: 1, numRuns: 300, seed: 12 })
  })

  test('DIR, demonstration: on real reviews the one-word negation rule misses "does not work great"', async () => {
    const opinionated = reviews.filter((text) => analyzer.analyze(text).score > 0)
    await expect(expect(afinn).toShiftOutputUnder(negation(), { inputs: opinionated, direction: 'down', atLeast: 1, numRuns: 300, seed: 12 })).rejects.toThrow(
      /sentiment \(AFINN-165\): it is not true that each generated transform moves output\[0\] down by at least 1[\s\S]*change: +.*not[\s\S]*Replay: \{ seed: 12, numRuns: 300, path: /,
    )
  })

  test('DIR, demonstration: an intensifier ("very good") does not move a lexicon score at all', async () => {
    await expect(
      expect(afinn).toShiftOutputUnder(intensify(), { inputs: praise, direction: { awayFrom: 0 }, atLeast: 1, numRuns: 200, seed: 12 }),
    ).rejects.toThrow(
      /it is not true that each generated transform moves output\[0\] away from 0 by at least 1[\s\S]*output\[0\] stayed \(\d+ -> \d+\)[\s\S]*change: +The \w+ is \{\+\w+ \+\}\w+\./,
    )
  })

  test('MFT: negated praise from a template ("The case is not {pos_adj}.") scores below 0', async () => {
    const cases = templateCases('The {product} is not {pos_adj}.', {
      max: -1,
      lexicons: { pos_adj: ['good', 'great', 'excellent', 'amazing', 'wonderful', 'nice', 'perfect', 'awesome'] },
    })
    await expect(afinn).toPassGoldenCases(cases)
  })
})

describe('text-sentiment-zipmap.onnx, a TF-IDF + logistic regression pipeline (skl2onnx)', async () => {
  const model = await onnxModel<string>('models/converters/text-sentiment-zipmap.onnx', { output: 'output_probability', name: 'text-sentiment-zipmap.onnx' })
  const classes = model.classes as readonly string[]
  afterAll(() => model.release())

  test('INV: swapping names never changes the predicted sentiment', async () => {
    await expect(model).toBeInvariantUnder(swapPeople(), { inputs: withNames, label: true, numRuns: 500, seed: 12 })
  })

  test('INV, demonstration: a place swap can — "New Taipei" carries the word "new"', async () => {
    await expect(model).toBeInvariantUnder(swapPlaces(), { inputs: withPlaces, label: true, numRuns: 500, maxViolationRate: 0.05, seed: 12 })
    await expect(expect(model).toBeInvariantUnder(swapPlaces(), { inputs: withPlaces, label: true, numRuns: 500, seed: 12 })).rejects.toThrow(
      /text-sentiment-zipmap\.onnx is not invariant under generated transforms \(the predicted class\)[\s\S]*predicted class changed[\s\S]*change: +I bought this \w+ in \[-[\s\S]*edits: +\["place: /,
    )
  })

  test('INV: up to 3 typos, spacing or punctuation changes flip fewer than 10% of review labels (95% confidence)', async () => {
    const noise = chainPerturbations([typos({ maxEdits: 2 }), whitespace(), punctuation()], { maxSteps: 3 })
    await expect(model).toBeInvariantUnder(noise, { inputs: reviews, label: true, numRuns: 1000, maxViolationRate: 0.1, seed: 12 })
  })

  test('INV: a synonym swap flips fewer than 20% of the labels of the review sentences it applies to (about 13%: "let down" is not in its vocabulary)', async () => {
    await expect(model).toBeInvariantUnder(swapSynonyms(), {
      inputs: reviews,
      label: true,
      skipUnchanged: true,
      numRuns: 1000,
      maxViolationRate: 0.2,
      seed: 12,
    })
  })

  test('DIR: negating a plain opinion lowers P(positive) by at least 0.05', async () => {
    await expect(model).toShiftOutputUnder(negation(), { inputs: praise, direction: 'down', output: 'positive', atLeast: 0.05, numRuns: 300, seed: 12 })
  })

  test('MFT: template praise and complaints with the adjectives of its training reviews get the right label', async () => {
    const lexicons = {
      pos_adj: ['good', 'great', 'excellent', 'nice'],
      neg_adj: ['bad', 'terrible', 'awful', 'horrible', 'poor', 'disappointing', 'useless', 'weak'],
    }
    await expect(model).toPassGoldenCases(templateCases('The {product} is {pos_adj}.', { label: 'positive', lexicons }), { classes })
    await expect(model).toPassGoldenCases(templateCases('The {product} is {neg_adj}.', { label: 'negative', lexicons }), { classes })
  })

  test('MFT, demonstration: adjectives it never saw ("amazing", "lovely") leave the verdict to the noun', async () => {
    await expect(expect(model).toPassGoldenCases(templateCases('The {product} is {pos_adj}.', { label: 'positive' }), { classes })).rejects.toThrow(
      /text-sentiment-zipmap\.onnx failed \d+ of 240 golden cases[\s\S]*The \{product\} is \{pos_adj\}\. \[product=\w+, pos_adj=\w+\]: expected label positive, got negative/,
    )
  })
})

describe('text drift of review sentences', () => {
  const half = (parity: number) => reviews.filter((_, index) => index % 2 === parity).map((text) => ({ text }))

  test('two halves of the held-out reviews: no drift in length, vocabulary or content', () => {
    expect(half(1)).not.toHaveDriftedFrom(half(0), { text: ['text'] })
  })

  test('the same reviews with up to 3 typos each: the out-of-vocabulary share drifts', () => {
    const typo = fc.sample(typos({ minEdits: 2, maxEdits: 3 }), { seed: 12, numRuns: 100 })
    const typed = half(1).map((row, index) => ({ text: (typo[index] as (text: string) => string)(row.text) }))
    expect(typed).toHaveDriftedFrom(half(0), { text: ['text'], driftShare: 0.3 })
  })

  test('template sentences are another kind of text: length, vocabulary and content drift', () => {
    const generated = templateCases('My {product} is {pos_adj} and the {product2} is {neg_adj}.', { label: 'mixed', maxCases: 100, seed: 12 }).map((c) => ({
      text: c.input,
    }))
    expect(generated).toHaveDriftedFrom(half(0), { text: ['text'] })
  })
})
