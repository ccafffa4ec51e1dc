import { GATE_CONFIG_SCHEMA } from '../checklist/gate-config.js'
import { READABLE_SCHEMA_VERSIONS } from './report.js'

const str = { type: 'string' } as const
const num = { type: 'number' } as const
const int = { type: 'integer', minimum: 0 } as const
const severity = { enum: ['high', 'medium', 'low'] } as const
const isoTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T' } as const
const strings = { type: 'array', items: str } as const
const obj = (required: string[], properties: Record<string, object>, additionalProperties = false): object => ({
  type: 'object',
  required,
  properties,
  additionalProperties,
})

const plot = obj(
  ['type', 'title', 'series'],
  {
    type: { enum: ['histogram-pair', 'line', 'reliability', 'histogram', 'bar'] },
    title: str,
    xLabel: str,
    yLabel: str,
    categories: { type: 'array', items: str },
    series: {
      type: 'array',
      items: obj(['name', 'points'], { name: str, points: { type: 'array', items: { type: 'array', items: num, minItems: 2, maxItems: 2 } } }),
    },
    markers: { type: 'array', items: obj(['x', 'label'], { x: num, label: str }) },
  },
  true,
)

const testState = { enum: ['passed', 'failed', 'skipped', 'pending'] } as const
const check = obj(
  [
    'id',
    'kind',
    'title',
    'passed',
    'severity',
    'checklist',
    'metrics',
    'anchor',
    'file',
    'test',
    'healthyForm',
    'outcome',
    'evidence',
    'testState',
    'replayCommand',
  ],
  {
    id: str,
    kind: str,
    title: str,
    passed: { type: 'boolean' },
    negated: { type: 'boolean' },
    severity,
    checklist: strings,
    model: obj(['name'], { name: str, sha256: str, version: str }),
    data: obj(['name', 'rows'], { name: str, rows: int, sha256: str }),
    metrics: { type: 'object', additionalProperties: num },
    counterexample: {},
    replay: obj(['seed', 'numRuns'], { seed: num, path: str, numRuns: int }),
    plots: { type: 'array', items: plot },
    message: str,
    warnings: strings,
    distribution: str,
    anchor: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
    file: str,
    test: str,
    healthyForm: { enum: ['positive', 'negated'] },
    outcome: { enum: ['passed', 'failed', 'expected-failure', 'demonstration'] },
    evidence: { type: 'boolean' },
    testState,
    replayCommand: str,
  },
  true,
)

const test = obj(['file', 'name', 'state', 'checks'], { file: str, name: str, state: testState, checks: strings, errors: strings })
const runError = obj(['origin', 'message'], { origin: { enum: ['unhandled', 'module', 'config'] }, message: str, file: str })

const attestation = obj(['file', 'owner', 'date'], { file: str, link: str, owner: str, date: str, maxAgeDays: int })

const checklistItem = obj(['id', 'label', 'description', 'phase', 'provedBy', 'status', 'required', 'checks'], {
  id: str,
  label: str,
  description: str,
  phase: { enum: ['before-deployment', 'after-deployment'] },
  provedBy: { enum: ['test', 'attestation', 'either'] },
  status: { enum: ['passed', 'failed', 'not-covered', 'attested'] },
  required: { type: 'boolean' },
  checks: strings,
  reason: str,
  attestation,
})

const section = { enum: ['data', 'model', 'infrastructure', 'monitoring'] } as const
const mlTestScore = obj(['items', 'sections', 'score', 'band'], {
  items: {
    type: 'array',
    minItems: 28,
    maxItems: 28,
    items: obj(['id', 'name', 'section', 'score', 'basis', 'checks'], {
      id: str,
      name: str,
      section,
      score: { enum: [0, 0.5, 1] },
      basis: { enum: ['automated', 'manual', 'none'] },
      checks: strings,
    }),
  },
  sections: { type: 'array', items: obj(['id', 'name', 'score'], { id: section, name: str, score: { type: 'number', minimum: 0, maximum: 7 } }) },
  score: { type: 'number', minimum: 0, maximum: 7 },
  band: str,
})

const reason = obj(['source', 'message'], {
  source: { enum: ['run', 'test', 'checklist', 'threshold', 'score', 'config', 'baseline'] },
  message: str,
  anchor: str,
})
const regression = obj(['metric', 'severity', 'status', 'margin'], {
  metric: str,
  severity,
  status: { enum: ['ok', 'regressed', 'not-compared', 'not-measured'] },
  baseCheck: obj(['id', 'title'], { id: str, title: str }),
  check: str,
  base: num,
  head: num,
  margin: num,
  gain: num,
  bound: num,
  basis: { enum: ['newcombe', 'identical', 'point'] },
})
const { $id: _gateId, ...gateConfig } = GATE_CONFIG_SCHEMA
const gate = obj(['passed', 'configured', 'failures', 'warnings', 'thresholds'], {
  passed: { type: 'boolean' },
  configured: { type: 'boolean' },
  config: gateConfig,
  failures: { type: 'array', items: reason },
  warnings: { type: 'array', items: reason },
  thresholds: {
    type: 'array',
    items: obj(['name', 'metric', 'severity', 'status', 'checks'], {
      name: str,
      metric: str,
      min: num,
      max: num,
      severity,
      status: { enum: ['ok', 'breached', 'not-measured'] },
      worst: num,
      checks: strings,
    }),
  },
  regressions: { type: 'array', items: regression },
})

