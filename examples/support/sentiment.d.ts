// Types of the npm package `sentiment` (AFINN-165 lexicon scorer), which ships none: the part the examples use.
declare module 'sentiment' {
  interface AnalysisResult {
    /** Sum of the AFINN-165 valences of the words (-5 .. +5 each), negated after "not", "don't", ... */
    score: number
    /** score / number of tokens */
    comparative: number
    tokens: string[]
    words: string[]
    positive: string[]
    negative: string[]
  }
  class Sentiment {
    analyze(phrase: string): AnalysisResult
  }
  export = Sentiment
}
