import { describe, expect, test } from 'vitest'
import { functionModel } from '../../../src/model/function-model.js'
import { failureSnapshot } from '../../support/mask-message.js'
import { loadSplit } from '../../support/model-split.js'
import { type Applicant, applicantModel, applicants } from '../../support/planted-models.js'

// Whole failure messages of the evaluation matchers, pinned. The models are plain functions (no native runtime), the
// data the penguins split and seeded synthetic applicants; every seed is fixed.

const { classNames, train, test: held } = loadSplit('penguins-mlp')
const classes = [...classNames]
const oneHot = (label: string): number[] => classes.map((name) => (name === label ? 0.9 : 0.05))
/** A sound rule on flipper and beak length (accuracy 0.95 on the held-out rows). */
const byRule = functionModel((row: number[]) => oneHot((row[2] ?? 0) > 206 ? 'Gentoo' : (row[0] ?? 0) > 44 ? 'Chinstrap' : 'Adelie'), { name: 'by-rule' })
/** Body mass only: never says Chinstrap, so it fails on Dream (accuracy 0.72). */
const byMass = functionModel((row: number[]) => oneHot((row[3] ?? 0) > 4700 ? 'Gentoo' : 'Adelie'), { name: 'by-mass' })
const alwaysAdelie = functionModel(() => 'Adelie', { name: 'always-adelie' })
/** Training and held-out rows together: enough rows for a segment search to be confident. */
const everyPenguin = { inputs: [...train.inputs, ...held.inputs], labels: [...train.labels, ...held.labels] }
const everyRecord = [...train.rows, ...held.rows]
const slices = ['Island', 'Sex', { feature: 'Body Mass (g)', bins: 4 }] as const
const applicantData = applicants(2000, 'fairness-matcher')
/** The applicants' true probability pulled halfway to 0.5: right in ranking, under-confident in size. */
const underConfident = functionModel(
  (row: Applicant) => {
    const p = 1 / (1 + Math.exp(-(row.income - 60) / 8 - (row.tenure - 5) / 4))
    return 0.5 + (p - 0.5) / 2
  },
  { name: 'under-confident' },
)

