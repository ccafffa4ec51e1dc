/**
 * Data contracts: checking data against the expectations learned from training data (`inferSchema(...).contract`),
 * anomaly by anomaly, each with a severity and a one-line fix.
 */
export { checkContract } from './check-contract.js'
export type { CheckContractOptions, ContractCheckResult, MissingRateTest } from './check-contract.js'
export { ANOMALY_TYPES, describeAnomaly, sortAnomalies } from './anomaly.js'
export type { Anomaly, AnomalySeverity, AnomalyType } from './anomaly.js'
export { guessUnitChange } from './guess-unit-change.js'
export type { UnitChange } from './guess-unit-change.js'
