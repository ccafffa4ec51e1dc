import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs'
import { penguinSplit, toCsv } from './test/support/penguin-csvs.js'
import { runCli } from './src/cli.js'
const dir = 'test/e2e/.generated/manual'
mkdirSync(dir, { recursive: true })
const { train, test } = penguinSplit()
writeFileSync(`${dir}/train.csv`, toCsv(train)); writeFileSync(`${dir}/test.csv`, toCsv(test))
copyFileSync('models/converters/penguins-pipeline-zipmap.onnx', `${dir}/model.onnx`)
const t = performance.now()
const code = await runCli(['init', '--model', `${dir}/model.onnx`, '--train', `${dir}/train.csv`, '--test', `${dir}/test.csv`, '--label', 'species', '--out', dir, '--force'])
console.log(code, (performance.now() - t) / 1000)