const artifact = obj(['name'], { name: str, sha256: str, version: str })
const dataRef = obj(['name', 'rows'], { name: str, rows: int, sha256: str })
const baselineCheck = obj(['id', 'kind', 'title', 'file', 'test', 'severity', 'outcome', 'evidence', 'metrics'], {
  id: str,
  kind: str,
  title: str,
  file: str,
  test: str,
  negated: { type: 'boolean' },
  severity,
  outcome: { enum: ['passed', 'failed', 'expected-failure', 'demonstration'] },
  evidence: { type: 'boolean' },
  model: obj(['name'], { name: str, sha256: str }),
  data: dataRef,
  metrics: { type: 'object', additionalProperties: num },
})
const baseline = obj(['file', 'runId', 'digest', 'title', 'finishedAt', 'passed', 'checks', 'checklist', 'mlTestScore', 'models', 'data'], {
  file: str,
  runId: str,
  digest: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  title: str,
  finishedAt: isoTime,
  passed: { type: 'boolean' },
  gitCommit: str,
  package: obj(['name', 'version'], { name: str, version: str }),
  checks: { type: 'array', items: baselineCheck },
  checklist: { type: 'array', items: obj(['id', 'status'], { id: str, status: str }) },
  mlTestScore: obj(['score', 'sections'], { score: num, sections: { type: 'array', items: obj(['id', 'score'], { id: str, score: num }) } }),
  models: { type: 'array', items: artifact },
  data: { type: 'array', items: dataRef },
})

/** JSON Schema (draft-07) of `vitest-ml.json`, the report file (format versions 2 and 3; only 3 has a `baseline` or `profiles`). */
export const REPORT_SCHEMA: object = {
  $id: 'https://vitest-ml.dev/schemas/report.json',
  if: { properties: { schemaVersion: { const: 2 } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if / then keywords, not a thenable
  then: { not: { anyOf: [{ required: ['baseline'] }, { required: ['profiles'] }] } },
  ...obj(['schemaVersion', 'title', 'run', 'provenance', 'summary', 'tests', 'errors', 'checks', 'checklist', 'mlTestScore', 'gate', 'integrity'], {
    schemaVersion: { enum: [...READABLE_SCHEMA_VERSIONS] },
    title: str,
    run: obj(['id', 'status', 'startedAt', 'finishedAt', 'durationMs', 'vitestVersion', 'reason'], {
      id: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,80}$' },
      status: { enum: ['finished', 'running'] },
      startedAt: isoTime,
      finishedAt: isoTime,
      durationMs: { type: 'number', minimum: 0 },
      vitestVersion: str,
      reason: { enum: ['passed', 'failed', 'interrupted'] },
      configFile: str,
    }),
    provenance: obj(['models', 'data', 'seeds', 'node'], {
      models: { type: 'array', items: obj(['name'], { name: str, sha256: str, version: str }) },
      data: { type: 'array', items: obj(['name', 'rows'], { name: str, rows: int, sha256: str }) },
      seeds: { type: 'array', items: num },
      gitCommit: { type: 'string', pattern: '^[0-9a-f]{7,64}$' },
      package: obj(['name', 'version'], { name: str, version: str }),
      node: str,
      onnxruntime: str,
    }),
    summary: obj(['tests', 'checks', 'failedBySeverity', 'errors'], {
      tests: obj(['total', 'passed', 'failed', 'skipped', 'pending'], { total: int, passed: int, failed: int, skipped: int, pending: int }),
      checks: obj(['total', 'passed', 'failed', 'expectedFailures', 'demonstrations'], {
        total: int,
        passed: int,
        failed: int,
        expectedFailures: int,
        demonstrations: int,
      }),
      failedBySeverity: obj(['high', 'medium', 'low'], { high: int, medium: int, low: int }),
      errors: int,
    }),
    tests: { type: 'array', items: test },
    errors: { type: 'array', items: runError },
    checks: { type: 'array', items: check },
    checklist: { type: 'array', items: checklistItem },
    mlTestScore,
    gate,
    profiles: {
      type: 'object',
      additionalProperties: obj(['parts', 'sources', 'profile'], {
        parts: { type: 'integer', minimum: 1 },
        sources: strings,
        profile: { type: 'object', required: ['format', 'version', 'name', 'rows', 'columns'] },
      }),
    },
    baseline,
    integrity: obj(['algorithm', 'digest'], { algorithm: { const: 'sha256' }, digest: { type: 'string', pattern: '^[0-9a-f]{64}$' } }),
  }),
}
