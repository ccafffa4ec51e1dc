/**
 * A release candidate judged against the release in production. CI passes the candidate's model file
 * (`RELEASE_CANDIDATE`, by default the repository's penguin MLP) and the report of the release it would replace
 * (`VITEST_ML_BASELINE`, read by examples/vitest.config.ts as `report.baseline`): the HTML report then opens with what
 * changed since that release, and examples/gate-release.json blocks an accuracy or latency regression.
 * `scripts/release-history-demo.ts` runs the examples twice with a planted regression between the runs.
 *
 * The checks pin their ids with `stableCheckId`, so renaming these tests keeps them matched with the release's report.
 */
import { afterAll, describe, expect, test } from 'vitest'
import { onnxModel, stableCheckId } from 'vitest-ml'
import { loadSplit } from './support/model-split.js'

const candidatePath = process.env['RELEASE_CANDIDATE'] ?? 'models/penguins-mlp.onnx'

describe('penguins release candidate', async () => {
  const { classNames, train, test: held } = loadSplit('penguins-mlp')
  // One name for whatever file is the candidate: the report's hashes tell the files apart.
  const candidate = await onnxModel(candidatePath, { output: 'probabilities', name: 'penguins-candidate.onnx' })
  afterAll(() => candidate.release())

  test('beats the majority class on the held-out split', stableCheckId('release/penguins-accuracy'), async () => {
    await expect(candidate).toBeatBaseline('majority', { data: held, train: { labels: train.labels }, classes: classNames, metric: 'accuracy', seed: 12 })
  })

  test('answers one row and batches of 16 within the latency objective', stableCheckId('release/penguins-latency'), async () => {
    await expect(candidate).toMeetLatency({ inputs: held.inputs, batchSizes: [1, 16], requests: 200, concurrency: 2, p99Ms: 250, maxErrorRate: 0, seed: 12 })
  })
})
