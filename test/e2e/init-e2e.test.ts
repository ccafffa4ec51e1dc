/**
 * `vitest-ml init` end to end on a model and data nobody here wrote: the skl2onnx penguins pipeline (string and float
 * inputs by name, a ZipMap output) and CSVs of vega-datasets' penguins. The command writes a suite; Vitest runs it as
 * written in a project under test/e2e/.generated/ — green on the healthy model with the gate passed, red with clear
 * messages on a model whose classes were shuffled, and red with a one-line fix on a schema break and on a leak.
 *
 * The generated vitest.config.ts imports `vitest-ml/plugin`, which a user's install resolves; here the same config is
 * run with `vitest-ml` pointed at this repository's source (as the examples are), so everything else is as written.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli.js'
import { loadContract } from '../../src/data/contract-file.js'
import type { Report } from '../../src/report/report.js'
import { type PenguinRow, penguinSplit, toCsv } from '../support/penguin-csvs.js'
import { runFixture } from './run-fixture.js'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const dir = mkdtempSync(join(ROOT, 'test/e2e/.generated/init-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const { train, test } = penguinSplit()
const printed: string[] = []

/** Runs the generated suite as written, `vitest-ml` resolved to the source; returns Vitest's output and the report. */
async function runSuite(): Promise<{ code: number | null; output: string; report: Report }> {
  const config = readFileSync(join(dir, 'vitest.config.ts'), 'utf8')
    .replace("'vitest-ml/plugin'", JSON.stringify(join(ROOT, 'src/plugin.ts')))
    .replace(
      'export default defineConfig({',
      `export default defineConfig({\n  resolve: { alias: [{ find: /^vitest-ml$/, replacement: ${JSON.stringify(join(ROOT, 'src/index.ts'))} }] },`,
    )
  writeFileSync(join(dir, 'vitest.run.config.ts'), config)
  rmSync(join(dir, 'reports'), { recursive: true, force: true })
  const run = await runFixture(['run', '--config', 'vitest.run.config.ts'], {}, dir)
  return { ...run, report: JSON.parse(readFileSync(join(dir, 'reports/vitest-ml.json'), 'utf8')) as Report }
}

/** The pipeline with the class blocks of its LinearClassifier rotated: every probability lands on the wrong species. */
function classesShuffled(bytes: Buffer): Uint8Array {
  const { onnx } = createRequire(import.meta.url)('onnx-proto') as typeof import('onnx-proto')
  const model = onnx.ModelProto.decode(bytes)
  const classifier = model.graph?.node?.find((node) => node.opType === 'LinearClassifier')
  for (const attribute of classifier?.attribute ?? []) {
    const values = attribute.floats ?? []
    if (attribute.name === 'intercepts') attribute.floats = [...values.slice(1), ...values.slice(0, 1)]
    if (attribute.name === 'coefficients') {
      const width = values.length / 3
      attribute.floats = [...values.slice(width), ...values.slice(0, width)]
    }
  }
  return onnx.ModelProto.encode(model).finish()
}

beforeAll(async () => {
  writeFileSync(join(dir, 'train.csv'), toCsv(train))
  writeFileSync(join(dir, 'test.csv'), toCsv(test))
  copyFileSync(join(ROOT, 'models/converters/penguins-pipeline-zipmap.onnx'), join(dir, 'model.onnx'))
  const file = (name: string): string => join(dir, name)
  const code = await runCli(
    ['init', '--model', file('model.onnx'), '--train', file('train.csv'), '--test', file('test.csv'), '--label', 'species', '--out', dir],
    {
      out: (text) => printed.push(text),
      err: (text) => printed.push(text),
    },
  )
  expect(code, printed.join('\n')).toBe(0)
}, 120_000)

