import { readFileSync } from 'node:fs'
import { metricDirection } from '../compare/metric-direction.js'
import { VitestMlError } from '../util/errors.js'
import { type SchemaValidator, schemaValidator } from '../util/schema-validator.js'
import { GATE_CONFIG_SCHEMA, type GateConfig } from './gate-config.js'

const HINT =
  'A gate file looks like {"required": ["held-out-test"], "thresholds": {"accuracy": {"min": 0.85, "severity": "high"}}, ' +
  '"attestations": {"rollback-procedure": {"file": "docs/rollback.md", "owner": "ml-platform", "date": "2026-01-15"}}}. ' +
  'Attestations are accepted only for items no test can prove (and for ML Test Score ids such as "data-5").'

let validator: SchemaValidator<GateConfig> | undefined

/**
 * Validates a parsed gate configuration.
 *
 * @param value - the parsed JSON (or an inline object from the plugin options)
 * @param subject - what to call it in errors, usually the file name
 * @returns the value, typed
 * @throws VitestMlError naming each offending field, such as `/thresholds/accuracy: missing field "severity"`
 */
export function validateGateConfig(value: unknown, subject = 'the gate configuration'): GateConfig {
  validator ??= schemaValidator<GateConfig>(GATE_CONFIG_SCHEMA, HINT)
  const config = validator.assert(value, 'validateGateConfig', subject)
  for (const [name, bound] of Object.entries(config.thresholds ?? {})) {
    if (bound.min !== undefined && bound.max !== undefined && bound.min > bound.max) {
      throw new VitestMlError(
        'validateGateConfig',
        `thresholds.${name}.min <= thresholds.${name}.max`,
        `min ${bound.min} > max ${bound.max}`,
        'Swap the bounds or drop one of them.',
      )
    }
  }
  const rule = config.noRegression
  for (const metric of rule?.metrics ?? []) {
    if (typeof rule!.margin === 'object' && !Object.hasOwn(rule!.margin, metric)) {
      throw new VitestMlError(
        'validateGateConfig',
        `a margin for every metric of noRegression.metrics in ${subject}`,
        `none for "${metric}" in noRegression.margin`,
        `Add "${metric}": <largest acceptable loss in ${metric} units> to noRegression.margin, or give one number for all.`,
      )
    }
    if (metricDirection(metric, rule!.directions) === undefined) {
      throw new VitestMlError(
        'validateGateConfig',
        `a metric whose better direction is known in noRegression.metrics of ${subject}`,
        `"${metric}"`,
        `Say which way is better: "directions": { "${metric}": "higher" } (or "lower").`,
      )
    }
  }
  return config
}

/**
 * Reads and validates a gate file (JSON).
 *
 * @param path - path of the file
 * @returns the validated configuration
 * @throws VitestMlError when the file is missing, is not JSON, or does not match the gate schema
 * @example
 * ```ts
 * const gate = loadGateConfig('gate.json') // { required: ['held-out-test'], thresholds: { ... } }
 * ```
 */
export function loadGateConfig(path: string): GateConfig {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new VitestMlError(
      'loadGateConfig',
      `a readable gate file at ${path}`,
      (cause as NodeJS.ErrnoException).code ?? 'an unreadable file',
      'Check the `report.gate` path; it is resolved from the project root.',
      { cause },
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (cause) {
    throw new VitestMlError(
      'loadGateConfig',
      `valid JSON in ${path}`,
      (cause as Error).message,
      'Fix the syntax (trailing commas and comments are not allowed in JSON).',
      { cause },
    )
  }
  return validateGateConfig(parsed, path)
}
