/**
 * Registers the vitest-ml matchers. Added to `setupFiles` by `mlTesting()`, or listed there by hand:
 * `setupFiles: ['vitest-ml/setup']`.
 */
import { expect } from 'vitest'
import { mlMatchers } from './index.js'

expect.extend(mlMatchers)
