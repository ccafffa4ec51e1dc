import seedrandom from 'seedrandom'
import { describe, expect, it } from 'vitest'
import { type Dataset, datasetFromColumns } from '../../../src/data/dataset.js'
import { datasetDrift } from '../../../src/drift/dataset-drift.js'
import { normedWasserstein } from '../../../src/drift/normed-wasserstein.js'
import { mergeProfiles } from '../../../src/profile/merge-profiles.js'
import { parseProfile } from '../../../src/profile/parse-profile.js'
import { profile } from '../../../src/profile/profile-builder.js'
import { profileDrift } from '../../../src/profile/profile-drift.js'
import { profileStream } from '../../../src/profile/profile-stream.js'
import { ksTwoSample } from '../../../src/stats/ks-two-sample.js'
import { populationStabilityIndex } from '../../../src/stats/population-stability-index.js'

/** Rows with a continuous, an integer, a categorical and a sparse column; `shift` moves the current sample. */
function sample(rows: number, shift: number, seed: string): Dataset {
  const random = seedrandom(seed)
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  return datasetFromColumns(
    {
      amount: Float64Array.from({ length: rows }, () => Math.exp(normal() + shift)),
      items: Float64Array.from({ length: rows }, () => Math.floor(random() * (8 + 4 * shift))),
      channel: Array.from({ length: rows }, () => (random() < 0.5 + 0.2 * shift ? 'web' : random() < 0.5 ? 'store' : 'phone')),
      flag: Float64Array.from({ length: rows }, () => (random() < 0.1 ? Number.NaN : random() < 0.3 ? 1 : 0)),
    },
    { name: seed },
  )
}

const slice = (data: Dataset, from: number, to: number): Dataset =>
  datasetFromColumns(
    Object.fromEntries(
      data.columnNames.map((name) => {
        const column = data.column(name)
        return [name, column instanceof Float64Array ? column.subarray(from, to) : column.slice(from, to)]
      }),
    ),
    { name: data.name },
  )

