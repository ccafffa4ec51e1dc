// Types the evaluation matchers on `expect(...)` for these tests until the package's one typings augmentation
// (matchers/typings.ts) merges EvaluationMatchers.
import type { EvaluationMatchers } from '../../../matchers/evaluation-matchers.js'

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-explicit-any
  interface Matchers<T = any> extends EvaluationMatchers<T> {}
}
