import { describe, expect, it } from 'vitest'
import { buildReport, type CollectedTest } from '../../../src/report/build-report.js'
import { renderHtml } from '../../../src/report/render-html.js'
import { record, sampleReport } from './sample-report.js'

const XSS = '<img src=x onerror=alert(1)>'

describe('renderHtml', () => {
  it('puts the verdict first and renders checklist, score, and a card per check with plot and replay', async () => {
    const html = await renderHtml(sampleReport())
    expect(html.indexOf('Gate failed: do not deploy')).toBeLessThan(html.indexOf('id="checklist"'))
    expect(html).toContain('id="ml-test-score"')
    // Each ML Test Score evidence link names its check on hover.
    expect(html).toMatch(
      /<code class="small">model-5<\/code> <a class="small" href="#c-[0-9a-f]+" title="credit\.onnx beats majority class">&#8599;<\/a><\/li>/,
    )
    expect(html.match(/<details class="card /g)).toHaveLength(4)
    expect(html).toContain('<figure class="plot"><svg')
    expect(html).toContain('&quot;income&quot;: 52000')
    expect(html).toContain('# seed 7, path &quot;3:1&quot;, 200 runs')
  })

  it('draws the plots of expected failures (demonstrations) before those of passing checks', async () => {
    const plot = (title: string) => [
      {
        type: 'line' as const,
        title,
        series: [
          {
            name: 's',
            points: [
              [0, 1],
              [1, 2],
            ] as [number, number][],
          },
        ],
      },
    ]
    const tests: CollectedTest[] = [
      {
        file: 'test/a.test.ts',
        fullName: 'passes',
        namePattern: 'passes',
        state: 'passed',
        checks: [record({ id: 'ok', kind: 'range', plots: plot('passing sweep') })],
      },
      {
        file: 'test/b.test.ts',
        fullName: 'demo',
        namePattern: 'demo',
        state: 'passed',
        checks: [record({ id: 'demo', kind: 'monotonicity', passed: false, plots: plot('caught violation') })],
      },
    ]
    const cards = (html: string) => html.split('<details class="card ').slice(1)
    const expectedCard = (html: string) => cards(html).find((card) => card.startsWith('expected-failure')) ?? ''
    const both = await renderHtml(sampleReport({ tests }))
    expect(expectedCard(both)).toContain('<figure class="plot"><svg')
    const one = await renderHtml(sampleReport({ tests }), { maxPlots: 1 })
    expect(expectedCard(one)).toContain('<figure class="plot"><svg')
    expect(cards(one).find((card) => card.startsWith('passed'))).toContain('1 plot(s) not drawn')
  })

  it('claims readiness only under a configured gate', async () => {
    const tests: CollectedTest[] = [
      {
        file: 'test/a.test.ts',
        fullName: 'ok',
        namePattern: 'ok',
        state: 'passed',
        checks: [record({ id: 'ok', kind: 'baseline', checklist: ['baseline-improvement'] })],
      },
    ]
    const headline = (html: string) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1]
    const unconfigured = await renderHtml(sampleReport({ tests }))
    expect(headline(unconfigured)).toBe('Gate passed, with no gate file: nothing was required')
    expect(unconfigured).toContain('1 of 1 tests and 1 evidence checks passed; set report.gate to name the required items and thresholds.')
    expect(headline(await renderHtml(sampleReport({ tests, gate: { required: ['baseline-improvement'] } })))).toBe('Gate passed: ready to deploy')
  })

  it('shows expected failures in their own collapsed section, apart from the passed checks', async () => {
    const tests: CollectedTest[] = [
      {
        file: 'test/a.test.ts',
        fullName: 'passes',
        namePattern: 'passes',
        state: 'passed',
        checks: [record({ id: 'ok', kind: 'range', title: 'outputs in range' })],
      },
      {
        file: 'test/a.test.ts',
        fullName: 'demo',
        namePattern: 'demo',
        state: 'passed',
        checks: [record({ id: 'demo', kind: 'monotonicity', passed: false, title: 'planted violation caught' })],
      },
    ]
    const html = await renderHtml(sampleReport({ tests }))
    const section = (id: string) => html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)))
    expect(html).toContain('<a href="#expected-failures">1 failed on purpose</a>')
    expect(section('expected-failures')).toMatch(/<h2>Expected failures <span class="count">1<\/span><\/h2>/)
    expect(section('expected-failures').match(/<details class="card expected-failure"[^>]*>/g)).toEqual([expect.not.stringContaining(' open')])
    expect(section('expected-failures')).toContain('planted violation caught')
    expect(section('passed-checks')).toContain('outputs in range')
    expect(section('passed-checks')).not.toContain('planted violation caught')
    expect(await renderHtml(sampleReport())).not.toContain('id="expected-failures"')
  })

  it('shows demonstrations apart, says they are not evidence, and lists failed tests without checks and errors outside tests', async () => {
    const tests: CollectedTest[] = [
      {
        file: 'test/a.test.ts',
        fullName: 'weak',
        namePattern: 'weak',
        state: 'passed',
        checks: [record({ id: 'w', kind: 'baseline', passed: false, negated: true, title: 'weak.onnx beats majority class' })],
      },
      { file: 'test/a.test.ts', fullName: 'loads', namePattern: 'loads', state: 'failed', checks: [], errors: ['ENOENT: model.onnx'] },
    ]
    const html = await renderHtml(sampleReport({ tests, errors: [{ origin: 'unhandled', message: 'Worker exited unexpectedly' }] }))
    const section = (id: string) => html.slice(html.indexOf(`<section id="${id}">`), html.indexOf('</section>', html.indexOf(`<section id="${id}">`)))
    expect(section('demonstrations')).toContain('weak.onnx beats majority class')
    expect(section('demonstrations')).toContain('Not evidence for the checklist (demonstration).')
    expect(section('passed-checks')).not.toContain('weak.onnx beats majority class')
    expect(section('failed-tests')).toContain('ENOENT: model.onnx')
    expect(section('run-errors')).toContain('Worker exited unexpectedly')
    expect(/<h1>([^<]*)<\/h1>/.exec(html)?.[1]).toBe('Gate failed: do not deploy')
  })

  it('clips huge counterexamples in the page (the JSON keeps them whole)', async () => {
    const tests: CollectedTest[] = [
      {
        file: 'test/x.test.ts',
        fullName: 'x',
        namePattern: 'x',
        state: 'failed',
        checks: [record({ id: 'big', kind: 'range', passed: false, counterexample: { rows: Array.from({ length: 5000 }, (_, index) => index) } })],
      },
    ]
    const html = await renderHtml(sampleReport({ tests }))
    expect(html).toMatch(/… \(\d+ more characters in vitest-ml\.json\)/)
  })

  it('is self-contained: no scripts, no external URLs, a CSP that forbids both', async () => {
    const html = await renderHtml(sampleReport())
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/(?:src|href)=["']?(?:https?:)?\/\//i)
    expect(html).toContain("default-src 'none'")
  })

  it('escapes every user-supplied string', async () => {
    const tests: CollectedTest[] = [
      {
        file: 'test/x.test.ts',
        fullName: XSS,
        namePattern: XSS,
        state: 'failed',
        checks: [
          record({
            id: XSS,
            kind: XSS,
            title: XSS,
            passed: false,
            message: XSS,
            warnings: [XSS],
            counterexample: { feature: XSS },
            metrics: { [XSS]: 1 },
            plots: [
              {
                type: 'line',
                title: XSS,
                series: [
                  {
                    name: XSS,
                    points: [
                      [0, 1],
                      [1, 2],
                    ],
                  },
                ],
                markers: [{ x: 0.5, label: XSS }],
              },
            ],
          }),
        ],
      },
    ]
    const html = await renderHtml(sampleReport({ tests }))
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;')
  })

  it('stays fast and light at 10,000 checks: passing checks collapsed, only failures open, plots capped', async () => {
    const tests: CollectedTest[] = Array.from({ length: 1000 }, (_, file) => ({
      file: `test/f${String(file).padStart(4, '0')}.test.ts`,
      fullName: 'suite > case',
      namePattern: 'suite case',
      state: file === 0 ? ('failed' as const) : ('passed' as const),
      checks: Array.from({ length: 10 }, (_, index) =>
        record({
          id: `range:${index}`,
          kind: 'range',
          passed: !(file === 0 && index < 3),
          metrics: { violationRate: index / 100, numRuns: 100 },
          ...(index === 0
            ? {
                plots: [
                  {
                    type: 'histogram' as const,
                    title: 'h',
                    series: [
                      {
                        name: 's',
                        points: [
                          [0, 1],
                          [1, 2],
                        ] as [number, number][],
                      },
                    ],
                  },
                ],
              }
            : {}),
        }),
      ),
    }))
    const report = buildReport({
      tests,
      run: {
        id: 'run-20260101-test',
        status: 'finished',
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:00:01.000Z',
        durationMs: 1000,
        vitestVersion: '4',
        reason: 'passed',
      },
      provenance: { models: [], data: [], seeds: [], node: 'v20' },
    })
    // Render time against the 2 s budget is measured by `npm run bench` (report-10k-render), not asserted with a timer.
    const html = await renderHtml(report, { maxPlots: 20 })
    expect(html.match(/<details class="card /g)).toHaveLength(10_000)
    expect(html.match(/<details class="card failed"[^>]* open>/g)).toHaveLength(3)
    expect(html.match(/<details class="card passed"[^>]* open>/g)).toBeNull()
    expect(html.match(/<figure class="plot">/g)).toHaveLength(20)
    expect(html.length).toBeLessThan(25_000_000)
  })
})
