import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../src/report/render-markdown.js'
import { sampleReport, sampleTests } from './sample-report.js'

describe('renderMarkdown', () => {
  it('leads with the verdict and lists why, the checklist and failed checks with replay commands', () => {
    const markdown = renderMarkdown(sampleReport())
    expect(markdown.split('\n').slice(0, 2)).toEqual(['<!-- vitest-ml run run-20260101-test -->', '## ❌ vitest-ml gate failed: vitest-ml report'])
    expect(markdown).toContain(
      '- **blocking** (test): test failed: test/drift.test.ts &gt; live data &gt; has not drifted: check holds although asserted with .not (high): "income has drifted"',
    )
    expect(markdown).toContain('_No gate file: nothing was required; the verdict rests on the run and its tests._')
    expect(markdown).toContain('| Beats the baseline (`baseline-improvement`) | ✅ passed |')
    expect(markdown).toContain("`npx vitest run test/drift.test.ts -t 'live data has not drifted'  # seed 42, 100 runs`")
  })

  it('reports a passing gate', () => {
    const tests = sampleTests().filter((test) => test.state === 'passed')
    expect(renderMarkdown(sampleReport({ tests })).split('\n')[1]).toBe('## ✅ vitest-ml gate passed: vitest-ml report')
  })

  it('escapes HTML and table syntax in titles', () => {
    const tests = sampleTests()
    const evil = { ...tests[1]!, checks: [{ ...tests[1]!.checks[0]!, title: '<img src=x onerror=alert(1)> | x\nnext' }] }
    const markdown = renderMarkdown(sampleReport({ tests: [evil] }))
    expect(markdown).not.toContain('<img')
    expect(markdown).toContain('&lt;img src=x onerror=alert(1)&gt; \\| x next')
  })
})