describe('profile and profileDrift', () => {
  it('gives the exact statistics when the summaries are exact (value counts), with error 0', () => {
    const reference = sample(20_000, 0, 'exact-ref')
    const current = sample(20_000, 0.1, 'exact-cur')
    const settings = { exactLimit: 100_000 }
    const result = profileDrift(profile(reference, settings), profile(current, settings))
    const exact = datasetDrift(reference, current)
    for (const feature of exact.features) {
      const approximated = result.features.find((entry) => entry.feature === feature.feature)
      expect(approximated?.method).toBe(feature.method)
      expect(approximated?.statistic).toBeCloseTo(feature.statistic, 10)
      expect(approximated?.statisticError).toBe(0)
      expect(approximated?.drifted).toBe(feature.drifted)
    }
    const amount = result.features.find((entry) => entry.feature === 'amount')
    const r = reference.column('amount') as Float64Array
    const c = current.column('amount') as Float64Array
    // ksTwoSample and populationStabilityIndex are the scipy-checked implementations (test/src/stats).
    expect(amount?.statistics.ks?.value).toBeCloseTo(ksTwoSample(r, c).statistic, 12)
    expect(amount?.statistics.psi?.value).toBeCloseTo(populationStabilityIndex(r, c).statistic, 10)
    expect(amount?.statistics.wasserstein?.value).toBeCloseTo(normedWasserstein(r, c), 10)
    // Small samples: the KS method and its exact p-value, as the suite (scipy's ks_2samp 'auto') gives them.
    const small = (data: Dataset) => slice(data, 0, 400)
    const smallResult = profileDrift(profile(small(reference)), profile(small(current)), { features: ['amount'] })
    const smallExact = datasetDrift(small(reference), small(current), { features: ['amount'] })
    expect(smallResult.features[0]?.method).toBe('ks')
    expect(smallResult.features[0]?.pValue).toBeCloseTo(smallExact.features[0]?.pValue ?? Number.NaN, 12)
  })

  it('keeps each KLL-based statistic within its stated error of the exact one', () => {
    const reference = sample(60_000, 0, 'kll-ref')
    const current = sample(60_000, 0.05, 'kll-cur')
    const result = profileDrift(profile(reference, { k: 200 }), profile(current, { k: 200 }))
    const amount = result.features.find((entry) => entry.feature === 'amount')
    const r = reference.column('amount') as Float64Array
    const c = current.column('amount') as Float64Array
    const ks = amount?.statistics.ks
    const psi = amount?.statistics.psi
    const wasserstein = amount?.statistics.wasserstein
    expect(ks?.error).toBeCloseTo(0.033, 3)
    expect(Math.abs((ks?.value ?? 0) - ksTwoSample(r, c).statistic)).toBeLessThanOrEqual(ks?.error ?? 0)
    expect(Math.abs((psi?.value ?? 0) - populationStabilityIndex(r, c).statistic)).toBeLessThanOrEqual(psi?.error ?? 0)
    expect(Math.abs((wasserstein?.value ?? 0) - normedWasserstein(r, c))).toBeLessThanOrEqual(wasserstein?.error ?? 0)
    // The integer column has 8-9 distinct values: still exact.
    expect(result.features.find((entry) => entry.feature === 'items')?.statisticError).toBe(0)
  })

  it('merges shards into the profile of the concatenation (exact summaries: equal; moments to rounding)', async () => {
    const data = sample(30_000, 0, 'merge')
    const whole = profile(data, { exactLimit: 100_000 })
    const shards = [slice(data, 0, 7_000), slice(data, 7_000, 19_000), slice(data, 19_000, 30_000)].map((part) => profile(part, { exactLimit: 100_000 }))
    const merged = mergeProfiles(shards[2] as never, shards[0] as never, shards[1] as never)
    expect(merged.rows).toBe(30_000)
    expect(merged.columns.channel).toEqual(whole.columns.channel)
    expect(merged.columns.flag).toMatchObject({
      rows: 30_000,
      missing: (whole.columns.flag as { missing: number }).missing,
      summary: (whole.columns.flag as { summary: unknown }).summary,
    })
    const amount = merged.columns.amount
    const wholeAmount = whole.columns.amount
    if (amount?.kind !== 'numeric' || wholeAmount?.kind !== 'numeric') throw new Error('numeric expected')
    expect(amount.summary).toEqual(wholeAmount.summary)
    expect(amount.moments.mean).toBeCloseTo(wholeAmount.moments.mean, 10)
    expect(amount.moments.m2 / wholeAmount.moments.m2).toBeCloseTo(1, 10)
    const streamed = await profileStream([slice(data, 0, 10_000), slice(data, 10_000, 30_000)], { exactLimit: 100_000 })
    expect(streamed.columns.amount).toMatchObject({ summary: wholeAmount.summary, missing: wholeAmount.missing })
  })

  it('merges KLL shards within the error bound, and refuses profiles of other settings or columns', () => {
    const data = sample(40_000, 0, 'merge-kll')
    const merged = mergeProfiles(profile(slice(data, 0, 20_000), { k: 200 }), profile(slice(data, 20_000, 40_000), { k: 200 }))
    const exact = profile(data, { exactLimit: 100_000 })
    const drift = profileDrift(exact, merged, { features: ['amount'], methods: { amount: 'ks' } })
    // Same data on both sides: the exact KS distance is 0, so the estimate must be within the bound of 0.
    expect(drift.features[0]?.statistic).toBeLessThanOrEqual(drift.features[0]?.statisticError ?? 0)
    expect(() => mergeProfiles(profile(data, { k: 200 }), profile(data, { k: 400 }))).toThrow(
      /profiles built with the same settings \(k 200\), received k 400 in "merge-kll"\.\nHint:/,
    )
    expect(() => mergeProfiles(profile(data), profile(data, { columns: ['amount'] }))).toThrow(
      /profiles of the same columns \(amount, items, channel, flag\), received columns amount/,
    )
    expect(() => mergeProfiles(profile(data), profile(data, { categorical: ['items'] }))).toThrow(
      /column "items" of one kind in both profiles, received numeric and categorical/,
    )
  })

  it('survives JSON and rejects damaged or foreign JSON', () => {
    const original = profile(sample(5_000, 0, 'json'), { k: 64, exactLimit: 16 })
    const text = JSON.stringify(original)
    expect(parseProfile(text)).toEqual(original)
    expect(text.length).toBeLessThan(20_000)
    expect(() => parseProfile(text.slice(0, 100), 'june.json')).toThrow(/^parseProfile: expected JSON in june\.json/)
    expect(() => parseProfile('{"x": [1]}')).toThrow(/a profile \(format "vitest-ml\/profile"\) in the profile, received an object with keys x/)
    expect(() => parseProfile({ ...original, version: 2 })).toThrow(/profile format version 1, received 2/)
    const broken = { ...original, columns: { amount: { kind: 'numeric', moments: {} } } }
    expect(() => parseProfile(JSON.stringify(broken))).toThrow(/a numeric or categorical summary for column "amount"/)
  })

  it('counts missing and infinite values and flags verdicts the sketch error could flip', () => {
    const data = datasetFromColumns({ x: Float64Array.of(1, Number.NaN, Number.POSITIVE_INFINITY, 2, 3, 4, 5, 6) })
    const column = profile(data).columns.x
    expect(column).toMatchObject({ kind: 'numeric', rows: 8, missing: 1, nonFinite: 1, moments: { count: 6, mean: 3.5, min: 1, max: 6 } })
    const reference = sample(50_000, 0, 'close-ref')
    const current = sample(50_000, 0.055, 'close-cur')
    const result = profileDrift(profile(reference, { k: 64 }), profile(current, { k: 64 }), { features: ['amount'], thresholds: { wasserstein: 0.05 } })
    expect(result.warnings.join('\n')).toMatch(
      /amount: within the sketch error the wasserstein statistic lies in \[\S+, \S+\], on both sides of 0\.05: the verdict is not certain/,
    )
  })

  it('rejects a numeric column turning into text, and bad settings', async () => {
    await expect(profileStream([datasetFromColumns({ x: [1, 2] }), datasetFromColumns({ x: ['a', 'b'] })])).rejects.toThrow(
      /numbers in column "x" \(it held numbers in the first batch\), received text such as "a"\.\nHint: Pass `categorical: \['x'\]`/,
    )
    expect(() => profile(datasetFromColumns({ x: [1] }), { k: 2 })).toThrow(/`k` a whole number >= 8, received 2/)
    expect(() => profileDrift(profile(datasetFromColumns({ x: [1] })), profile(datasetFromColumns({ y: [1] })))).toThrow(
      /every compared column in the current profile, received no "x" \(it has y\)/,
    )
  })
})
