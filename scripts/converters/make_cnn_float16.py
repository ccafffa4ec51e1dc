#!/usr/bin/python3
"""float16 version of digits-cnn.onnx, laid out the way onnxconverter-common's float16 converter writes it.

Run (after make_torch_cnn.py):  /usr/bin/python3 scripts/converters/make_cnn_float16.py

onnxconverter-common is not installable here (no PyPI).  This script re-implements, from a reading of its
float16.py (convert_float_to_float16, the 2023+ implementation), what
    convert_float_to_float16(model, keep_io_types=False)      # default op_block_list, min 1e-7, max 1e4
does to a model, and applies it to digits-cnn.onnx:
  1. onnx shape inference first (so every intermediate tensor has a value_info);
  2. graph inputs / outputs and every value_info of type float become float16 (keep_io_types=False: no Cast at the
     graph boundary, the caller feeds and reads float16);
  3. float initializers and float tensors in node attributes become float16, with values of magnitude below 1e-7
     raised to 1e-7 and above 1e4 lowered to 1e4 (sign kept);
  4. nodes whose op is in DEFAULT_OP_BLOCK_LIST (ArrayFeatureExtractor, Binarizer, ..., Resize, Range, CumSum, Min,
     Max, Upsample - ops onnxruntime lacks float16 kernels for) keep float32: a Cast to float32 goes before each of
     their float16 inputs and a Cast back to float16 after each float output, named '<node>_input_cast<i>' /
     '<node>_output_cast<i>'; their float initializers stay float32;
  5. nodes are sorted topologically and Cast(to float16) -> Cast(to float32) pairs are removed.
For this CNN (Conv, Relu, MaxPool, Flatten, Gemm) no op is on the block list, so step 4 inserts no Cast: the result
is an all-float16 graph.  onnxruntime-node 1.30's CPU provider has float16 kernels for all five ops (checked by
verify.mjs: the model loads and runs).  Producer name/version are left as they were (pytorch 1.13.0), as the
converter does.

Python reference: the numpy evaluator in _numpy_eval.py runs the float16 graph (float32 arithmetic inside an op,
one rounding to float16 per op output), so reference and onnxruntime agree to about 1e-2 in the logits.
Deterministic: a rerun writes the same bytes.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    MODELS, graph_io, model_file_info, opsets, rel, round_sig, save_model, update_manifest, write_json,
)
import _numpy_eval  # noqa: E402

SCRIPT = "scripts/converters/make_cnn_float16.py"
DEFAULT_OP_BLOCK_LIST = {
    "ArrayFeatureExtractor", "Binarizer", "CastMap", "CategoryMapper", "DictVectorizer", "FeatureVectorizer",
    "Imputer", "LabelEncoder", "LinearClassifier", "LinearRegressor", "Normalizer", "OneHotEncoder",
    "RandomUniformLike", "SVMClassifier", "SVMRegressor", "Scaler", "TreeEnsembleClassifier",
    "TreeEnsembleRegressor", "ZipMap", "NonMaxSuppression", "TopK", "RoiAlign", "Resize", "Range", "CumSum", "Min",
    "Max", "Upsample",
}
FLOAT, FLOAT16 = TensorProto.FLOAT, TensorProto.FLOAT16


def to_float16_values(values: np.ndarray, min_positive=1e-7, max_finite=1e4) -> np.ndarray:
    values = values.astype(np.float32)
    magnitude = np.abs(values)
    small = (magnitude > 0) & (magnitude < min_positive)
    large = np.isfinite(values) & (magnitude > max_finite)
    values = np.where(small, np.sign(values) * min_positive, values)
    values = np.where(large, np.sign(values) * max_finite, values)
    return values.astype(np.float16)


def tensor_to_float16(tensor: onnx.TensorProto) -> None:
    if tensor.data_type != FLOAT:
        return
    converted = to_float16_values(numpy_helper.to_array(tensor))
    tensor.CopyFrom(numpy_helper.from_array(converted, tensor.name))


def convert_float_to_float16(model: onnx.ModelProto, op_block_list=DEFAULT_OP_BLOCK_LIST) -> onnx.ModelProto:
    model = onnx.shape_inference.infer_shapes(model)
    graph = model.graph
    blocked = [n for n in graph.node if n.op_type in op_block_list]
    blocked_outputs = {o for n in blocked for o in n.output}
    blocked_inputs = {i for n in blocked for i in n.input}
    # 2. inputs (no keep_io_types), value_info, attribute tensors of non-blocked nodes
    for value in graph.input:
        if value.type.tensor_type.elem_type == FLOAT:
            value.type.tensor_type.elem_type = FLOAT16
    for node in graph.node:
        if node.op_type in op_block_list:
            continue
        for attribute in node.attribute:
            if attribute.HasField("t"):
                tensor_to_float16(attribute.t)
            for tensor in attribute.tensors:
                tensor_to_float16(tensor)
    for value in graph.value_info:
        if value.name not in blocked_outputs and value.type.tensor_type.elem_type == FLOAT:
            value.type.tensor_type.elem_type = FLOAT16
    # 4. Casts around blocked nodes
    for node in blocked:
        for i, name in enumerate(node.input):
            source = next((v for v in list(graph.value_info) + list(graph.input) if v.name == name), None)
            if source is None or source.type.tensor_type.elem_type != FLOAT16:
                continue
            cast_output = f"{node.name}_input_cast_{i}"
            info = graph.value_info.add()
            info.CopyFrom(source)
            info.name = cast_output
            info.type.tensor_type.elem_type = FLOAT
            graph.node.append(helper.make_node("Cast", [name], [cast_output], name=f"{node.name}_input_cast{i}",
                                               to=FLOAT))
            node.input[i] = cast_output
        for i, name in enumerate(node.output):
            target = next((v for v in list(graph.value_info) + list(graph.output) if v.name == name), None)
            if target is None or target.type.tensor_type.elem_type != FLOAT:
                continue
            cast_input = f"{node.name}_output_cast_{i}"
            info = graph.value_info.add()
            info.CopyFrom(target)
            info.name = cast_input
            target.type.tensor_type.elem_type = FLOAT16
            graph.node.append(helper.make_node("Cast", [cast_input], [name], name=f"{node.name}_output_cast{i}",
                                               to=FLOAT16))
            node.output[i] = cast_input
    # 3. initializers not feeding a blocked node
    for tensor in graph.initializer:
        if tensor.name not in blocked_inputs:
            tensor_to_float16(tensor)
    # outputs
    for value in graph.output:
        if value.type.tensor_type.elem_type == FLOAT:
            value.type.tensor_type.elem_type = FLOAT16
    # 5. topological order, then drop Cast(->f16) -> Cast(->f32) pairs
    produced = {v.name for v in graph.input} | {t.name for t in graph.initializer}
    pending, ordered = list(graph.node), []
    while pending:
        ready = next(n for n in pending if all(i in produced or not i for i in n.input))
        ordered.append(ready)
        produced.update(ready.output)
        pending.remove(ready)
    by_output = {o: n for n in ordered for o in n.output}
    drop = set()
    for node in ordered:
        if node.op_type == "Cast" and node.attribute[0].i == FLOAT and node.input[0] in by_output:
            first = by_output[node.input[0]]
            if first.op_type == "Cast" and first.attribute[0].i == FLOAT16:
                for other in ordered:
                    for k, name in enumerate(other.input):
                        if name == node.output[0]:
                            other.input[k] = first.input[0]
                drop.update({id(node), id(first)})
    del graph.node[:]
    graph.node.extend(n for n in ordered if id(n) not in drop)
    return model


def main() -> None:
    source_path = MODELS / "digits-cnn.onnx"
    source_rows = MODELS / "digits-cnn.rows.json"
    if not source_path.exists():
        raise SystemExit("run make_torch_cnn.py first")
    fp32 = onnx.load(str(source_path))
    fp16 = convert_float_to_float16(onnx.load(str(source_path)))
    onnx.checker.check_model(fp16)
    path = MODELS / "digits-cnn-float16.onnx"
    save_model(fp16, path)

    rows = json.loads(source_rows.read_text())
    feed = rows["feeds"]["input"]
    images = np.array(feed["data"], dtype=np.float32).reshape(feed["dims"])
    assert np.array_equal(images.astype(np.float16).astype(np.float32), images)  # k/16 is exact in float16
    logits = _numpy_eval.run(fp16, {"input": images.astype(np.float16)})["logits"].astype(np.float32)
    truth = np.array(rows["truth"])
    accuracy = float(np.mean(logits.argmax(1) == truth))
    fp32_logits = _numpy_eval.run(fp32, {"input": images})["logits"]
    agreement = float(np.mean(logits.argmax(1) == fp32_logits.argmax(1)))

    rows_path = MODELS / "digits-cnn-float16.rows.json"
    producer = "numpy evaluation of the float16 graph (scripts/converters/_numpy_eval.py)"
    write_json(rows_path, {
        "model": "digits-cnn-float16",
        "onnx": rel(path),
        "rows": rows["rows"],
        "source_rows": rows["source_rows"],
        "feeds": {"input": {"type": "float16", "dims": feed["dims"], "data_from": rel(source_rows),
                            "note": "same values as the float32 file's input (k/16, exact in float16)"}},
        "truth": rows["truth"],
        "reference": {
            "producer": producer,
            "scores": {"output": "logits", "classes": list(range(10)), "values": round_sig(logits, 5),
                       "atol": 0.05, "rtol": 0.01},
        },
    })
    update_manifest({
        "name": "digits-cnn-float16",
        **model_file_info(path),
        "script": SCRIPT,
        "imitates": ("onnxconverter-common float16.convert_float_to_float16(model, keep_io_types=False) with the "
                     "default op_block_list, applied to digits-cnn.onnx (no op of this graph is blocked, so no Cast "
                     "is inserted: float16 input, initializers, value_info and output)"),
        "estimator": "digits-cnn with float16 weights and activations",
        "opsets": opsets(fp16),
        "ir_version": fp16.ir_version,
        "producer": f"{fp16.producer_name} {fp16.producer_version}",
        "graph": graph_io(fp16),
        "classes": list(range(10)),
        "data": {"same_as": "digits-cnn", "feeds": "float16 bits of the same k/16 pixel values"},
        "test_rows": rel(rows_path),
        "accuracy": {"python": accuracy, "python_producer": producer,
                     "python_label_agreement_with_float32": agreement},
    })
    print(f"digits-cnn-float16: {path.stat().st_size} bytes, held-out accuracy {accuracy:.4f}, "
          f"agreement with float32 {agreement:.4f}, max |logit diff| vs float32 "
          f"{np.abs(logits - fp32_logits).max():.4f}")


if __name__ == "__main__":
    main()