describe('vitest-ml init on the skl2onnx penguins pipeline and penguins CSVs', () => {
  it('writes a readable suite on the current API, a valid contract, a gate and a config with the gate', () => {
    const suite = readFileSync(join(dir, 'model.test.ts'), 'utf8')
    expect(suite).toContain("from 'vitest-ml'")
    expect(suite).toContain('const SEED = 2026')
    expect(suite).toContain("const FEATURES = ['island', 'beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g', 'sex']")
    expect(suite).toContain("const CLASSES = ['Adelie', 'Chinstrap', 'Gentoo']")
    for (const call of [
      'toMatchSchema(contract)',
      'toBeHygienic(',
      'toBeHeldOutFrom(trainSet',
      'not.toHaveDriftedFrom(trainSet',
      'toProduceOutputsInRange({ inputs: generated, probabilities: true, seed: SEED })',
      'toBeDeterministic(',
      "toBeatBaseline('majority'",
      "slices: ['island', 'sex']",
      'toBeCalibrated(',
    ]) {
      expect(suite).toContain(call)
    }
    // Every check carries a comment that says why, with the number it was derived from.
    expect(suite).toMatch(/\/\/ Worst slice when the suite was written: drop [\d.]+ from the overall accuracy [\d.]+\./)
    expect(suite).toMatch(/\/\/ When the suite was written: ECE [\d.]+, one-sided 95% bootstrap upper bound [\d.]+; maxEce = that bound \+ 0\.02/)
    expect(readFileSync(join(dir, 'vitest.config.ts'), 'utf8')).toContain("mlTesting({ report: { gate: 'gate.json' } })")
    const contract = loadContract(join(dir, 'schema.json'))
    expect(contract.columns['island']).toMatchObject({ kind: 'categorical', values: ['Biscoe', 'Dream', 'Torgersen'] })
    expect(contract.label).toBe('species')
    expect(JSON.parse(readFileSync(join(dir, 'gate.json'), 'utf8'))).toMatchObject({
      required: ['baseline-improvement', 'held-out-test', 'data-drift-weekly', 'review-false-positives-negatives'],
      thresholds: { accuracy: { severity: 'high', kinds: ['baseline'] } },
    })
    expect(printed.join('\n')).toMatch(/^vitest-ml init: wrote .*model\.test\.ts \(9 checks\)/)
  })

  it('runs green on the healthy model, and the gate passes', async () => {
    const { code, output, report } = await runSuite()
    expect(code, output).toBe(0)
    expect(output).toMatch(/Tests {2}9 passed \(9\)/)
    expect(report.gate.passed).toBe(true)
    expect(report.checks.map((check) => check.kind).sort()).toEqual([
      'baseline',
      'calibration',
      'consistency',
      'drift',
      'held-out',
      'hygiene',
      'range',
      'schema',
      'slices',
    ])
  }, 120_000)

  it('fails on a broken model (its classes shuffled) with the numbers in the messages, and the gate fails', async () => {
    writeFileSync(join(dir, 'model.onnx'), classesShuffled(readFileSync(join(ROOT, 'models/converters/penguins-pipeline-zipmap.onnx'))))
    try {
      const { code, output, report } = await runSuite()
      expect(code).toBe(1)
      // Every slice is equally bad, so the slices check (a drop from the overall) holds; the baseline, calibration and
      // the gate's accuracy floor catch it.
      expect(output).toMatch(/FAIL .*beats the majority baseline on test\.csv with 95% confidence/)
      expect(output).toMatch(/model\.onnx did not beat majority-class baseline on accuracy \(84 rows\):\n {2}accuracy: model 0\.0119 vs baseline 0\.4405/)
      expect(output).toMatch(/FAIL .*its probabilities mean what they say/)
      expect(output).toMatch(/model\.onnx is not calibrated: ECE [\d.]+ \(equal-width bins, 10\), one-sided 95% bias-corrected upper bound [\d.]+ > maxEce/)
      expect(output).toMatch(/Tests {2}2 failed \| 7 passed \(9\)/)
      expect(output).toMatch(/high threshold accuracy: accuracy = [\d.]+ < min 0\.9\d/)
      expect(report.gate.passed).toBe(false)
    } finally {
      copyFileSync(join(ROOT, 'models/converters/penguins-pipeline-zipmap.onnx'), join(dir, 'model.onnx'))
    }
  }, 120_000)

  it('fails on a schema break (body mass sent in kg) and on a leak (training rows in the test set), each with a one-line fix', async () => {
    const inKg = (row: PenguinRow): PenguinRow => ({ ...row, body_mass_g: Number(row.body_mass_g) / 1000 })
    writeFileSync(join(dir, 'test.csv'), toCsv([...test.map(inKg), ...train.slice(0, 20)]))
    try {
      const { code, output } = await runSuite()
      expect(code).toBe(1)
      expect(output).toMatch(/test\.csv breaks its data contract: \d+ anomal/)
      expect(output).toMatch(
        /\[high\] body_mass_g \(out-of-range\): 84 of 104 values \(share 0\.8077\) outside \[2700, 6300\]: 84 below min 2700 .*looks like a unit change \/ 1000 \(g -> kg, m -> km, ms -> s\).*\. Fix: convert "body_mass_g" back/,
      )
      expect(output).toMatch(/The test set is not held out from the training set:\n {2}exact duplicates: 20 of 104 test rows also in the 249 training rows/)
      expect(output).toMatch(/Fix: drop the test rows that are \(near\) copies of training rows, or split again so no record lands on both sides/)
    } finally {
      writeFileSync(join(dir, 'test.csv'), toCsv(test))
    }
  }, 120_000)
})
