import { extname } from 'node:path'
import { formatNumber as num } from '../util/format-number.js'
import type { CheckPlan, PlannedCheck, PlanValue } from './check-plan.js'

/** The reader (and its options) a data file is opened with in the suite. */
function reader(file: string): { name: string; call: string } {
  const extension = extname(file).toLowerCase()
  const path = quote(file)
  if (extension === '.parquet') return { name: 'readParquet', call: `readParquet(${path})` }
  if (extension === '.arrow' || extension === '.feather') return { name: 'readArrow', call: `readArrow(${path})` }
  if (['.json', '.jsonl', '.ndjson'].includes(extension)) return { name: 'readJson', call: `readJson(${path})` }
  if (extension === '.tsv') return { name: 'readCsv', call: `readCsv(${path}, { delimiter: '\\t' })` }
  return { name: 'readCsv', call: `readCsv(${path})` }
}

const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`

/** A value as a TypeScript literal; the plan's seed, label and classes print as the suite's constants. */
function literal(value: PlanValue, plan: CheckPlan, key?: string): string {
  if (key === 'seed' && value === plan.seed) return 'SEED'
  if (key === 'label' && value === plan.data.label) return 'LABEL'
  if (typeof value === 'string') return quote(value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `[${value.map((item: PlanValue) => literal(item, plan)).join(', ')}]`
  const entries = Object.entries(value as Record<string, PlanValue>)
  return entries.length === 0
    ? '{}'
    : `{ ${entries.map(([name, item]) => `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name)}: ${literal(item, plan, name)}`).join(', ')} }`
}

/** The options object of a call: the suite's own fields first (`inputs`, `data`), then the plan's options. */
function options(check: PlannedCheck, plan: CheckPlan, leading: readonly string[] = []): string {
  const fields = [...leading, ...Object.entries(check.options).map(([name, value]) => `${name}: ${literal(value, plan, name)}`)]
  return fields.length === 0 ? '' : `{ ${fields.join(', ')} }`
}

function call(check: PlannedCheck, plan: CheckPlan): string {
  const classes = plan.data.classes === undefined ? [] : ['classes: CLASSES']
  const trailing = (text: string): string => (text === '' ? '' : `, ${text}`)
  switch (check.kind) {
    case 'schema':
      return `expect(testSet).toMatchSchema(contract${trailing(options(check, plan))})`
    case 'hygiene':
      return `expect(trainSet).toBeHygienic(${options(check, plan)})`
    case 'held-out':
      return `expect(testSet).toBeHeldOutFrom(trainSet${trailing(options(check, plan))})`
    case 'drift':
      return `expect(testSet).not.toHaveDriftedFrom(trainSet${trailing(options(check, plan))})`
    case 'range':
      return `await expect(model).toProduceOutputsInRange(${options(check, plan, ['inputs: generated'])})`
    case 'consistency':
      return `await expect(model).toBeDeterministic(${options(check, plan, ['inputs: generated'])})`
    case 'baseline':
      return `await expect(model).toBeatBaseline('${plan.data.task === 'classification' ? 'majority' : 'mean'}', ${options(check, plan, ['data: heldOut', 'train: { labels: trainLabels }', ...classes])})`
    case 'slices':
      return `await expect(model).toPerformOnAllSlices(${options(check, plan, ['data: heldOut', 'rows', ...classes])})`
    case 'calibration':
      return `await expect(model).toBeCalibrated(${options(check, plan, ['data: heldOut', ...classes])})`
  }
}

function block(check: PlannedCheck, plan: CheckPlan): string[] {
  const model = !['schema', 'hygiene', 'held-out', 'drift'].includes(check.kind)
  return [...check.why.map((line) => `  // ${line}`), `  test(${quote(check.title)}, ${model ? 'async ' : ''}() => {`, `    ${call(check, plan)}`, '  })', '']
}

/** Splits a long list into comment lines of at most 116 characters. */
function wrap(text: string, prefix: string): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(' ')) {
    if (line !== '' && prefix.length + line.length + word.length + 1 > 116) {
      lines.push(prefix + line)
      line = word
    } else line = line === '' ? word : `${line} ${word}`
  }
  return line === '' ? lines : [...lines, prefix + line]
}

/**
 * Writes the starting suite of a plan as a readable Vitest file: a header that says what was found and tolerated, the
 * constants (seed, label, inputs, classes), the data loaded once, then one test per check with the comment that says
 * why and where its threshold came from. It imports `vitest-ml` and uses the matchers' current options.
 *
 * @param plan - from `suggestChecks`
 * @returns the text of `model.test.ts`
 * @example
 * ```ts
 * writeFileSync('model.test.ts', renderSuite(await suggestChecks({ model: 'model.onnx', train: 'train.csv', test: 'test.csv', label: 'species' })))
 * ```
 */
