import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type BrowserContext, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport } from '../../src/report/build-report.js'
import { renderHtml } from '../../src/report/render-html.js'
import { writeAtomically } from '../../src/util/write-atomically.js'
import { record } from '../src/report/sample-report.js'
import { runFixture } from './run-fixture.js'

const CHROMIUM = '/usr/bin/chromium'
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
const XSS = '<img src=x onerror=alert(1)>'

describe.runIf(existsSync(CHROMIUM))('the HTML report in a real browser', () => {
  const out = mkdtempSync(join(tmpdir(), 'vitest-ml-browser-'))
  let context: BrowserContext
  const dialogs: string[] = []
  const requests: string[] = []

  beforeAll(async () => {
    await runFixture(['run'], { VITEST_ML_OUT: out, VITEST_ML_GATE: 'gate-strict.json' })
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'vitest-ml-chromium-')), {
      executablePath: CHROMIUM,
      args: ARGS,
      headless: true,
      viewport: { width: 1200, height: 1000 },
      offline: true,
    })
    context.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    context.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url())
    })
  }, 120_000)

  afterAll(async () => {
    await context?.close()
  })

  it('shows the verdict first, runs no injected script, loads nothing from the network', async () => {
    const page = await context.newPage()
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(pathToFileURL(join(out, 'vitest-ml.html')).href, { waitUntil: 'load' })
    await expect.poll(() => page.locator('#verdict h1').isVisible()).toBe(true)
    expect(await page.locator('#verdict h1').textContent()).toBe('Gate failed: do not deploy')
    const title = page.locator('details.card.failed summary strong', { hasText: XSS })
    expect(await title.count()).toBe(1)
    expect(await title.textContent()).toBe(XSS)
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('script, iframe, object, embed').count()).toBe(0)
    expect(await page.locator('details.card.failed[open] figure.plot svg').count()).toBe(2)
    await page.waitForTimeout(300)
    expect(dialogs).toEqual([])
    expect(requests).toEqual([])

    const screenshot = join(tmpdir(), 'vitest-ml-report-summary.png')
    await page.screenshot({ path: screenshot, clip: { x: 0, y: 0, width: 1200, height: 1000 } })
    expect(readFileSync(screenshot).subarray(1, 4).toString()).toBe('PNG')
    await page.close()
  }, 60_000)

  it('opens a 10,000-check report with only the failures expanded', async () => {
    const tests = Array.from({ length: 500 }, (_, file) => ({
      file: `test/f${String(file).padStart(3, '0')}.test.ts`,
      fullName: 'model > case',
      namePattern: 'model case',
      state: file < 4 ? ('failed' as const) : ('passed' as const),
      checks: Array.from({ length: 20 }, (_, index) =>
        record({ id: `range:${index}`, kind: 'range', passed: !(file < 4 && index === 0), metrics: { violationRate: index / 1000 } }),
      ),
    }))
    const report = buildReport({
      tests,
      run: {
        id: 'run-20260101-test',
        status: 'finished',
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:00:09.000Z',
        durationMs: 9000,
        vitestVersion: '4.1.12',
        reason: 'failed',
      },
      provenance: { models: [], data: [], seeds: [], node: process.version },
    })
    const path = join(out, 'big.html')
    writeAtomically(path, await renderHtml(report))
    const page = await context.newPage()
    await page.goto(pathToFileURL(path).href, { waitUntil: 'load' })
    expect(await page.locator('details.card').count()).toBe(10_000)
    expect(await page.locator('details.card[open]').count()).toBe(4)
    expect(await page.locator('details.card.failed[open] summary').first().isVisible()).toBe(true)
    expect(await page.locator('details.file-group[open]').count()).toBe(0)
    await page.close()
  }, 60_000)
})
