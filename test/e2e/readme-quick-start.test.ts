/**
 * The README's quick start draws rows that are uniform over the ranges it states: each feature's histogram is flat
 * within sampling error (a chi-square test on 30,000 unbiased draws, the way statistical mode draws them). Its example
 * failure message is the one its code prints.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { stripVTControlCharacters } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { featureSchema } from '../../src/data/feature-schema.js'
import { integer, numeric } from '../../src/data/feature-spec.js'
import { functionModel } from '../../src/model/function-model.js'
import { chiSquareGoodnessOfFit } from '../../src/stats/chi-square-goodness-of-fit.js'
import { readmeQuickStart } from './readme-quick-start.js'

describe("the README quick start's rows", () => {
  const source = readmeQuickStart()['model.test.ts'] ?? ''
  const features = [...source.matchAll(/(\w+): (numeric|integer)\(\{ min: ([\d.e+-]+), max: ([\d.e+-]+) \}\)/g)].map((match) => ({
    name: match[1] as string,
    kind: match[2] as 'numeric' | 'integer',
    min: Number(match[3]),
    max: Number(match[4]),
  }))

  it('are built from a feature schema (not fc.double) and read as written', () => {
    expect(features.map((feature) => feature.name)).toEqual(['beakLengthMm', 'beakDepthMm', 'flipperLengthMm', 'bodyMassG', 'island'])
    expect(source).toContain('const rows = schema.arrays()')
    expect(source).not.toContain('fc.double')
  })

  it('are uniform over every stated range: ten equal bins (three values for the island code) hold equal shares', () => {
    const schema = featureSchema(
      Object.fromEntries(features.map((feature) => [feature.name, feature.kind === 'numeric' ? numeric(feature) : integer(feature)])),
    )
    const rows = fc.sample(fc.noBias(schema.arrays()), { seed: 2026, numRuns: 30_000 }) as number[][]
    features.forEach((feature, column) => {
      const bins = feature.kind === 'integer' ? feature.max - feature.min + 1 : 10
      const counts = new Array<number>(bins).fill(0)
      for (const row of rows) {
        const value = row[column] as number
        const bin =
          feature.kind === 'integer' ? value - feature.min : Math.min(bins - 1, Math.floor(((value - feature.min) / (feature.max - feature.min)) * bins))
        counts[bin]! += 1
      }
      expect(chiSquareGoodnessOfFit(counts).pValue, `${feature.name}: ${counts.join(', ')}`).toBeGreaterThan(0.001)
    })
  })
})

describe("the README's example failure", () => {
  const readme = readFileSync(fileURLToPath(new URL('../../README.md', import.meta.url)), 'utf8')
  const section = readme.slice(readme.indexOf('A failure says what broke'), readme.indexOf('Matchers that call a model are asynchronous'))
  const [code, printed] = [...section.matchAll(/```(?:ts)?\n([\s\S]*?)```/g)].map((match) => match[1] as string)

  it('is the message the README code really prints, line for line', async () => {
    // The README's code, run as written (its one type annotation removed, since it runs as JavaScript here).
    const run = new Function('expect', 'functionModel', 'featureSchema', 'numeric', `return (async () => {\n${(code ?? '').replace(': number[]', '')}\n})()`)
    const error = await run(expect, functionModel, featureSchema, numeric).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    )
    expect(error, 'the README example must fail').toBeInstanceOf(Error)
    const message = stripVTControlCharacters(error?.message ?? '')
    const body = message.slice(message.indexOf('doubled produced'))
    expect(body.trim()).toBe((printed ?? '').trim())
  })
})
