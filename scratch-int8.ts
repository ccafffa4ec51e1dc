import { onnxModel } from './src/model/onnx-model.js'
import { converterFixture } from './test/support/converter-fixtures.js'
const f = converterFixture('digits-cnn-int8')
const m = await onnxModel<number[]>(f.path, { output: 'logits' })
const batched = await m.predict(f.rows)
let worst = 0, flips = 0
for (let i = 0; i < f.rows.length; i++) {
  const [alone] = await m.predict([f.rows[i]!])
  const d = Math.max(...alone!.map((v, j) => Math.abs(v - batched[i]![j]!)))
  worst = Math.max(worst, d)
  const am = (r: number[]) => r.indexOf(Math.max(...r))
  if (am(alone!) !== am(batched[i]!)) flips++
}
console.log('max |alone - batched|', worst, 'label flips', flips)
const f16 = converterFixture('digits-cnn-float16')
const m16 = await onnxModel<number[]>(f16.path, { output: 'logits' })
const b16 = await m16.predict(f16.rows)
let w16 = 0
for (let i = 0; i < 50; i++) { const [a] = await m16.predict([f16.rows[i]!]); w16 = Math.max(w16, ...a!.map((v, j) => Math.abs(v - b16[i]![j]!))) }
console.log('float16 max |alone - batched|', w16)
let lo = Infinity, hi = -Infinity
for (const r of b16) for (const v of r) { lo = Math.min(lo, v); hi = Math.max(hi, v) }
console.log('float16 logits range', lo, hi)
