import { test } from 'vitest'
import { onnxModel } from '../../src/model/onnx-model.js'
import { findWeakSegments } from '../../src/evaluation/segments/find-weak-segments.js'
import { assessFairness } from '../../src/evaluation/fairness/assess-fairness.js'
import { assessCalibration } from '../../src/evaluation/calibration/assess-calibration.js'
import { loadSplit } from '../support/model-split.js'

test('try', async () => {
  const { classNames, test: held } = loadSplit('penguins-mlp')
  for (const name of ['penguins-mlp', 'penguins-logreg', 'penguins-weak']) {
    const model = await onnxModel(`models/${name}.onnx`, { output: 'probabilities' })
    const seg = await findWeakSegments(model, { data: held, rows: held.rows, classes: classNames, maxDrop: 0.1, minSize: 15 })
    console.log(name, 'overall', seg.overall, 'examined', seg.examined, 'tooSmall', seg.tooSmall, seg.features, seg.skippedFeatures)
    for (const s of seg.segments.slice(0, 4)) console.log('  ', s.rule, s.size, s.score.toFixed(3), s.pValue.toExponential(2), s.adjustedPValue.toExponential(2), s.weak, seg.interval(s))
    const fair = await assessFairness(model, 'Sex', { data: held, rows: held.rows, classes: classNames })
    console.log('  fair', fair.metric, fair.value, fair.low, fair.high, fair.groups.map((g) => [g.group, g.size, g.accuracy]), fair.smallGroups.map((g) => [g.group, g.size]), fair.strongestProxy, fair.proxies)
    const cal = await assessCalibration(model, { data: held, classes: classNames })
    console.log('  cal', cal.ece, cal.eceUpper, cal.eceQuantile, cal.maxCalibrationError, cal.brier, cal.classConfidence.map((c) => [c.label, c.rows, c.gap.toFixed(3), c.verdict]))
    await model.release()
  }
  const cars = loadSplit('cars-mpg')
  const reg = await onnxModel('models/cars-mpg.onnx', { output: 'prediction' })
  const seg = await findWeakSegments(reg, { data: { inputs: cars.test.inputs, labels: cars.test.labels.map(Number) }, rows: cars.test.rows, maxDrop: 1, features: ['Origin', 'Year', 'Cylinders', 'Weight_in_lbs'] })
  console.log('cars overall', seg.overall, 'examined', seg.examined, seg.tooSmall)
  for (const s of seg.segments.slice(0, 5)) console.log('  ', s.rule, s.size, s.score.toFixed(3), s.pValue.toExponential(2), s.adjustedPValue.toExponential(2), s.weak, seg.interval(s))
  await reg.release()
})
