import fc from 'fast-check'
import { featureSchema } from './src/data/feature-schema.js'
import { categorical, numeric } from './src/data/feature-spec.js'
import { onnxModel } from './src/model/onnx-model.js'
import { buildFeeds } from './src/model/onnx-feeds.js'
import { readOutputs } from './src/model/onnx-outputs.js'
import { outputRangeProbe } from './src/properties/output-range-probe.js'
const schema = featureSchema({
  island: categorical(['Biscoe', 'Dream', 'Torgersen']),
  beak_length_mm: numeric({ min: 32, max: 60 }), beak_depth_mm: numeric({ min: 13, max: 22 }),
  flipper_length_mm: numeric({ min: 170, max: 232 }), body_mass_g: numeric({ min: 2700, max: 6300 }),
  sex: categorical(['FEMALE', 'MALE']),
})
const model = await onnxModel('models/converters/penguins-pipeline-zipmap.onnx', { output: 'output_probability' })
const t = (label: string, f: () => unknown) => { const s = performance.now(); const r = f(); console.log(label, (performance.now() - s).toFixed(1), 'ms'); return r }
for (let k = 0; k < 3; k++) {
  const sample = t('sample', () => fc.sample(schema.records(), { seed: 2024, numRuns: 100000 })) as any[]
  t('feeds', () => { for (let s = 0; s < sample.length; s += 8192) buildFeeds(model.inputs, sample.slice(s, s + 8192), {}, 'm') })
  let outs: any[] = []
  const s0 = performance.now(); outs = await model.predict(sample); console.log('predict', (performance.now() - s0).toFixed(1))
  const probe = outputRangeProbe<number[]>({ probabilities: true })
  t('judge', () => { for (let i = 0; i < outs.length; i++) probe.judge(sample[i], [outs[i]]) })
}
