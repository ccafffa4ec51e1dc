import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../src/cli.js'
import { datasetFromRows } from '../../../src/data/dataset.js'
import { renderSuite } from '../../../src/init/render-suite.js'
import { suggestChecks } from '../../../src/init/suggest-checks.js'
import { type PenguinRow, penguinSplit, toCsv } from '../../support/penguin-csvs.js'
import { vegaJson } from '../../support/vega-data.js'

const dir = mkdtempSync(join(tmpdir(), 'vitest-ml-init-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const PIPELINE = 'models/converters/penguins-pipeline-zipmap.onnx'
const { train, test } = penguinSplit()

function cli(args: readonly string[]): Promise<{ code: number; text: string }> {
  const lines: string[] = []
  return runCli(args, { out: (text) => lines.push(text), err: (text) => lines.push(text) }).then((code) => ({ code, text: lines.join('\n') }))
}

describe('vitest-ml init: the command', () => {
  it('says what it needs, and will not overwrite a suite without --force', async () => {
    expect(await cli(['init', '--model', PIPELINE])).toEqual({
      code: 2,
      text: expect.stringMatching(/^vitest-ml init: expected --train, --test, --label\n\nUsage:\n {2}vitest-ml init --model MODEL\.onnx/),
    })
    expect((await cli(['init', '--nope'])).text).toMatch(/^vitest-ml init: Unknown option '--nope'/)
    writeFileSync(join(dir, 'model.test.ts'), '// mine')
    const refused = await cli(['init', '--model', PIPELINE, '--train', 'a.csv', '--test', 'b.csv', '--label', 'species', '--out', dir])
    expect(refused.code).toBe(1)
    expect(refused.text).toMatch(/model\.test\.ts already exists; pass --force to replace it\.$/)
    const unreadable = await cli(['init', '--model', PIPELINE, '--train', 'nowhere.csv', '--test', 'b.csv', '--label', 'species', '--out', dir, '--force'])
    expect(unreadable).toEqual({ code: 2, text: expect.stringMatching(/^readCsv: expected an existing file, received "nowhere\.csv" \(no such file\)\./) })
    expect(existsSync(join(dir, 'schema.json'))).toBe(false)
  })

  it('lists init in the help', async () => {
    expect((await cli(['--help'])).text).toContain('vitest-ml init --model MODEL.onnx --train TRAIN --test TEST --label COLUMN')
  })
})

describe('suggestChecks', () => {
  it('tolerates what the data already breaks, explicitly: a note in the contract, a warning, rows the model cannot take left out', async () => {
    // The test penguins plus the ones training dropped, as vega-datasets has them: a Sex of ".", missing fields.
    const raw = vegaJson('penguins.json').map((penguin) => ({
      species: penguin['Species'],
      island: penguin['Island'],
      beak_length_mm: penguin['Beak Length (mm)'],
      beak_depth_mm: penguin['Beak Depth (mm)'],
      flipper_length_mm: penguin['Flipper Length (mm)'],
      body_mass_g: penguin['Body Mass (g)'],
      sex: penguin['Sex'],
    })) as PenguinRow[]
    const dropped = raw.filter((row) => Object.values(row).some((value) => value === null) || row.sex === '.')
    const plan = await suggestChecks({ model: PIPELINE, train: datasetFromRows(train), test: datasetFromRows([...test, ...dropped]), label: 'species' })
    expect(plan.contract.columns['sex']).toMatchObject({
      maxUnseenShare: 0.0118,
      note: expect.stringMatching(
        /^vitest-ml init: test\.csv already had 1 of 85 values .*not in \["FEMALE", "MALE"\]: "\." x1; maxUnseenShare set to what was measured\. Review/,
      ),
    })
    expect(plan.warnings).toEqual([
      expect.stringMatching(
        /^test\.csv breaks the contract learned from train\.csv already: \[high\] sex missing-rate: missing share rose from 0 \(0 of 249 in training\) to 0\.1053 \(10 of 95\), Fisher exact p = 1\.80e-6/,
      ),
      'test.csv breaks the contract learned from train.csv already: [medium] sex unseen-category: 1 of 85 values (share 0.01176) not in ["FEMALE", "MALE"]: "." x1',
      '10 of 95 rows of test.csv lack the label or a model input: they are left out of the model checks',
    ])
    // A missing rate has no per-column allowance: the type is allowed in the call, and said so.
    expect(plan.checks[0]).toMatchObject({ kind: 'schema', options: { allow: ['missing-rate'] } })
    expect(plan.data.usableTestRows).toBe(85)
    expect(renderSuite(plan)).toContain(' * Found when the suite was written (and tolerated where the comments say so):\n *   - test.csv breaks the contract')
  })

  it('feeds a one-tensor model the named feature columns in order, and reads its classes as the sorted training labels', async () => {
    const code = { Biscoe: 0, Dream: 1, Torgersen: 2 } as Record<string, number>
    const numeric = (rows: readonly PenguinRow[]) =>
      rows.map((row) => ({
        beak_length: row.beak_length_mm,
        beak_depth: row.beak_depth_mm,
        flipper: row.flipper_length_mm,
        mass: row.body_mass_g,
        island: code[String(row.island)] ?? null,
        species: row.species,
      }))
    writeFileSync(join(dir, 'train.csv'), toCsv(numeric(train)))
    writeFileSync(join(dir, 'test.csv'), toCsv(numeric(test)))
    const plan = await suggestChecks({ model: 'models/penguins-mlp.onnx', train: join(dir, 'train.csv'), test: join(dir, 'test.csv'), label: 'species' })
    expect(plan.model).toMatchObject({
      feeding: 'array',
      features: ['beak_length', 'beak_depth', 'flipper', 'mass', 'island'],
      output: 'probabilities',
      probabilities: true,
    })
    expect(plan.data).toMatchObject({ classes: ['Adelie', 'Chinstrap', 'Gentoo'], classesFrom: 'training labels' })
    expect(plan.data.measured['accuracy']).toBeGreaterThan(0.95)
    expect(plan.warnings).toContain(
      'the model declares no class labels: its probability columns are read as the sorted training labels (Adelie, Chinstrap, Gentoo); check that order',
    )
    const suite = renderSuite(plan)
    expect(suite).toContain('const generated = schemaFromContract(contract, FEATURES).arrays()')
    expect(suite).toContain('const toInput = (row: DataRow): OnnxRow => FEATURES.map((name) => row[name])')
    // island is a number here: nothing to slice by.
    expect(plan.checks.map((check) => check.kind)).toEqual(['schema', 'hygiene', 'held-out', 'drift', 'range', 'consistency', 'baseline', 'calibration'])
    await expect(
      suggestChecks({ model: 'models/penguins-mlp.onnx', train: join(dir, 'train.csv'), test: join(dir, 'test.csv'), label: 'species', features: ['mass'] }),
    ).rejects.toThrow(
      /^vitest-ml init: expected 5 feature columns for the model's one input "features" \(shape \["N",5\]\), received 1 \(mass\)\.\nHint: Name them in order with `--features a,b,c`/,
    )
  })

  it('says which model input has no column', async () => {
    const renamed = datasetFromRows(train.map(({ island, ...rest }) => ({ ...rest, Island: island })))
    await expect(suggestChecks({ model: PIPELINE, train: renamed, test: renamed, label: 'species' })).rejects.toThrow(
      /^vitest-ml init: expected a data column for every model input \(.*\), received none for "island" \(columns: .*\)\.\nHint: Rename the columns/,
    )
  })
})
