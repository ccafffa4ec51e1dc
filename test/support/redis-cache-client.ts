// One service process in front of a shared Redis: a slow model (30 ms a call) behind cached(), asked for `rows`
// distinct rows by `burst` concurrent single-row requests each, all at once. Prints one JSON line: the answer served
// for each row (every request of a row must get the same), the rows the model was asked for, and the cache counters.
// Usage: node --import tsx test/support/redis-cache-client.ts <redis url> <version> <offset> <rows> <burst>
import { cached } from '../../src/patterns/cached.js'
import { redisPredictionStore } from '../../src/patterns/redis-prediction-store.js'

const [url, version, offsetText, rowsText, burstText] = process.argv.slice(2)
const offset = Number(offsetText)
let predictedRows = 0
const model = {
  identity: { name: 'shared-scorer', version: version as string },
  async predict(batch: readonly number[][]) {
    predictedRows += batch.length
    await new Promise((resolve) => setTimeout(resolve, 30))
    return batch.map((row) => [(row[0] ?? 0) * 10 + offset])
  },
  release: async () => {},
}
const store = await redisPredictionStore<number[]>({ url: url as string, timeoutMs: 5000 })
const served = cached(model, { ttlMs: 60_000, store })
const rows = Array.from({ length: Number(rowsText) }, (_, index) => [index])
const requests = rows.flatMap((row) => Array.from({ length: Number(burstText) }, () => served.predict([row])))
const answers = (await Promise.all(requests)).map((answer) => answer[0]?.[0])
const perRow = rows.map((_, index) => [...new Set(answers.slice(index * Number(burstText), (index + 1) * Number(burstText)))])
process.stdout.write(`${JSON.stringify({ perRow, predictedRows, cache: served.stats(), store: store.stats() })}\n`)
await store.close()
