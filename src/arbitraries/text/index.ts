/**
 * Text perturbations (CheckList's INV and DIR tests as fast-check arbitraries): typos, case, whitespace, punctuation,
 * contractions, name / place / number swaps, negation, synonyms and intensifiers. Each generates
 * {@link TextPerturbation}s that record their edits, and states its distribution.
 */

export type { ChangeNumbersConstraints } from './change-numbers.js'
export { changeNumbers } from './change-numbers.js'
export type { ContractionsConstraints } from './contractions.js'
export { contractions } from './contractions.js'
export type { EditCountConstraints, EditPlan } from './edit-plans.js'
export type { IntensifyConstraints } from './intensify.js'
export { intensify } from './intensify.js'
export type { LetterCaseConstraints, LetterCaseKind } from './letter-case.js'
export { letterCase } from './letter-case.js'
export type { LexiconName } from './lexicon.js'
export { LEXICON_NAMES, lexicon } from './lexicon.js'
export type { NegationConstraints } from './negation.js'
export { negation } from './negation.js'
export type { PunctuationConstraints, PunctuationKind } from './punctuation.js'
export { punctuation } from './punctuation.js'
export type { SwapPeopleConstraints } from './swap-people.js'
export { swapPeople } from './swap-people.js'
export type { SwapPlacesConstraints } from './swap-places.js'
export { swapPlaces } from './swap-places.js'
export type { SwapSynonymsConstraints } from './swap-synonyms.js'
export { swapSynonyms } from './swap-synonyms.js'
export type { EntitySpan } from './text-entities.js'
export type { TextChange, TextEdit, TextPerturbation } from './text-perturbation.js'
export { textPerturbation } from './text-perturbation.js'
export type { TypoKind, TyposConstraints } from './typos.js'
export { typos } from './typos.js'
export type { WhitespaceConstraints, WhitespaceKind } from './whitespace.js'
export { whitespace } from './whitespace.js'
