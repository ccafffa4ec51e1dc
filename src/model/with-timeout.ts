import { ModelTimeoutError } from '../util/errors.js'

/**
 * Races a model call against a timer. The call itself cannot be cancelled, but the caller gets a `ModelTimeoutError`
 * in time, so a hung asynchronous model fails its test instead of hanging the run. Native inference that blocks the
 * event loop (onnxruntime-node runs on the calling thread) cannot be interrupted; its late answer is discarded and the
 * call fails with the measured time instead, so an over-budget call never passes silently.
 *
 * @param work - the pending model call
 * @param timeoutMs - budget in milliseconds; `Infinity` or 0 disables the timer
 * @param modelName - named in the error
 * @returns the call's result
 * @example
 * ```ts
 * await withTimeout(session.run(feeds), 1000, 'clf.onnx') // throws ModelTimeoutError after 1 s
 * ```
 */
export async function withTimeout<T>(work: Promise<T>, timeoutMs: number, modelName: string): Promise<T> {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) return work
  let timer: NodeJS.Timeout | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ModelTimeoutError(modelName, timeoutMs)), timeoutMs)
    timer.unref?.()
  })
  const started = performance.now()
  try {
    const result = await Promise.race([work, expired])
    const elapsed = performance.now() - started
    if (elapsed > timeoutMs) throw new ModelTimeoutError(modelName, timeoutMs, elapsed)
    return result
  } finally {
    clearTimeout(timer)
  }
}
