import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli.js'
import { renderHtml } from '../../src/report/render-html.js'
import { writeAtomically } from '../../src/util/write-atomically.js'
import { writeReleaseSeries } from '../support/release-reports.js'

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

describe.runIf(existsSync(CHROMIUM))('the diff and history pages in a real browser', () => {
  const out = mkdtempSync(join(tmpdir(), 'vitest-ml-history-browser-'))
  const gate = { noRegression: { metrics: ['accuracy', 'p99Ms'], margin: { accuracy: 0.05, p99Ms: 10 } }, noNewFailingChecks: true }
  let context: BrowserContext
  const dialogs: string[] = []
  const requests: string[] = []
  const io = { out: () => undefined, err: () => undefined }

  beforeAll(async () => {
    const { paths, reports } = writeReleaseSeries(join(out, 'releases'), {
      count: 10,
      regressionAt: 6,
      latencyJumpAt: 8,
      renameAt: 3,
      gate,
      accuracyTitle: `credit.onnx beats majority ${XSS}`,
    })
    expect(await runCli(['diff', paths[5]!, paths[6]!, '--html', join(out, 'diff.html')], io)).toBe(1)
    expect(await runCli(['history', join(out, 'releases'), '--out', join(out, 'history.html')], io)).toBe(0)
    writeAtomically(join(out, 'report.html'), await renderHtml(reports[6]!))
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

  async function open(file: string): Promise<Page> {
    const page = await context.newPage()
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await page.goto(pathToFileURL(join(out, file)).href, { waitUntil: 'load' })
    return page
  }

  async function expectInert(page: Page, screenshot: string, height: number): Promise<void> {
    expect(await page.locator('img').count()).toBe(0)
    expect(await page.locator('script, iframe, object, embed').count()).toBe(0)
    await page.waitForTimeout(300)
    expect(dialogs).toEqual([])
    expect(requests).toEqual([])
    const path = join(tmpdir(), screenshot)
    await page.screenshot({ path, clip: { x: 0, y: 0, width: 1200, height } })
    expect(readFileSync(path).subarray(1, 4).toString()).toBe('PNG')
  }

  it('shows the diff page with the regression named, a hostile title as text, nothing run or fetched', async () => {
    const page = await open('diff.html')
    expect(await page.locator('#verdict h1').textContent()).toBe('Regressed since the base report')
    const regression = page.locator('#changes .reasons li').first()
    expect(await regression.textContent()).toMatch(
      new RegExp(`^accuracy regressed: "credit\\.onnx beats majority ${XSS.replace(/[()]/g, '\\$&')}" .*\\(Newcombe, 500 vs 500\\)\\): regressed$`),
    )
    expect(await page.locator('tr.j-regressed').count()).toBe(1)
    await expectInert(page, 'vitest-ml-diff.png', 1000)
    await page.close()
  }, 60_000)

  it('opens the report of the regressing release with the diff first, linked to the check card', async () => {
    const page = await open('report.html')
    expect(await page.locator('#verdict h1').textContent()).toBe('Gate failed: do not deploy')
    const link = page.locator('#changes .reasons li a').first()
    const target = await link.getAttribute('href')
    expect(await page.locator(`details${target}`).count()).toBe(1)
    expect(await page.locator('#changes h2').textContent()).toMatch(/^1 regression since credit-model \(run release-005-[0-9a-f]{8}\)$/)
    await expectInert(page, 'vitest-ml-report-with-diff.png', 1200)
    await page.close()
  }, 60_000)

  it('shows the history of ten releases with the regressing and the slow release marked', async () => {
    const page = await open('history.html')
    expect(await page.locator('table.releases tbody tr').count()).toBe(10)
    expect(await page.locator('table.releases tr.moved td:first-child strong').allTextContents()).toEqual(['v1.06.0', 'v1.08.0'])
    expect(await page.locator('#trend-quality figure svg').count()).toBe(1)
    expect(await page.locator('#trend-latency figure svg').count()).toBe(3)
    expect(await page.locator('#moves tbody tr td:nth-child(2)').first().textContent()).toBe(`credit.onnx beats majority ${XSS}`)
    await expectInert(page, 'vitest-ml-history.png', 1600)
    await page
      .locator('#trend-quality figure')
      .first()
      .screenshot({ path: join(tmpdir(), 'vitest-ml-history-accuracy.png') })
    await page.close()
  }, 60_000)
})
