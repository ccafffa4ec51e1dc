// Tests use the examples' planted models.
export * from '../../examples/support/planted-models.js'
