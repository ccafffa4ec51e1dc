import fc from 'fast-check'
import * as ort from 'onnxruntime-node'
import { featureSchema } from './src/data/feature-schema.js'
import { categorical, numeric } from './src/data/feature-spec.js'
import { onnxModel } from './src/model/onnx-model.js'
import { exposeGraphOutputs } from './src/model/expose-graph-outputs.js'
import { readFileSync } from 'node:fs'
const schema = featureSchema({
  island: categorical(['Biscoe', 'Dream', 'Torgersen']),
  beak_length_mm: numeric({ min: 32, max: 60 }), beak_depth_mm: numeric({ min: 13, max: 22 }),
  flipper_length_mm: numeric({ min: 170, max: 232 }), body_mass_g: numeric({ min: 2700, max: 6300 }),
  sex: categorical(['FEMALE', 'MALE']),
})
const model = await onnxModel('models/converters/penguins-pipeline-zipmap.onnx', { output: 'output_probability' })
const session = await ort.InferenceSession.create(exposeGraphOutputs(readFileSync('models/converters/penguins-pipeline-zipmap.onnx'), ['probabilities']))
const sample = fc.sample(schema.records(), { seed: 2024, numRuns: 100000 }) as any[]
const S = ['island', 'sex'], F = ['beak_length_mm', 'beak_depth_mm', 'flipper_length_mm', 'body_mass_g']
async function raw() { for (let s = 0; s < sample.length; s += 8192) { const c = sample.slice(s, s + 8192); const feeds: any = {}; for (const n of S) feeds[n] = new ort.Tensor('string', c.map((r) => r[n]), [c.length, 1]); for (const n of F) feeds[n] = new ort.Tensor('float32', Float32Array.from(c, (r) => r[n]), [c.length, 1]); await session.run(feeds, ['probabilities']) } }
async function ours() { await model.predict(sample) }
for (let k = 0; k < 5; k++) {
  let s = performance.now(); await raw(); const r = performance.now() - s
  s = performance.now(); await ours(); const o = performance.now() - s
  console.log('raw', r.toFixed(0), 'ours predict', o.toFixed(0), 'ratio', (o / r).toFixed(2))
}
