#!/usr/bin/env node
// Checks every fixture in models/converters/ with onnxruntime-node alone (no project code): loads the model, feeds its
// held-out rows (models/converters/<name>.rows.json), compares the outputs with the stored Python reference
// predictions, and prints a table. Exit code 1 on any mismatch, 0 otherwise.
//
//   node scripts/converters/verify.mjs                   check the models and the manifest's onnxruntime half
//   node scripts/converters/verify.mjs --write-manifest  also (re)write the manifest's onnxruntime half
//   node scripts/converters/verify.mjs --json            print the full per-model results as JSON after the table
//
// Inputs: float32 -> Float32Array, float16 -> Uint16Array of IEEE half bits (Node 20 has no Float16Array), strings ->
// new ort.Tensor('string', [...], dims). Models whose classifier ends in a ZipMap (output seq(map(...))): onnxruntime-
// node cannot return that output, so the script asks only for the label tensor (session.run(feeds, [label])), records
// the error of a run that asks for every output, and reads the probabilities from a second session on a copy of the
// model (edited in memory with the repo's onnx-proto) whose graph also outputs the ZipMap's input tensor.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import onnxProto from 'onnx-proto'
import * as ort from 'onnxruntime-node'

const { onnx } = onnxProto
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const manifestPath = join(root, 'models/converters/manifest.json')
const args = new Set(process.argv.slice(2))
const writeManifest = args.has('--write-manifest')
const printJson = args.has('--json')
const ortVersion = JSON.parse(readFileSync(join(root, 'node_modules/onnxruntime-node/package.json'), 'utf8')).version

const readJson = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'))
const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex')

// ---- float16 ---------------------------------------------------------------------------------------------------
const f32 = new Float32Array(1)
const u32 = new Uint32Array(f32.buffer)
/** IEEE 754 binary16 bits of a number, rounded to nearest even. */
function toHalfBits(value) {
  f32[0] = value
  const x = u32[0]
  const sign = (x >>> 16) & 0x8000
  const exp = (x >>> 23) & 0xff
  let mant = x & 0x7fffff
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0)
  const e = exp - 127 + 15
  if (e >= 0x1f) return sign | 0x7c00
  if (e <= 0) {
    if (e < -10) return sign
    mant |= 0x800000
    const shift = 14 - e
    const half = 1 << (shift - 1)
    let bits = mant >>> shift
    const rest = mant & ((1 << shift) - 1)
    if (rest > half || (rest === half && bits & 1)) bits += 1
    return sign | bits
  }
  let bits = (e << 10) | (mant >>> 13)
  const rest = mant & 0x1fff
  if (rest > 0x1000 || (rest === 0x1000 && bits & 1)) bits += 1
  return sign | bits
}
/** The number a binary16 bit pattern stands for. */
function fromHalfBits(h) {
  const sign = h & 0x8000 ? -1 : 1
  const exp = (h >>> 10) & 0x1f
  const mant = h & 0x3ff
  if (exp === 0) return sign * mant * 2 ** -24
  if (exp === 0x1f) return mant ? Number.NaN : sign * Number.POSITIVE_INFINITY
  return sign * (1 + mant / 1024) * 2 ** (exp - 15)
}
const numbersOf = (tensor) =>
  tensor.type === 'float16' && tensor.data instanceof Uint16Array ? Array.from(tensor.data, fromHalfBits) : Array.from(tensor.data, Number)

// ---- feeds -----------------------------------------------------------------------------------------------------
const sharedFeeds = new Map()
function dataOf(spec) {
  if (spec.data) return spec.data
  // digits-cnn-float16 / -int8 reuse the pixel values stored once in digits-cnn.rows.json
  if (!sharedFeeds.has(spec.data_from)) sharedFeeds.set(spec.data_from, Object.values(readJson(spec.data_from).feeds)[0].data)
  return sharedFeeds.get(spec.data_from)
}
function tensorOf(spec) {
  const data = dataOf(spec)
  switch (spec.type) {
    case 'float32':
      return new ort.Tensor('float32', Float32Array.from(data), spec.dims)
    case 'float16':
      return new ort.Tensor('float16', Uint16Array.from(data, toHalfBits), spec.dims)
    case 'string':
      return new ort.Tensor('string', data.map(String), spec.dims)
    default:
      throw new Error(`unsupported feed type ${spec.type}`)
  }
}
const feedsOf = (rows) => Object.fromEntries(Object.entries(rows.feeds).map(([name, spec]) => [name, tensorOf(spec)]))

