import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { CheckRecord } from '../record/check-record.js'
import type { Provenance } from './report.js'

/**
 * Collects what a report needs to be tied to exact artifacts: models and data (with hashes) and seeds from the
 * records, the git commit, the project's package name and version, and the Node and onnxruntime-node versions.
 * Every lookup is best-effort: a missing git or package.json leaves the field out.
 *
 * @param root - the project root
 * @param records - every record of the run
 * @returns the provenance block of the report
 * @example
 * ```ts
 * collectProvenance(process.cwd(), records).gitCommit // '3f2a9c1...'
 * ```
 */
export function collectProvenance(root: string, records: readonly CheckRecord[]): Provenance {
  const models = new Map<string, Provenance['models'][number]>()
  const data = new Map<string, Provenance['data'][number]>()
  const seeds = new Set<number>()
  for (const record of records) {
    if (record.model !== undefined) models.set(`${record.model.name}\0${record.model.sha256 ?? ''}`, { ...record.model })
    if (record.data !== undefined) data.set(`${record.data.name}\0${record.data.sha256 ?? ''}\0${record.data.rows}`, { ...record.data })
    if (record.replay !== undefined && Number.isFinite(record.replay.seed)) seeds.add(record.replay.seed)
  }
  const commit = gitCommit(root)
  const pkg = packageInfo(root)
  const onnxruntime = installedVersion(root, 'onnxruntime-node')
  return {
    models: [...models.values()].sort((left, right) => left.name.localeCompare(right.name)),
    data: [...data.values()].sort((left, right) => left.name.localeCompare(right.name)),
    seeds: [...seeds].sort((left, right) => left - right),
    ...(commit === undefined ? {} : { gitCommit: commit }),
    ...(pkg === undefined ? {} : { package: pkg }),
    node: process.version,
    ...(onnxruntime === undefined ? {} : { onnxruntime }),
  }
}

function gitCommit(root: string): string | undefined {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 })
    const commit = out.toString().trim()
    return /^[0-9a-f]{7,64}$/.test(commit) ? commit : undefined
  } catch {
    return undefined
  }
}

function packageInfo(root: string): { name: string; version: string } | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown }
    if (typeof parsed.name === 'string' && typeof parsed.version === 'string') return { name: parsed.name, version: parsed.version }
  } catch {
    // no package.json: leave it out
  }
  return undefined
}

function installedVersion(root: string, name: string): string | undefined {
  try {
    const require = createRequire(join(root, 'package.json'))
    const manifest = require(`${name}/package.json`) as { version?: unknown }
    return typeof manifest.version === 'string' ? manifest.version : undefined
  } catch {
    return undefined
  }
}