export function renderSuite(plan: CheckPlan): string {
  const { files, data, model } = plan
  const records = model.feeding === 'records'
  const readers = [...new Set([reader(files.train).name, reader(files.test).name])]
  const imports = ['loadContract', 'onnxModel', ...readers, 'schemaFromContract'].sort()
  const measured = Object.entries(data.measured)
    .map(([name, value]) => `${name} ${num(value)}`)
    .join(', ')
  const inputs = model.inputs
    .map((input) => `${input.name} (${input.type} [${input.shape.map((dim) => (typeof dim === 'number' ? dim : dim === '' ? '?' : dim)).join(', ')}])`)
    .join(', ')
  const dataChecks = plan.checks.filter((check) => ['schema', 'hygiene', 'held-out', 'drift'].includes(check.kind))
  const modelChecks = plan.checks.filter((check) => !dataChecks.includes(check))
  const label = data.task === 'regression' ? `Number(row[LABEL])` : 'row[LABEL]'
  return [
    '/**',
    ` * Tests of ${files.model}, written by \`vitest-ml init\` from ${files.train} and ${files.test}. Edit freely: each check says`,
    ` * why it is there and where its threshold came from. The data contract is ${files.schema} and the release gate ${files.gate}.`,
    ' *',
    ` * Model: reads output "${model.output}"${model.probabilities ? ' (a probability row per input)' : ''}; fed ${records ? 'by name from the columns of the same names' : 'one row of the FEATURES columns in order'}:`,
    ...wrap(inputs, ' *   '),
    ` * Data: ${files.train} ${data.trainRows} rows, ${files.test} ${data.testRows} rows (${data.usableTestRows} with the label and every input), label "${data.label}" (${data.task}).`,
    ...(measured === '' ? [] : [` * Measured on ${files.test} when written: ${measured}.`]),
    ...(plan.warnings.length === 0
      ? []
      : [' *', ' * Found when the suite was written (and tolerated where the comments say so):', ...plan.warnings.map((warning) => ` *   - ${warning}`)]),
    ' */',
    "import { afterAll, beforeAll, describe, expect, test } from 'vitest'",
    `import { ${imports.join(', ')}, type DataRow, type Dataset, type OnnxModel, type OnnxRow } from 'vitest-ml'`,
    '',
    '/** Every generated case and bootstrap draws from this seed: the same seed gives the same run. */',
    `const SEED = ${plan.seed}`,
    `const LABEL = ${quote(data.label)}`,
    `/** The model's inputs: ${records ? 'columns of the data, fed by name' : 'columns of the data, fed in this order as one row'}. */`,
    `const FEATURES = [${model.features.map(quote).join(', ')}]`,
    ...(data.classes === undefined
      ? []
      : [
          `/** The class of each probability column (${data.classesFrom === 'model' ? 'declared by the model' : 'the sorted training labels: the model declares none; check the order'}). */`,
          `const CLASSES = [${data.classes.map((value) => (typeof value === 'string' ? quote(value) : String(value))).join(', ')}]`,
        ]),
    '',
    `/** What the data should look like, learned from ${files.train}: review it like code. */`,
    `const contract = loadContract(${quote(files.schema)})`,
    '/** Model inputs drawn uniformly from the ranges and values the training data had. */',
    `const generated = schemaFromContract(contract, FEATURES).${records ? 'records' : 'arrays'}()`,
    `const usable = (row: DataRow): boolean => [...FEATURES, LABEL].every((name) => row[name] !== null)`,
    `const toInput = (row: DataRow): OnnxRow => ${records ? 'Object.fromEntries(FEATURES.map((name) => [name, row[name]]))' : 'FEATURES.map((name) => row[name])'}`,
    '',
    'let model: OnnxModel',
    'let trainSet: Dataset',
    'let testSet: Dataset',
    '/** Test rows the model can take (the label and every input present), as inputs and labels. */',
    'let rows: DataRow[]',
    'let heldOut: { inputs: OnnxRow[]; labels: unknown[] }',
    'let trainLabels: unknown[]',
    '',
    'beforeAll(async () => {',
    `  model = await onnxModel(${quote(files.model)}, { output: ${quote(model.output)} })`,
    `  trainSet = await ${reader(files.train).call}`,
    `  testSet = await ${reader(files.test).call}`,
    '  rows = testSet.rows().filter(usable)',
    `  heldOut = { inputs: rows.map(toInput), labels: rows.map((row) => ${label}) }`,
    `  trainLabels = trainSet.rows().filter((row) => row[LABEL] !== null).map((row) => ${label})`,
    '})',
    'afterAll(() => model?.release())',
    '',
    `describe('the data', () => {`,
    ...dataChecks.flatMap((check) => block(check, plan)),
    '})',
    '',
    `describe(${quote(`the model ${files.model}`)}, () => {`,
    ...modelChecks.flatMap((check) => block(check, plan)),
    '})',
    '',
  ]
    .join('\n')
    .replace(/\n\n\}\)/g, '\n})')
}
