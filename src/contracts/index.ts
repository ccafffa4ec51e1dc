/**
 * Data contracts: checking data against the expectations learned from training data (`inferSchema(...).contract`),
 * anomaly by anomaly, each with a severity and a one-line fix. The matcher is `toMatchSchema`; `checkContract` gives the
 * same anomalies as data.
 */

export type { Anomaly, AnomalySeverity, AnomalyType, Finding } from './anomaly.js'
export { ANOMALY_TYPES, describeAnomaly } from './anomaly.js'
export type { CheckContractOptions, ContractCheckResult, MissingRateTest } from './check-contract.js'
export { checkContract } from './check-contract.js'
