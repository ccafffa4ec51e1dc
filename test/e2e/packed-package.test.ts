/**
 * The quick start on the packed tarball, in the root of the empty project packed-install.ts made: the install needs
 * nothing but the README's advice, the declarations type-check with `skipLibCheck: false`, the run passes, writes the
 * report and prints no warning of ours.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { warningLines } from './packed-command.js'
import { packedScenario, readJson, STRANGER_TSCONFIG } from './packed-project.js'

const quickStart = packedScenario('quick-start')
const { project } = quickStart

describe(`the packed package on Node ${project.node} + Vitest ${project.vitest} + TypeScript ${project.typescript}`, () => {
  test('installs without a warning about vitest-ml, onnxruntime-node or an unknown npm config', () => {
    expect(warningLines(project.installOutput).filter((line) => /vitest-ml|onnxruntime|config/i.test(line))).toEqual([])
  })

  test('ships every source file its source maps and declaration maps point at', () => {
    const installed = join(project.dir, 'node_modules/vitest-ml')
    const maps = readdirSync(join(installed, 'dist'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.map'))
    expect(maps.length).toBeGreaterThan(100)
    const missing = maps.flatMap((map) => {
      const { sources } = JSON.parse(readFileSync(join(installed, 'dist', map), 'utf8')) as { sources: string[] }
      return sources.map((source) => resolve(installed, 'dist', dirname(map), source)).filter((source) => !existsSync(source))
    })
    expect(missing.map((source) => relative(installed, source))).toEqual([])
  })

  test('type-checks the quick start against the installed declarations', { timeout: 300_000 }, async () => {
    quickStart.copyQuickStart()
    quickStart.write('tsconfig.json', STRANGER_TSCONFIG)
    await quickStart.tsc()
  })

  test('runs the quick start with mlTesting(), writes the report and prints no warning', { timeout: 300_000 }, async () => {
    quickStart.copyQuickStart()
    const run = await quickStart.vitest(['run'])
    expect(run.output).toMatch(new RegExp(`RUN\\s+v${project.vitest.replaceAll('.', '\\.')}`))
    expect(run.output).toMatch(/Tests\s+4 passed \(4\)/)
    expect(run.code).toBe(0)
    expect(warningLines(run.output)).toEqual([])
    expect(existsSync(join(quickStart.dir, 'reports/vitest-ml.json'))).toBe(true)
    const report = readJson<{ run: { vitestVersion: string }; checks: { kind: string }[] }>(quickStart, 'reports/vitest-ml.json')
    expect(report.run.vitestVersion).toBe(project.vitest)
    expect(report.checks.map((check) => check.kind).sort()).toEqual(['consistency', 'range', 'range', 'range', 'range'])
  })
})
