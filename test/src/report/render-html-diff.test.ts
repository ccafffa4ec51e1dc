import { describe, expect, it } from 'vitest'
import { evaluateRegressions } from '../../../src/checklist/evaluate-regressions.js'
import { diffReports } from '../../../src/compare/diff-reports.js'
import { intervalText } from '../../../src/report/diff-text.js'
import { diffView } from '../../../src/report/diff-view.js'
import { renderHtml } from '../../../src/report/render-html.js'
import type { Report } from '../../../src/report/report.js'
import { snapshotReport } from '../../../src/report/snapshot-report.js'
import { releaseReport } from '../../support/release-reports.js'

const XSS = '<img src=x onerror=alert(1)>'
const gate = { noRegression: { metrics: ['accuracy', 'p99Ms'], margin: { accuracy: 0.05, p99Ms: 10 } } }
const base = releaseReport(0, { count: 2 })
const head = (options: { regressionAt?: number; renameAt?: number } = {}): Report =>
  releaseReport(1, { count: 2, gate, ...options }, { file: 'releases/v1.0.json', ...snapshotReport(base) })

describe('the HTML report with a base', () => {
  it('opens with what changed since the base: the regression with its interval, linked to its card, and the rule', async () => {
    const report = head({ regressionAt: 1 })
    const html = await renderHtml(report)
    const section = html.slice(html.indexOf('<section id="changes"'), html.indexOf('</section>', html.indexOf('<section id="changes"')))
    expect(html.indexOf('id="changes"')).toBeLessThan(html.indexOf('class="tiles"'))
    expect(section).toContain(`<h2>1 regression since credit-model (run ${base.run.id})</h2>`)
    // The rule's reason is at the top of the report, once.
    expect(html.match(/high no regression on accuracy/g)).toHaveLength(1)
    const accuracy = report.checks.find((check) => check.kind === 'baseline')!
    expect(section).toMatch(
      new RegExp(
        `<li><a href="#${accuracy.anchor}">accuracy regressed: &quot;credit\\.onnx beats majority on accuracy&quot; \\(test/credit\\.test\\.ts &gt; credit model &gt; beats the majority class\\): 0\\.\\d+ → 0\\.\\d+ \\(-0\\.\\d+; 90% interval \\[-0\\.\\d+, -0\\.\\d+\\] \\(Newcombe, 500 vs 500\\)\\): regressed</a></li>`,
      ),
    )
    expect(section).toContain('<span class="status regressed">regressed</span>')
    expect(section).toContain('<td>model</td><td>credit.onnx</td>')
  })

  it('says there is no regression when the head holds, and leaves the section out without a base', async () => {
    const clean = await renderHtml(head())
    expect(clean).toContain(`<h2>No regression since credit-model (run ${base.run.id})</h2>`)
    expect(await renderHtml(base)).not.toContain('id="changes"')
  })

  it('escapes titles from the base and the head', async () => {
    const hostile = { ...snapshotReport(base), title: XSS, checks: snapshotReport(base).checks.map((check) => ({ ...check, title: XSS })) }
    const html = await renderHtml(releaseReport(1, { count: 2 }, { file: XSS, ...hostile }))
    expect(html).not.toContain(XSS)
    expect(html).toContain('credit-model') // the head's title
    expect(html).toContain('&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt; (run ')
  })
})

describe('diffView', () => {
  it('lists a renamed test under its check, and counts only what changed', () => {
    const view = diffView(diffReports(snapshotReport(base), snapshotReport(head({ renameAt: 1 }))))
    expect(view.regressed).toBe(false)
    expect(view.counts).toEqual([{ kind: 'unchanged', label: 'unchanged', count: 3 }])
    expect(view.checks.map((line) => line.text)).toEqual([
      '"credit.onnx beats majority on accuracy" (test/credit.test.ts > credit model > outperforms the majority-class predictor) (test renamed or moved: was test/credit.test.ts > credit model > beats the majority class; matched by same kind, title, model and data)',
    ])
    expect(view.drift).toHaveLength(1)
    expect(view.drift[0]!.rows.map((row) => row.name)).toEqual(['driftShare', 'income.statistic', 'age.statistic', 'income.pValue', 'age.pValue'])
  })

  it('puts regressions first among metric rows and keeps demonstrations apart', () => {
    const view = diffView(diffReports(snapshotReport(base), snapshotReport(head({ regressionAt: 1 }))), { maxListed: 2 })
    expect(view.metrics.map((row) => row.judgement)[0]).toBe('regressed')
    expect(view.metrics).toHaveLength(2)
    expect(view.metricsOmitted).toBeGreaterThan(0)
  })

  it('states each rule comparison as the gate judged it, and links it to a card only where the page has cards', () => {
    const report = head({ regressionAt: 1 })
    const rules = evaluateRegressions(report.checks, report.baseline, gate)!.regressions
    const diff = diffReports(report.baseline!, snapshotReport(report))
    const standalone = diffView(diff, { rules })
    expect(standalone.rules.map((line) => line.text)).toEqual([
      expect.stringMatching(
        /^accuracy of "credit\.onnx beats majority on accuracy": 0\.\d+ → 0\.\d+, gain -0\.\d+; one-sided bound of the gain \(Newcombe interval, independent samples\) -0\.\d+ <= -margin -0\.05$/,
      ),
      expect.stringMatching(
        /^p99Ms of "credit\.onnx answers within budget": [\d.]+ → [\d.]+, gain [+-][\d.]+; gain \(no interval: the reports hold the two values only\) [-\d.]+ >= -margin -10$/,
      ),
    ])
    expect(standalone.rules.map((line) => line.status)).toEqual(['regressed', 'ok'])
    expect(standalone.rules.every((line) => line.anchor === undefined)).toBe(true)
    const anchors = new Map(snapshotReport(report).checks.map((check, index) => [check, report.checks[index]!.anchor]))
    const inReport = diffView(diffReports(report.baseline!, snapshotReport(report)), { rules, anchors })
    expect(inReport.rules.map((line) => line.anchor)).toEqual(rules.map((rule) => rule.check))
  })

  it('describes intervals by what they rest on', () => {
    expect(intervalText({ metric: 'p99Ms', base: 1, head: 2, delta: 1, judgement: 'worse' })).toBe('no interval: the reports hold the two values only')
    expect(
      intervalText({
        metric: 'rmse',
        base: 1,
        head: 1.5,
        delta: 0.5,
        judgement: 'regressed',
        interval: { low: 0.5, high: 0.5, level: 0.9, basis: 'identical' },
      }),
    ).toBe('exact: same model file and data')
    expect(
      intervalText({
        metric: 'accuracy',
        base: 0.9,
        head: 0.8,
        delta: -0.1,
        judgement: 'regressed',
        interval: { low: -0.18317, high: -0.01664, level: 0.9, basis: 'newcombe' },
        counts: { base: { successes: 90, trials: 100 }, head: { successes: 80, trials: 100 } },
      }),
    ).toBe('90% interval [-0.1832, -0.01664] (Newcombe, 100 vs 100)')
  })
})