// ---- a copy of the model that also outputs the ZipMap's input tensor ---------------------------------------------
function withZipMapInputAsOutput(bytes, classes) {
  const model = onnx.ModelProto.decode(bytes)
  const zipmaps = model.graph.node.filter((node) => node.opType === 'ZipMap')
  if (zipmaps.length !== 1) throw new Error(`expected one ZipMap node, found ${zipmaps.length}`)
  const tensorName = zipmaps[0].input[0]
  model.graph.output.push(
    onnx.ValueInfoProto.create({
      name: tensorName,
      type: { tensorType: { elemType: onnx.TensorProto.DataType.FLOAT, shape: { dim: [{ dimParam: 'N' }, { dimValue: classes }] } } },
    }),
  )
  return { tensorName, bytes: onnx.ModelProto.encode(model).finish() }
}

// ---- comparisons -----------------------------------------------------------------------------------------------
const argmax = (row) => row.reduce((best, v, i) => (v > row[best] ? i : best), 0)
function rowsOf(flat, width) {
  const out = []
  for (let i = 0; i < flat.length; i += width) out.push(flat.slice(i, i + width))
  return out
}
function compareMatrix(actual, expected, atol, rtol = 0) {
  let maxAbs = 0
  let bad = 0
  for (const [i, row] of expected.entries()) {
    for (const [j, e] of row.entries()) {
      const d = Math.abs(actual[i][j] - e)
      maxAbs = Math.max(maxAbs, d)
      if (!(d <= atol + rtol * Math.abs(e))) bad += 1
    }
  }
  return { maxAbs, bad }
}
const metadataOf = (list) => list.map((m) => (m.isTensor ? { name: m.name, isTensor: true, type: m.type, shape: m.shape } : { name: m.name, isTensor: false }))

