import { chromium } from 'playwright-core'
const [,, file, prefix] = process.argv
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] })
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } })
await page.goto('file://' + file)
const height = await page.evaluate(() => document.documentElement.scrollHeight)
for (let y = 0, i = 0; y < height; y += 1100, i++) {
  await page.screenshot({ path: `${prefix}-${i}.png`, fullPage: true, clip: { x: 0, y, width: 1200, height: Math.min(1100, height - y) } })
}
console.log(height)
await browser.close()
