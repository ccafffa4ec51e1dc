import type * as Ort from 'onnxruntime-node'
import { lazyRequire } from '../util/lazy-require.js'

/**
 * onnxruntime-node, loaded when the first ONNX model is opened rather than when vitest-ml is imported: a suite of
 * function models never pays for the native binding.
 *
 * @returns the onnxruntime-node module
 */
export const onnxRuntime: () => typeof Ort = lazyRequire<typeof Ort>('onnxruntime-node')
