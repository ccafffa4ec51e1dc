import { describe, expect, it } from 'vitest'
import type { Vitest } from 'vitest/node'
import { MlReporter } from '../../reporters/ml-reporter.js'
import { mlTesting } from '../../src/plugin.js'

type Hook = (context: { vitest: Vitest }) => void

function configure(plugin: ReturnType<typeof mlTesting>, reporters: unknown[]): void {
  const hook = plugin.configureVitest as unknown as Hook
  hook({ vitest: { config: { reporters } } as unknown as Vitest })
}

describe('mlTesting() reporter registration', () => {
  it('adds one vitest-ml reporter next to the configured ones, with the report options', async () => {
    const reporters: unknown[] = [
      ['default', {}],
      ['junit', { outputFile: 'junit.xml' }],
    ]
    const plugin = mlTesting({ report: { outputDir: 'out', gate: 'gate.json' } })
    configure(plugin, reporters)
    configure(plugin, reporters) // a second project with the same plugin
    expect(reporters).toHaveLength(3)
    const [path, options] = reporters[2] as [string, object]
    expect(path).toMatch(/reporters[\\/]ml-reporter\.ts$/)
    expect(options).toEqual({ outputDir: 'out', gate: 'gate.json' })
    expect(((await import(path)) as { default: unknown }).default).toBe(MlReporter)
  })

  it('does not add a second reporter when an MlReporter instance is already configured', () => {
    const reporters: unknown[] = [new MlReporter()]
    configure(mlTesting(), reporters)
    expect(reporters).toHaveLength(1)
  })

  it('adds nothing when the report is turned off, and keeps the setup file behaviour', () => {
    const reporters: unknown[] = [['blob', {}]]
    configure(mlTesting({ report: false }), reporters)
    expect(reporters).toEqual([['blob', {}]])
    const config = mlTesting().config as unknown as () => { test?: { setupFiles?: string[] } }
    expect(config().test?.setupFiles?.[0]).toMatch(/matchers[\\/]setup\.ts$/)
    const off = mlTesting({ matchers: false }).config as unknown as () => object
    expect(off()).toEqual({})
  })
})