// ---- one model ---------------------------------------------------------------------------------------------------
async function verify(entry) {
  const result = { name: entry.name, problems: [] }
  const bytes = readFileSync(join(root, entry.file))
  if (sha256(bytes) !== entry.sha256) result.problems.push(`sha256 of ${entry.file} differs from the manifest`)
  const rows = readJson(entry.test_rows)
  const reference = rows.reference
  let session
  try {
    session = await ort.InferenceSession.create(bytes)
  } catch (error) {
    result.loadError = error.message.trim()
    if (entry.expect_load_error_without_locale && /Failed to construct locale with name:en_US\.UTF-8/.test(error.message)) {
      result.status = `expected load failure (no ${entry.expect_load_error_without_locale} locale here)`
      return result
    }
    result.problems.push(`load failed: ${error.message.trim()}`)
    return result
  }
  result.load = 'ok'
  result.inputNames = [...session.inputNames]
  result.outputNames = [...session.outputNames]
  result.inputMetadata = metadataOf(session.inputMetadata)
  result.outputMetadata = metadataOf(session.outputMetadata)
  const feeds = feedsOf(rows)
  const truth = rows.truth
  let predicted

  if (reference.scores) {
    // one score tensor (logits): argmax is the class
    const { output, values, atol, rtol = 0 } = reference.scores
    const out = (await session.run(feeds, [output]))[output]
    result.outputDims = { [output]: out.dims }
    const width = values[0].length
    const actual = rowsOf(numbersOf(out), width)
    const { maxAbs, bad } = compareMatrix(actual, values, atol, rtol)
    result.maxAbsDiff = maxAbs
    if (bad) result.problems.push(`${bad} ${output} values outside atol ${atol} rtol ${rtol} (max |diff| ${maxAbs})`)
    predicted = actual.map(argmax)
    const refLabels = values.map(argmax)
    let nearTies = 0
    predicted.forEach((p, i) => {
      if (p === refLabels[i]) return
      const sorted = [...values[i]].sort((a, b) => b - a)
      if (sorted[0] - sorted[1] <= 2 * (atol + rtol * Math.abs(sorted[0]))) nearTies += 1
      else result.problems.push(`row ${i}: argmax ${p} but reference ${refLabels[i]}`)
    })
    result.labelAgreement = predicted.filter((p, i) => p === refLabels[i]).length / predicted.length
    if (nearTies) result.nearTies = nearTies
  } else {
    const label = reference.label.output
    const probs = reference.probabilities
    let probabilities
    if (probs.zipmap) {
      // what a caller gets: the label tensor only
      const labelOnly = await session.run(feeds, [label])
      predicted = Array.from(labelOnly[label].data, (v) => (typeof v === 'bigint' ? Number(v) : v))
      result.outputDims = { [label]: labelOnly[label].dims }
      result.labelType = labelOnly[label].type
      try {
        await session.run(feeds)
        result.runAllOutputs = 'ok'
      } catch (error) {
        result.runAllOutputs = `${error.constructor.name}: ${error.message.trim()}`
      }
      try {
        await session.run(feeds, [probs.output])
        result.runZipMapOutput = 'ok'
      } catch (error) {
        result.runZipMapOutput = `${error.constructor.name}: ${error.message.trim()}`
      }
      const edited = withZipMapInputAsOutput(bytes, probs.classes.length)
      if (edited.tensorName !== probs.tensor) result.problems.push(`ZipMap input is ${edited.tensorName}, rows file says ${probs.tensor}`)
      const probe = await ort.InferenceSession.create(edited.bytes)
      const out = await probe.run(feeds, [label, edited.tensorName])
      probabilities = rowsOf(numbersOf(out[edited.tensorName]), probs.classes.length)
      result.zipmapInputTensor = edited.tensorName
      const again = Array.from(out[label].data, (v) => (typeof v === 'bigint' ? Number(v) : v))
      if (again.some((v, i) => v !== predicted[i])) result.problems.push('label differs between the two sessions')
    } else {
      const out = await session.run(feeds, [label, probs.output])
      predicted = Array.from(out[label].data, (v) => (typeof v === 'bigint' ? Number(v) : v))
      result.outputDims = { [label]: out[label].dims, [probs.output]: out[probs.output].dims }
      result.labelType = out[label].type
      probabilities = rowsOf(numbersOf(out[probs.output]), probs.classes.length)
    }
    const { maxAbs, bad } = compareMatrix(probabilities, probs.values, probs.atol)
    result.maxAbsDiff = maxAbs
    if (bad) result.problems.push(`${bad} probabilities outside atol ${probs.atol} (max |diff| ${maxAbs})`)
    const mismatches = predicted.filter((p, i) => p !== reference.label.values[i]).length
    result.labelAgreement = 1 - mismatches / predicted.length
    if (mismatches) result.problems.push(`${mismatches} labels differ from the reference`)
  }
  result.accuracy = predicted.filter((p, i) => p === truth[i]).length / truth.length
  // equal accuracies follow from equal labels; only near-ties of a score reference may move it
  if (Math.abs(result.accuracy - entry.accuracy.python) > 1e-12 && !result.nearTies) {
    result.problems.push(`onnxruntime accuracy ${result.accuracy} != Python reference accuracy ${entry.accuracy.python}`)
  }

  // probes of behaviour a loader has to handle
  if (rows.feeds.text) {
    const spec = rows.feeds.text
    try {
      await session.run({ text: new ort.Tensor('string', spec.data.slice(0, 2), [2]) }, [reference.label.output])
      result.rank1StringFeed = 'ok'
    } catch (error) {
      result.rank1StringFeed = `${error.constructor.name}: ${error.message.trim()}`
    }
  }
  const halfInput = session.inputMetadata.find((m) => m.isTensor && m.type === 'float16')
  if (halfInput) {
    const dims = rows.feeds[halfInput.name].dims.map((d, i) => (i === 0 ? 1 : d))
    const count = dims.reduce((a, b) => a * b, 1)
    try {
      await session.run({ [halfInput.name]: new ort.Tensor('float32', new Float32Array(count), dims) })
      result.float32FeedToFloat16Input = 'ok'
    } catch (error) {
      result.float32FeedToFloat16Input = `${error.constructor.name}: ${error.message.trim()}`
    }
  }
  result.status = result.problems.length ? 'MISMATCH' : 'ok'
  return result
}

