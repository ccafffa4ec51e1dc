// A process that writes a prediction log until it is killed: batch k of `rows` entries is one transaction. It prints
// `committing k` before and `committed k` after each, so the parent can SIGKILL it in the middle of a transaction.
// From batch <big from> on, a batch holds 8 x <rows per batch> rows (a long transaction to be killed in).
// Usage: node --import tsx test/support/sqlite-log-writer.ts <database path> <rows per batch> <big from>

import type { PredictionLogEntry } from '../../src/patterns/prediction-log.js'
import { sqlitePredictionLog } from '../../src/patterns/sqlite-prediction-log.js'

const [path, rowsText, bigFromText] = process.argv.slice(2)
const rows = Number(rowsText)
const bigFrom = Number(bigFromText ?? Number.POSITIVE_INFINITY)
const log = sqlitePredictionLog(path as string, { batchSize: rows, flushIntervalMs: 60_000 })
const entry = (batch: number, index: number): PredictionLogEntry => ({
  id: `batch-${batch}-row-${index}`,
  time: new Date(Date.UTC(2026, 2, 2, 8) + batch * 1000 + index).toISOString(),
  model: 'writer',
  modelVersion: '1',
  featureHash: String(index).padStart(64, '0'),
  output: [index / rows, 1 - index / rows],
  latencyMs: 0.5,
  servedBy: index % 10 === 0 ? 'fallback' : 'primary',
})
for (let batch = 1; batch < 1000; batch++) {
  const entries = Array.from({ length: batch >= bigFrom ? 8 * rows : rows }, (_, index) => entry(batch, index))
  process.stdout.write(`committing ${batch}\n`)
  log.write(entries) // a full buffer commits inside write, in one transaction
  process.stdout.write(`committed ${batch}\n`)
  await new Promise((resolve) => setImmediate(resolve))
}
