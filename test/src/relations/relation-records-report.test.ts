import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { relationMatchers } from '../../../matchers/relations-index.js'
import { perturbUniform } from '../../../src/arbitraries/perturb-uniform.js'
import { functionModel } from '../../../src/model/function-model.js'
import { checksFromMeta } from '../../../src/record/check-record.js'
import { anyValueOf } from '../../../src/relations/transforms/any-value-of.js'
import { buildReport } from '../../../src/report/build-report.js'
import { renderPlotSvg } from '../../../src/report/render-plot-svg.js'
import { validateReport } from '../../../src/report/validate-report.js'

expect.extend(relationMatchers)

const unit = perturbUniform(0, 1)
const rows = fc.tuple(unit, unit, unit).map((row) => [...row])
const bumped = functionModel((row: number[]) => [(row[0] ?? 0) - ((row[0] ?? 0) >= 0.4 && (row[0] ?? 0) < 0.45 ? 0.2 : 0)], { name: 'bumped' })

describe('relation records in the report', () => {
  test('metamorphic, monotonicity and golden records validate against the report schema, and the sweep renders', async (context) => {
    await expect(bumped).not.toBeMonotonicIn(0, 'increasing', { inputs: rows, bounds: { min: 0, max: 1 }, seed: 1 })
    await expect(bumped).not.toBeInvariantUnder(anyValueOf(0, { min: 0, max: 1 }), { inputs: rows, seed: 1, maxViolationRate: 0.01 })
    await expect(bumped).toShiftOutput(1, 0.5, { inputs: rows, direction: 'up', atLeast: 0, seed: 1 })
    await expect(bumped).not.toPassGoldenCases([{ input: [0.42, 0, 0], min: 0.4 }])
    const checks = checksFromMeta(context.task.meta)
    expect(checks.map((check) => check.kind)).toEqual(['monotonicity', 'metamorphic', 'metamorphic', 'golden'])
    const report = buildReport({
      tests: [{ file: 'test/src/relations/relation-records-report.test.ts', fullName: 'relations', namePattern: 'relations', state: 'passed', checks }],
      run: {
        id: 'run-20260101-test',
        status: 'finished',
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:00:01.000Z',
        durationMs: 1000,
        vitestVersion: '4.1.0',
        reason: 'passed',
      },
      provenance: { models: [{ name: 'bumped' }], data: [], seeds: [1], node: process.version },
    })
    expect(() => validateReport(report)).not.toThrow()
    const plot = checks[0]?.plots?.[0]
    expect(plot?.markers?.map((marker) => marker.label)).toContain('violation')
    if (plot === undefined) throw new Error('no sweep plot recorded')
    expect(await renderPlotSvg(plot)).toMatch(/^<svg/)
  })
})
