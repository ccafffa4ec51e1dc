/**
 * Error rates of toHaveNoWeakSegments, toBeFairAcross and toBeCalibrated by simulation (seeded): the false-alarm rate on
 * a model with no weak segment / a fair model / a calibrated model, and the power against a planted one. The suite runs a
 * reduced version (test/src/evaluation/simulations.test.ts); this prints the full figures quoted in the README.
 *
 *   npx tsx scripts/simulate/segments-fairness-calibration.ts [repetitions]
 */
import {
  type SimulatedRate,
  sharpenForEce,
  simulateCalibration,
  simulateFairness,
  simulateWeakSegments,
  trueDemographicParity,
} from '../../test/support/simulations.js'

const repetitions = Number(process.argv[2] ?? 400)
const show = (label: string, { rate, standardError, repetitions: runs }: SimulatedRate): void => {
  console.log(`${label.padEnd(96)} ${rate.toFixed(3)} ± ${standardError.toFixed(3)} (${runs} runs)`)
}

const base = { rows: 1000, accuracy: 0.9, minSize: 30 }
const none = simulateWeakSegments({ ...base, segmentAccuracy: 0.9, maxDrop: 0 }, repetitions, 'weak:none:0')
console.log(`weak segments: ${none.examined} segments examined per run (n = 1000, 2 categorical x 4 levels, 2 numeric x quartiles, pairs, minSize 30)`)
show('  no weak segment, maxDrop 0 (every segment at the bar): false-alarm rate (Bonferroni alpha 0.05)', none.anyFlagged)
show(
  '  no weak segment, maxDrop 0.05: false-alarm rate',
  simulateWeakSegments({ ...base, segmentAccuracy: 0.9, maxDrop: 0.05 }, repetitions, 'weak:none:5').anyFlagged,
)
for (const segmentAccuracy of [0.7, 0.6, 0.5]) {
  const planted = simulateWeakSegments({ ...base, segmentAccuracy, maxDrop: 0.1 }, repetitions, `weak:planted:${segmentAccuracy}`)
  show(`  planted segment of ~62 rows (1/16) at accuracy ${segmentAccuracy} vs 0.9, maxDrop 0.1: power (that segment flagged)`, planted.plantedFlagged)
}

const boundaryPenalty = 0.2
const boundary = await trueDemographicParity(boundaryPenalty)
console.log(
  `fairness (demographicParityDifference, n = 1000 applicants, 1000 stratified bootstrap resamples, one-sided 95%); penalty ${boundaryPenalty} has a true DPD of ${boundary.toFixed(4)}`,
)
const fairRuns = Math.max(50, Math.round(repetitions / 2))
show('  fair scorer, max 0.1: false-alarm rate', await simulateFairness(0, 0.1, 1000, fairRuns, 'fair:0'))
show(
  `  scorer whose true DPD equals max (${boundary.toFixed(4)}): false-alarm rate at the boundary`,
  await simulateFairness(boundaryPenalty, boundary, 1000, fairRuns, 'fair:boundary'),
)
for (const penalty of [0.3, 0.4]) {
  const truth = await trueDemographicParity(penalty)
  show(
    `  unfair scorer (women's score -${penalty}, true DPD ${truth.toFixed(3)}), max 0.1: power`,
    await simulateFairness(penalty, 0.1, 1000, fairRuns, `fair:${penalty}`),
  )
}

console.log('calibration (binary, 10 equal-width bins, basic bootstrap upper bound at 95%, 500 resamples, maxEce 0.05)')
const boundarySharpen = sharpenForEce(0.05)
show(
  `  scorer whose true ECE is maxEce (logit x ${boundarySharpen.toFixed(3)}), n = 1000: pass rate at the boundary`,
  simulateCalibration(boundarySharpen, 0.05, 1000, Math.max(50, Math.round(repetitions / 4)), 'cal:boundary'),
)
for (const rows of [300, 1000, 3000])
  show(`  perfectly calibrated scorer, n = ${rows}: pass rate`, simulateCalibration(1, 0.05, rows, Math.max(50, Math.round(repetitions / 4)), `cal:1:${rows}`))
for (const sharpen of [1.5, 2])
  show(`  over-confident scorer (logit x ${sharpen}), n = 1000: fail rate`, {
    ...((rate) => ({ ...rate, rate: 1 - rate.rate }))(simulateCalibration(sharpen, 0.05, 1000, Math.max(50, Math.round(repetitions / 4)), `cal:${sharpen}`)),
  })