// ---- manifest half written by this script -------------------------------------------------------------------------
function runtimeBlock(result) {
  if (result.load !== 'ok') {
    return { version: ortVersion, load: `error on the machine that wrote this: ${result.loadError}` }
  }
  const block = {
    version: ortVersion,
    load: 'ok',
    inputNames: result.inputNames,
    outputNames: result.outputNames,
    inputMetadata: result.inputMetadata,
    outputMetadata: result.outputMetadata,
    accuracy: result.accuracy,
    labelAgreementWithPython: result.labelAgreement,
    maxAbsDiffFromPython: Number(result.maxAbsDiff.toPrecision(3)),
  }
  if (result.runAllOutputs) {
    block.zipmap = {
      runWithAllOutputs: result.runAllOutputs,
      runWithZipMapOutputOnly: result.runZipMapOutput,
      workaround: `session.run(feeds, ['${result.outputNames[0]}']) for the label; the probabilities are the ZipMap's input tensor '${result.zipmapInputTensor}', reachable only by adding it to the graph outputs`,
    }
  }
  if (result.rank1StringFeed) block.rank1StringFeed = result.rank1StringFeed
  if (result.float32FeedToFloat16Input) block.float32FeedToFloat16Input = result.float32FeedToFloat16Input
  return block
}
const stable = (block) => JSON.stringify(block?.load === 'ok' ? { ...block, maxAbsDiffFromPython: undefined, version: undefined } : { load: 'not ok' })

// ---- main ----------------------------------------------------------------------------------------------------------
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
const results = []
for (const entry of manifest.models) {
  let result
  try {
    result = await verify(entry)
  } catch (error) {
    result = { name: entry.name, status: 'ERROR', problems: [error.stack] }
  }
  // the default-locale text model loads or not depending on the machine's locales: its block is informative only
  if (result.status === 'ok' && !writeManifest && !entry.expect_load_error_without_locale) {
    const fresh = runtimeBlock(result)
    if (!entry.onnxruntime) result.problems.push('manifest has no onnxruntime block: run with --write-manifest')
    else if (stable(entry.onnxruntime) !== stable(fresh)) result.problems.push('manifest onnxruntime block is stale: run with --write-manifest')
    if (result.problems.length) result.status = 'MISMATCH'
  }
  if (writeManifest && (result.status === 'ok' || result.status?.startsWith('expected'))) entry.onnxruntime = runtimeBlock(result)
  results.push(result)
}

const pad = (text, width) => String(text).padEnd(width)
const fmt = (v) => (v === undefined ? '-' : typeof v === 'number' ? v.toFixed(4) : v)
const header = ['model', 'load', 'rows', 'label agree', 'max |diff|', 'acc python', 'acc ort', 'status']
const widths = [38, 5, 5, 12, 11, 11, 8, 10]
console.log(`onnxruntime-node ${ortVersion}`)
console.log(header.map((h, i) => pad(h, widths[i])).join(' '))
for (const r of results) {
  const entry = manifest.models.find((m) => m.name === r.name)
  const rowCount = readJson(entry.test_rows).rows
  const cells = [
    r.name,
    r.load ?? 'FAIL',
    rowCount,
    fmt(r.labelAgreement),
    r.maxAbsDiff === undefined ? '-' : r.maxAbsDiff.toExponential(2),
    fmt(entry.accuracy.python),
    fmt(r.accuracy),
    r.status,
  ]
  console.log(cells.map((c, i) => pad(c, widths[i])).join(' '))
  for (const problem of r.problems) console.log(`    ! ${problem}`)
}
const zipmapNote = results.find((r) => r.runAllOutputs)
if (zipmapNote) {
  console.log(`\nZipMap outputs: session.run(feeds) -> ${zipmapNote.runAllOutputs}`)
  console.log(`                session.run(feeds, ['output_probability']) -> ${zipmapNote.runZipMapOutput}`)
}
const rankNote = results.find((r) => r.rank1StringFeed)
if (rankNote) console.log(`String input fed as [N] instead of [N, 1]: ${rankNote.rank1StringFeed}`)
const halfNote = results.find((r) => r.float32FeedToFloat16Input)
if (halfNote) console.log(`float32 tensor fed to the float16 input: ${halfNote.float32FeedToFloat16Input}`)
const localeNote = results.find((r) => r.loadError)
if (localeNote) console.log(`${localeNote.name}: ${localeNote.status}\n    ${localeNote.loadError.split('\n')[0]}`)
if (printJson) console.log(JSON.stringify(results, null, 2))

if (writeManifest) {
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  console.log(`\nwrote the onnxruntime half of ${manifestPath.slice(root.length + 1)}`)
}
const failed = results.filter((r) => !(r.status === 'ok' || r.status?.startsWith('expected')))
console.log(`\n${results.length - failed.length} passed, ${failed.length} failed`)
process.exit(failed.length ? 1 : 0)
