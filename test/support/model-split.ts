// Tests read the same data and splits as the examples.

export type { Split } from '../../examples/support/model-split.js'
export { loadSplit } from '../../examples/support/model-split.js'
