import { readFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { FAIRNESS_METRICS } from '../../../../src/evaluation/fairness/fairness-metrics.js'
import { groupFairness, groupIndex } from '../../../../src/evaluation/fairness/group-fairness.js'

// Reference values: scripts/reference/segments_fairness_calibration_reference.py (Fairlearn's definitions in numpy).
const reference = JSON.parse(readFileSync('test/fixtures/reference/segments-fairness-calibration.json', 'utf8'))
const { fairlearnDocExample: doc, synthetic } = reference.fairness

describe('groupFairness: Fairlearn definitions', () => {
  test("the worked example of Fairlearn's user guide ('Common fairness metrics')", () => {
    const result = groupFairness(doc.yTrue, doc.yPred, { sensitiveFeatures: doc.sensitive })
    // fairlearn.metrics.demographic_parity_difference(y_true, y_pred, sensitive_features=sf_data) -> 0.25 (documented)
    expect(result.demographicParityDifference).toBeCloseTo(0.25, 12)
    // demographic_parity_ratio -> 0.66666... ; equalized_odds_difference -> 1.0 ; equalized_odds_ratio -> 0.0 (documented)
    expect(result.demographicParityRatio).toBeCloseTo(2 / 3, 12)
    expect(result.equalizedOddsDifference).toBe(1)
    expect(result.equalizedOddsRatio).toBe(0)
    expect(result.equalOpportunityDifference).toBeCloseTo(doc.numpy.equalOpportunityDifference, 12)
    expect(result.accuracyDifference).toBeCloseTo(doc.numpy.accuracyDifference, 12)
  })

  test.each(['bySex', 'byRegion', 'bySexAndRegion'] as const)('400 synthetic rows, %s: every metric and group rate matches numpy', (key) => {
    const expected = synthetic[key]
    const sensitive =
      key === 'bySex' ? synthetic.sex : key === 'byRegion' ? synthetic.region : synthetic.sex.map((sex: string, i: number) => `${sex} & ${synthetic.region[i]}`)
    const result = groupFairness(synthetic.yTrue, synthetic.yPred, { sensitiveFeatures: sensitive })
    for (const name of Object.keys(FAIRNESS_METRICS).filter((metric) => metric !== 'calibrationDifference')) {
      expect(result[name as keyof typeof FAIRNESS_METRICS]).toBeCloseTo(expected[name], 12)
    }
    for (const group of result.groups) {
      const row = expected.groups[group.group]
      expect(group.size).toBe(row.n)
      expect(group.selectionRate).toBeCloseTo(row.selectionRate, 12)
      expect(group.truePositiveRate).toBeCloseTo(row.tpr, 12)
      expect(group.falsePositiveRate).toBeCloseTo(row.fpr, 12)
    }
  })

  test('calibration difference: max - min of (mean score - observed positive rate) over groups', () => {
    const result = groupFairness(synthetic.yTrue, synthetic.yPred, { sensitiveFeatures: synthetic.sex, scores: synthetic.score })
    expect(result.calibrationDifference).toBeCloseTo(synthetic.calibrationDifference, 10)
  })

  test('three classes need a positive class', () => {
    expect(() => groupFairness(['a', 'b', 'c'], ['a', 'b', 'b'], { sensitiveFeatures: [1, 1, 2] })).toThrow(
      /groupFairness: expected two classes, or `positiveLabel`, received 3 classes/,
    )
    expect(groupFairness(['a', 'b', 'c'], ['a', 'b', 'b'], { sensitiveFeatures: [1, 1, 2], positiveLabel: 'b' }).demographicParityDifference).toBe(0.5) // selection 1/2 vs 1/1
  })

  test('groups: sorted names, missing values last', () => {
    expect(groupIndex(['b', null, 'a', 'b'])).toEqual({ group: Int32Array.from([1, 2, 0, 1]), names: ['a', 'b', 'missing'] })
  })
})
