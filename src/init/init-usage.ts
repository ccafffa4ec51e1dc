/** Usage of `vitest-ml init`, for the command's help. */
export const INIT_USAGE = `  vitest-ml init --model MODEL.onnx --train TRAIN --test TEST --label COLUMN
                 [--time COLUMN] [--ids A,B] [--features A,B,...] [--seed N] [--out DIR] [--force]
                                                  inspect the model and the data (CSV, TSV, JSON, JSONL, Parquet,
                                                  Arrow) and write a starting suite: DIR/model.test.ts, schema.json
                                                  (the data contract), gate.json and vitest.config.ts (kept when
                                                  present); thresholds come from the data`