describe('toBeatBaseline and toBeNoWorseThan messages', () => {
  test('toBeatBaseline: the model is the baseline', async () => {
    expect(
      await failureSnapshot(() =>
        expect(alwaysAdelie).toBeatBaseline('majority', { data: held, train: { labels: train.labels }, seed: 5, testSetUsage: false }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).toBeatBaseline(baseline)

      always-adelie did not beat majority-class baseline on accuracy (86 rows):
        accuracy: model 0.4419 vs baseline 0.4419 (higher is better)
        gain 0, relative gain 0 of the way to perfect
        90% paired bootstrap interval of the gain [0, 0], expected lower bound > minGain 0
        McNemar exact: model-only right 0, baseline-only right 0, one-sided p = 1, expected < 0.05
        test: paired bootstrap (2000 resamples, one-sided 0.95) + exact McNemar (one-sided)
        baseline: majority class "Adelie" (44.1% of 256 train labels)
      Replay: { seed: 5, resamples: 2000 }"
    `)
  })

  test('toBeatBaseline .not', async () => {
    expect(
      await failureSnapshot(() =>
        expect(byRule).not.toBeatBaseline('majority', { data: held, train: { labels: train.labels }, classes, seed: 1, testSetUsage: false }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toBeatBaseline(baseline)

      Expected by-rule not to beat majority-class baseline on accuracy, but it did:
        accuracy: model 0.9535 vs baseline 0.4419 (higher is better)
        gain 0.5116, relative gain 0.9167 of the way to perfect
        90% paired bootstrap interval of the gain [0.4186, 0.6047], expected lower bound > minGain 0
        McNemar exact: model-only right 46, baseline-only right 2, one-sided p = 4.18e-12, expected < 0.05
        test: paired bootstrap (2000 resamples, one-sided 0.95) + exact McNemar (one-sided)
        baseline: majority class "Adelie" (44.1% of 256 train labels)
      Replay: { seed: 1, resamples: 2000 }"
    `)
  })

  test('toBeNoWorseThan: a regression beyond the margin', async () => {
    expect(
      await failureSnapshot(() => expect(byMass).toBeNoWorseThan(byRule, { data: held, classes, margin: 0.02, seed: 2, testSetUsage: false })),
    ).toMatchInlineSnapshot(`
      "expect(model).toBeNoWorseThan(baseline)

      by-mass may be worse than by-rule on accuracy by more than the margin 0.02 (86 rows):
        accuracy: model 0.7209 vs baseline 0.9535 (higher is better)
        gain -0.2326, relative gain -5 of the way to perfect
        90% paired bootstrap interval of the gain [-0.314, -0.1512], expected lower bound > -margin -0.02
        test: paired bootstrap (2000 resamples, one-sided 0.95)
        baseline: previous model by-rule
      Replay: { seed: 2, resamples: 2000 }"
    `)
  })

  test('toBeNoWorseThan .not', async () => {
    expect(
      await failureSnapshot(() => expect(byRule).not.toBeNoWorseThan(byMass, { data: held, classes, margin: 0.02, seed: 3, testSetUsage: false })),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toBeNoWorseThan(baseline)

      Expected by-rule to be worse than by-mass on accuracy by more than 0.02, but it is no worse:
        accuracy: model 0.9535 vs baseline 0.7209 (higher is better)
        gain 0.2326, relative gain 0.8333 of the way to perfect
        90% paired bootstrap interval of the gain [0.1512, 0.314], expected lower bound > -margin -0.02
        test: paired bootstrap (2000 resamples, one-sided 0.95)
        baseline: previous model by-mass
      Replay: { seed: 3, resamples: 2000 }"
    `)
  })
})

describe('toBeHeldOutFrom messages', () => {
  test('training rows leaked into the test set', () => {
    const leaky = [...held.rows, train.rows[0], train.rows[1]]
    return expect(failureSnapshot(() => expect(leaky).toBeHeldOutFrom(train.rows))).resolves.toMatchInlineSnapshot(`
      "expect(test).toBeHeldOutFrom(train)

      The test set is not held out from the training set:
        exact duplicates: 2 of 88 test rows also in the 256 training rows (share 0.02273, expected <= 0)
        near duplicates: 0 of 88 test rows within 0.01 standard deviations of a training row (share 0, expected <= 0)
        examples:
          test row 86 {"Species":"Adelie","Island":"Torgersen","Beak Length (mm)":39.1,"Beak Depth (mm)":18.7,"Flipper Length (mm)":181,"Body Mass (g)":3750,"Sex":"MALE"} ~ train row 0 {"Species":"Adelie","Island":"Torgersen","Beak Length (mm)":39.1,"Beak Depth (mm)":18.7,"Flipper Length (mm)":181,"Body Mass (g)":3750,"Sex":"MALE"}
          test row 87 {"Species":"Adelie","Island":"Torgersen","Beak Length (mm)":36.7,"Beak Depth (mm)":19.3,"Flipper Length (mm)":193,"Body Mass (g)":3450,"Sex":"FEMALE"} ~ train row 1 {"Species":"Adelie","Island":"Torgersen","Beak Length (mm)":36.7,"Beak Depth (mm)":19.3,"Flipper Length (mm)":193,"Body Mass (g)":3450,"Sex":"FEMALE"}
        test set sha256 cb74903b2be70739…, train set sha256 493256ed025c7645…
      Fix: drop the test rows that are (near) copies of training rows, or split again so no record lands on both sides"
    `)
  })

  test('.not', () =>
    expect(failureSnapshot(() => expect(held.rows).not.toBeHeldOutFrom(train.rows))).resolves.toMatchInlineSnapshot(`
    "expect(test).not.toBeHeldOutFrom(train)

    Expected the test set to overlap the training set, but it is held out:
      exact duplicates: 0 of 86 test rows also in the 256 training rows (share 0, expected <= 0)
      near duplicates: 0 of 86 test rows within 0.01 standard deviations of a training row (share 0, expected <= 0)
      test set sha256 b437bdd889da9251…, train set sha256 493256ed025c7645…"
  `))
})

describe('toPerformOnAllSlices messages', () => {
  test('the weak slices listed worst first', async () => {
    expect(
      await failureSnapshot(() => expect(byMass).toPerformOnAllSlices({ data: held, rows: held.rows, slices: [...slices], classes, min: 0.9, maxListed: 4 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toPerformOnAllSlices(options)

      by-mass underperforms on 7 slices.
      Overall accuracy 0.7209 on 86 rows; 9 slices judged, 7 failing, 1 not judged (fewer than 10 rows or metric undefined).
      Worst slices:
        Island = Dream (n=26): accuracy 0.3462 (95% CI 0.1941-0.5378), drop 0.3748  <- below min 0.9
        Body Mass (g) = [4150, 4893.75) (n=23): accuracy 0.5652 (95% CI 0.3681-0.7437), drop 0.1557  <- below min 0.9
        Body Mass (g) = [3600, 4150) (n=22): accuracy 0.5909 (95% CI 0.3873-0.7674), drop 0.13  <- below min 0.9
        Sex = FEMALE (n=39): accuracy 0.641 (95% CI 0.4842-0.7726), drop 0.0799  <- below min 0.9
        ... and 6 more slices (raise maxListed to list them)"
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() => expect(byRule).not.toPerformOnAllSlices({ data: held, rows: held.rows, slices: ['Island'], classes, maxDrop: 0.2 })),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toPerformOnAllSlices(options)

      Expected by-rule to fail on some slice, but every judged slice cleared the bar.
      Overall accuracy 0.9535 on 86 rows; 3 slices judged, 0 failing.
      Worst slices:
        Island = Torgersen (n=18): accuracy 0.8889 (95% CI 0.672-0.969), drop 0.0646
        Island = Dream (n=26): accuracy 0.9615 (95% CI 0.8111-0.9932), drop -0.00805
        Island = Biscoe (n=42): accuracy 0.9762 (95% CI 0.8768-0.9958), drop -0.0227"
    `)
  })
})

describe('toKeepMisclassificationsWithin messages', () => {
  test('too many errors, and a class missed too often', async () => {
    expect(
      await failureSnapshot(() =>
        expect(byMass).toKeepMisclassificationsWithin({ data: held, classes, maxErrorShare: 0.05, maxFalseNegatives: { Chinstrap: 2 } }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).toKeepMisclassificationsWithin(options)

      by-mass misclassifies too often: 24 errors in 86 rows (share 0.2791, expected <= 0.05); too many false negatives for Chinstrap (17 > 2).
        Adelie: 24 false positives, 0 false negatives
        Chinstrap: 0 false positives, 17 false negatives; most confident miss: row 38 [46.5,17.9,192,3500,1] predicted Adelie (0.9)
        Gentoo: 0 false positives, 7 false negatives; most confident miss: row 55 [46.1,13.2,211,4500,0] predicted Adelie (0.9)"
    `)
  })

  test('.not', async () => {
    expect(await failureSnapshot(() => expect(byRule).not.toKeepMisclassificationsWithin({ data: held, classes, maxErrorShare: 0.1 }))).toMatchInlineSnapshot(`
      "expect(model).not.toKeepMisclassificationsWithin(options)

      Expected by-rule to exceed the misclassification limits, but it made 4 errors in 86 rows (share 0.04651 <= 0.1).
        Adelie: 1 false positives, 2 false negatives; most confident miss: row 7 [46,21.5,194,4200,2] predicted Chinstrap (0.9)
        Chinstrap: 3 false positives, 1 false negatives; most confident miss: row 47 [42.4,17.3,181,3600,1] predicted Adelie (0.9)
        Gentoo: 0 false positives, 1 false negatives; most confident miss: row 79 [48.4,14.4,203,4625,0] predicted Chinstrap (0.9)"
    `)
  })
})

describe('toHaveNoWeakSegments messages', () => {
  test('a weak island found among the segments', async () => {
    expect(
      await failureSnapshot(() => expect(byMass).toHaveNoWeakSegments({ data: everyPenguin, rows: everyRecord, classes, maxDrop: 0.1, maxListed: 3 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toHaveNoWeakSegments(options)

      by-mass is weak on 14 segments: accuracy more than 0.1 below the overall 0.6988 (bar 0.5988; Bonferroni over 135 segments examined, alpha 0.05).
      Searched Island, Beak Length (mm), Beak Depth (mm), Flipper Length (mm), Body Mass (g), Sex (single features and pairs); 135 segments of 20+ rows examined, 76 smaller ones not.
      Weakest segments:
        #1 Beak Length (mm) ≥ 48.5 and 3,550 ≤ Body Mass (g) < 4,050: accuracy 0 (95% CI 0-0.1611) vs 0.6988 overall, n = 20, adjusted p = 1.57e-6  <- weak
        #2 Beak Length (mm) ≥ 48.5 and Beak Depth (mm) ≥ 18.7: accuracy 0 (95% CI 0-0.1206) vs 0.6988 overall, n = 28, adjusted p = 1.06e-9  <- weak
        #3 Island = Dream and 44.5 ≤ Beak Length (mm) < 48.5: accuracy 0 (95% CI 0-0.1487) vs 0.6988 overall, n = 22, adjusted p = 2.53e-7  <- weak
        ... and 11 more weak segments (raise maxListed to list them)"
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() => expect(byRule).not.toHaveNoWeakSegments({ data: held, rows: held.rows, classes, maxDrop: 0.2, minSize: 15, maxListed: 2 })),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toHaveNoWeakSegments(options)

      Expected by-rule to have a weak segment, but no segment is confidently at accuracy more than 0.2 below the overall 0.9535 (bar 0.7535; Bonferroni over 31 segments examined, alpha 0.05).
      Searched Island, Beak Length (mm), Beak Depth (mm), Flipper Length (mm), Body Mass (g), Sex (single features and pairs); 31 segments of 15+ rows examined, 153 smaller ones not.
      Worst segments (none confidently weak):
        #1 45.4 ≤ Beak Length (mm) < 48.6: accuracy 0.8571 (95% CI 0.6536-0.9502) vs 0.9535 overall, n = 21, adjusted p = 1
        #2 4,150 ≤ Body Mass (g) < 4,890: accuracy 0.8696 (95% CI 0.6787-0.9546) vs 0.9535 overall, n = 23, adjusted p = 1"
    `)
  })
})

describe('toBeFairAcross messages', () => {
  test('a planted penalty on women: demographic parity', async () => {
    expect(
      await failureSnapshot(() => expect(applicantModel(0.35)).toBeFairAcross('sex', { data: applicantData, threshold: 0.5, max: 0.1 })),
    ).toMatchInlineSnapshot(`
      "expect(model).toBeFairAcross(attribute)

      applicants-unfair is unfair across sex: demographicParityDifference 0.1844, one-sided 95% lower bound 0.1495 > max 0.1 (90% bootstrap interval 0.1495-0.2184, resampled within each group).
      Groups of sex (positive class 1):
        female: n = 1003, selection rate 0.3161, accuracy 0.7836
        male: n = 997, selection rate 0.5005, accuracy 0.8636
      Calibration of P(1) by group: female ECE 0.2358 (mean score 0.2567 vs observed 0.4925); male ECE 0.02744 (mean score 0.4969 vs observed 0.4905).
      Replay: { seed: 42, resamples: 1000 }"
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() =>
        expect(applicantModel(0)).not.toBeFairAcross('sex', { data: applicantData, threshold: 0.5, metric: 'demographicParityRatio', min: 0.8 }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toBeFairAcross(attribute)

      Expected applicants-fair to be unfair across sex, but it is not confidently beyond the bar: demographicParityRatio 0.998, one-sided 95% upper bound 0.9979 >= min 0.8 (90% bootstrap interval 0.9151-0.9979, resampled within each group).
      Groups of sex (positive class 1):
        female: n = 1003, selection rate 0.5015, accuracy 0.8534
        male: n = 997, selection rate 0.5005, accuracy 0.8636
      Calibration of P(1) by group: female ECE 0.02358 (mean score 0.4941 vs observed 0.4925); male ECE 0.02744 (mean score 0.4969 vs observed 0.4905).
      Replay: { seed: 42, resamples: 1000 }"
    `)
  })
})

describe('toBeCalibrated messages', () => {
  test('an under-confident scorer', async () => {
    expect(await failureSnapshot(() => expect(underConfident).toBeCalibrated({ data: applicants(1000, 'calibration'), maxEce: 0.05 }))).toMatchInlineSnapshot(`
      "expect(model).toBeCalibrated(options)

      under-confident is not calibrated: ECE 0.1708 (equal-width bins, 10), one-sided 95% bias-corrected upper bound 0.1839 > maxEce 0.05.
      ECE equal-width 0.1708, equal-mass 0.1725; max calibration error 0.2372; measured on P(1) over 1000 rows.
      Brier 0.1398 = reliability 0.0353 - resolution 0.1437 + uncertainty 0.249 + within-bin -0.0008574.
      Per predicted class (Bonferroni over classes):
        0: n = 516, confidence 0.6854 vs accuracy 0.8721, gap -0.1867 (under-confident, adjusted p = 5.01e-20)
        1: n = 484, confidence 0.677 vs accuracy 0.8306, gap -0.1536 (under-confident, adjusted p = 5.26e-13)
      Replay: { seed: 42, resamples: 1000 }"
    `)
  })

  test('.not', async () => {
    expect(
      await failureSnapshot(() =>
        expect(applicantModel(0, 'calibrated')).not.toBeCalibrated({ data: applicants(4000, 'large'), maxEce: 0.08, strategy: 'quantile' }),
      ),
    ).toMatchInlineSnapshot(`
      "expect(model).not.toBeCalibrated(options)

      Expected calibrated to be miscalibrated, but ECE 0.007538 (equal-mass bins, 10), one-sided 95% bias-corrected upper bound 0.006769 <= maxEce 0.08.
      ECE equal-width 0.0088, equal-mass 0.007538; max calibration error 0.02614; measured on P(1) over 4000 rows.
      Brier 0.09932 = reliability 0.0002071 - resolution 0.1499 + uncertainty 0.2496 + within-bin -0.0005624.
      Per predicted class (Bonferroni over classes):
        0: n = 2101, confidence 0.8633 vs accuracy 0.8605, gap +0.002747 (consistent, adjusted p = 1)
        1: n = 1899, confidence 0.8558 vs accuracy 0.8562, gap -0.0004687 (consistent, adjusted p = 1)
      Replay: { seed: 42, resamples: 1000 }"
    `)
  })
})
