// Curated public API of vitest-ml: named exports only, no logic. Statistics live in `vitest-ml/stats`.

// Errors
export { VitestMlError, ModelTimeoutError } from './errors.js'

// Models
export type { Model, ModelIdentity, ModelInput, ModelOutput } from './model/model.js'
export { isModel } from './model/model.js'
export { onnxModel } from './model/onnx-model.js'
export type { OnnxModel, OnnxModelOptions, OnnxOutputValue } from './model/onnx-model.js'
export type { OnnxRow, FeedOptions } from './model/onnx-feeds.js'
export type { TensorLayout, SupportedTensorType } from './model/tensor-layout.js'
export { functionModel } from './model/function-model.js'
export type { FunctionModelOptions } from './model/function-model.js'
export { recurrentModel } from './model/recurrent-model.js'
export type { RecurrentModelOptions, FrameSequence } from './model/recurrent-model.js'
export { outputNumbers, outputScalar } from './model/output-numbers.js'

// Data: datasets, schemas, readers
export { datasetFromColumns, datasetFromRows } from './data/dataset.js'
export type { CellValue, Column, DataRow, Dataset } from './data/dataset.js'
export { numeric, integer, categorical, boolean } from './data/feature-spec.js'
export type { FeatureSpec, NumericFeature, IntegerFeature, CategoricalFeature, BooleanFeature, RangeConstraints } from './data/feature-spec.js'
export { featureSchema, featureArbitrary } from './data/feature-schema.js'
export type { FeatureSchema, SchemaIssue } from './data/feature-schema.js'
export { inferSchema } from './data/infer-schema.js'
export type { InferSchemaOptions, InferSchemaResult } from './data/infer-schema.js'
export { readCsv } from './data/read-csv.js'
export type { ReadCsvOptions } from './data/read-csv.js'
export { readJson } from './data/read-json.js'
export type { ReadJsonOptions } from './data/read-json.js'
export { readParquet } from './data/read-parquet.js'
export type { ReadParquetOptions } from './data/read-parquet.js'
export { readArrow } from './data/read-arrow.js'
export type { ReadArrowOptions } from './data/read-arrow.js'
export { readWav, audioWindows } from './data/read-wav.js'
export type { AudioClip } from './data/read-wav.js'
export { datasetHash } from './data/dataset-hash.js'

// Arbitraries: rows near real data and perturbations
export { rowsNearData } from './arbitraries/rows-near-data.js'
export type { RowsNearDataConstraints } from './arbitraries/rows-near-data.js'
export { perturbNoise } from './arbitraries/perturb-noise.js'
export type { PerturbNoiseConstraints } from './arbitraries/perturb-noise.js'
export { perturbScale } from './arbitraries/perturb-scale.js'
export type { PerturbScaleConstraints } from './arbitraries/perturb-scale.js'
export { perturbClip } from './arbitraries/perturb-clip.js'
export type { PerturbClipConstraints } from './arbitraries/perturb-clip.js'
export { perturbCategory } from './arbitraries/perturb-category.js'
export type { PerturbCategoryConstraints } from './arbitraries/perturb-category.js'
export { perturbMissing } from './arbitraries/perturb-missing.js'
export type { PerturbMissingConstraints } from './arbitraries/perturb-missing.js'
export { perturbRow, withFeature, featureOf } from './arbitraries/perturb-row.js'
export type { PerturbableRow } from './arbitraries/perturb-row.js'
export type { PerturbFunction } from './arbitraries/perturb-function.js'
export { audioGain } from './arbitraries/audio-gain.js'
export type { AudioGainConstraints } from './arbitraries/audio-gain.js'
export { audioNoise } from './arbitraries/audio-noise.js'
export type { AudioNoiseConstraints } from './arbitraries/audio-noise.js'
export { audioTimeShift } from './arbitraries/audio-time-shift.js'
export type { AudioTimeShiftConstraints } from './arbitraries/audio-time-shift.js'

// The batched property engine
export { runBatchedProperty } from './properties/run-batched-property.js'
export type { BatchedPropertyOptions, BatchedPropertyResult, Counterexample } from './properties/run-batched-property.js'
export type { CaseProbe, Violation } from './properties/case-probe.js'
export { outputRangeProbe, describeRange } from './properties/output-range-probe.js'
export type { OutputRange, NumericRange, ProbabilityRange } from './properties/output-range-probe.js'
export { checkDeterminism } from './properties/check-determinism.js'
export type { DeterminismOptions, DeterminismResult, DeterminismComparison } from './properties/check-determinism.js'
export { maxAbsDifference } from './properties/outputs-differ.js'

// Metamorphic relations, evaluation, drift, production patterns
export * from './relations/index.js'
export * from './evaluation/index.js'
export * from './drift/index.js'
export * from './patterns/index.js'

// Report, checklist and gate
export * from './checklist/index.js'
export * from './report/index.js'

// The matcher typings augment Vitest's `expect` for anyone who imports this package.
export type { MlMatchers } from '../matchers/typings.js'
