import { featureSchema } from './src/data/feature-schema.js'
import { categorical, numeric } from './src/data/feature-spec.js'
import { onnxModel } from './src/model/onnx-model.js'
import { outputRangeProbe } from './src/properties/output-range-probe.js'
import { runBatchedProperty } from './src/properties/run-batched-property.js'
import fc from 'fast-check'
const schema = featureSchema({
  island: categorical(['Biscoe', 'Dream', 'Torgersen']),
  beak_length_mm: numeric({ min: 32, max: 60 }), beak_depth_mm: numeric({ min: 13, max: 22 }),
  flipper_length_mm: numeric({ min: 170, max: 232 }), body_mass_g: numeric({ min: 2700, max: 6300 }),
  sex: categorical(['FEMALE', 'MALE']),
})
const model = await onnxModel('models/converters/penguins-pipeline-zipmap.onnx', { output: 'output_probability', batchSize: 8192 })
const probe = outputRangeProbe<number[]>({ probabilities: true })
for (let k = 0; k < 4; k++) {
  let s = performance.now()
  fc.sample(schema.records(), { seed: 2024, numRuns: 100000 })
  const sampleMs = performance.now() - s
  s = performance.now()
  await runBatchedProperty({ model, cases: schema.records(), probe, numRuns: 100000, seed: 2024 })
  console.log('sample', sampleMs.toFixed(0), 'ours total', (performance.now() - s).toFixed(0))
}
