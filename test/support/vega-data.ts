// Tests read vega-datasets files the same way the examples do.
export { vegaDataPath, vegaJson } from '../../examples/support/vega-data.js'
