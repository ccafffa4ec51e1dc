#!/usr/bin/python3
"""int8 dynamically quantized version of digits-cnn.onnx, laid out the way onnxruntime's quantize_dynamic writes it.

Run (after make_torch_cnn.py):  /usr/bin/python3 scripts/converters/make_cnn_int8.py

onnxruntime's Python package (and so onnxruntime.quantization) is not installable here (no PyPI).  This script
re-implements, from a reading of onnxruntime/python/tools/quantization (quantize.py, onnx_quantizer.py,
base_quantizer.py, quant_utils.py, registry.py, operators/conv.py), what
    quantize_dynamic(model_input, model_output)      # defaults: weight_type=QuantType.QInt8, per_channel=False,
                                                     # reduce_range=False, op_types = IntegerOpsRegistry
does to digits-cnn.onnx:
  * shape inference first (the value_info it adds stays in the output model);
  * every Conv (IntegerOpsRegistry: Conv -> ConvInteger, MatMul -> MatMulInteger; Gemm is NOT in the registry, so the
    final Gemm stays float32, as the real tool leaves it) becomes
        DynamicQuantizeLinear(x) -> x_quantized (uint8), x_scale, x_zero_point     node '<x>_QuantizeLinear'
        ConvInteger(x_quantized, W_quantized (int8), x_zero_point, W_zero_point)   node '<conv>_quant'
        Cast(to float) -> Mul(x_scale * W_scale) -> Mul                             '<conv>_quant_scales_mul', ...
        Reshape(bias, [1, -1, 1, 1]) -> Add                                         '<conv output>_bias_add'
    with the weights quantized per tensor, symmetric int8 (weight_type QInt8 makes WeightSymmetric default True):
    scale = max|W| / 127 (float32 scalar initializer '<W>_scale'), zero point 0 (int8 scalar '<W>_zero_point'),
    W_quantized = clip(round_half_even(W / scale), -127, 127);
  * the float32 weights that are no longer used are removed; producer becomes 'onnx.quantize' '0.1.0'; the opset
    stays 13 (>= 11, so the uint8 activation path uses the fused DynamicQuantizeLinear op).
onnxruntime-node 1.30 has CPU kernels for DynamicQuantizeLinear and for ConvInteger with uint8 activations and int8
weights, so this is the dynamic (ConvInteger) layout, not QDQ (checked by verify.mjs: the model loads and runs).

Python reference: the numpy evaluator in _numpy_eval.py runs the quantized graph (exact integer arithmetic for
ConvInteger, float32 for the rest), so it agrees with onnxruntime up to float32 rounding (about 1e-4 in the logits).
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

SCRIPT = "scripts/converters/make_cnn_int8.py"
INTEGER_OPS = {"Conv", "MatMul"}  # the ops of IntegerOpsRegistry present in ordinary CNN / MLP graphs


def quantize_weight_symmetric_int8(weights: np.ndarray):
    rmin = min(float(weights.min()), 0.0)
    rmax = max(float(weights.max()), 0.0)
    absmax = max(abs(rmin), abs(rmax))
    scale = np.float32(absmax / 127.0) if absmax > 0 else np.float32(1.0)
    quantized = np.clip(np.round(weights.astype(np.float32) / scale), -127, 127).astype(np.int8)
    return quantized, scale


def quantize_dynamic(model: onnx.ModelProto) -> onnx.ModelProto:
    model = onnx.shape_inference.infer_shapes(model)
    graph = model.graph
    initializers = {t.name: t for t in graph.initializer}
    new_nodes, new_initializers, quantized_inputs = [], [], {}
    for node in graph.node:
        if node.op_type not in INTEGER_OPS:
            new_nodes.append(node)
            continue
        if node.op_type != "Conv":
            raise NotImplementedError("this re-implementation only covers Conv -> ConvInteger")
        x, w = node.input[0], node.input[1]
        # activation: DynamicQuantizeLinear, shared when the same tensor feeds several quantized nodes
        if x not in quantized_inputs:
            quantized_inputs[x] = (f"{x}_quantized", f"{x}_scale", f"{x}_zero_point")
            new_nodes.append(helper.make_node("DynamicQuantizeLinear", [x], list(quantized_inputs[x]),
                                              f"{x}_QuantizeLinear"))
        x_q, x_scale, x_zp = quantized_inputs[x]
        # weight: symmetric int8 per tensor
        w_q, w_scale = quantize_weight_symmetric_int8(numpy_helper.to_array(initializers[w]))
        new_initializers += [
            helper.make_tensor(f"{w}_scale", TensorProto.FLOAT, [], [float(w_scale)]),
            helper.make_tensor(f"{w}_zero_point", TensorProto.INT8, [], [0]),
            numpy_helper.from_array(w_q, f"{w}_quantized"),
        ]
        conv_name = node.name + "_quant"
        integer_out = node.output[0] + "_output_quantized"
        attributes = {a.name: helper.get_attribute_value(a) for a in node.attribute}
        new_nodes.append(helper.make_node("ConvInteger", [x_q, f"{w}_quantized", x_zp, f"{w}_zero_point"],
                                          [integer_out], conv_name, **attributes))
        cast_out = integer_out + "_cast_output"
        new_nodes.append(helper.make_node("Cast", [integer_out], [cast_out], integer_out + "_cast",
                                          to=TensorProto.FLOAT))
        scales_mul = conv_name + "_scales_mul"
        new_nodes.append(helper.make_node("Mul", [x_scale, f"{w}_scale"], [scales_mul + ":0"], scales_mul))
        has_bias = len(node.input) == 3 and node.input[2]
        scaled = node.output[0] + "quant_scaled_output" if has_bias else node.output[0]
        new_nodes.append(helper.make_node("Mul", [cast_out, scales_mul + ":0"], [scaled],
                                          conv_name + "_output_scale_mul"))
        if has_bias:
            shape_name = node.output[0] + "_bias_reshape_shape"
            rank = len(initializers[w].dims)
            shape = [1] * rank
            shape[1] = -1
            new_initializers.append(helper.make_tensor(shape_name, TensorProto.INT64, [rank], shape))
            reshaped = node.output[0] + "_bias_reshape_output"
            new_nodes.append(helper.make_node("Reshape", [node.input[2], shape_name], [reshaped]))
            new_nodes.append(helper.make_node("Add", [scaled, reshaped], [node.output[0]],
                                              node.output[0] + "_bias_add"))
    del graph.node[:]
    graph.node.extend(new_nodes)
    graph.initializer.extend(new_initializers)
    used = {i for n in graph.node for i in n.input}
    kept = [t for t in graph.initializer if t.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept)
    model.producer_name = "onnx.quantize"
    model.producer_version = "0.1.0"
    return model


def main() -> None:
    source_path = MODELS / "digits-cnn.onnx"
    source_rows = MODELS / "digits-cnn.rows.json"
    if not source_path.exists():
        raise SystemExit("run make_torch_cnn.py first")
    fp32 = onnx.load(str(source_path))
    int8 = quantize_dynamic(onnx.load(str(source_path)))
    onnx.checker.check_model(int8)
    path = MODELS / "digits-cnn-int8.onnx"
    save_model(int8, path)

    rows = json.loads(source_rows.read_text())
    feed = rows["feeds"]["input"]
    images = np.array(feed["data"], dtype=np.float32).reshape(feed["dims"])
    logits = _numpy_eval.run(int8, {"input": images})["logits"]
    truth = np.array(rows["truth"])
    accuracy = float(np.mean(logits.argmax(1) == truth))
    fp32_logits = _numpy_eval.run(fp32, {"input": images})["logits"]
    agreement = float(np.mean(logits.argmax(1) == fp32_logits.argmax(1)))

    rows_path = MODELS / "digits-cnn-int8.rows.json"
    producer = "numpy evaluation of the quantized graph (scripts/converters/_numpy_eval.py)"
    write_json(rows_path, {
        "model": "digits-cnn-int8",
        "onnx": rel(path),
        "rows": rows["rows"],
        "source_rows": rows["source_rows"],
        "feeds": {"input": {"type": "float32", "dims": feed["dims"], "data_from": rel(source_rows)}},
        "truth": rows["truth"],
        "reference": {
            "producer": producer,
            "scores": {"output": "logits", "classes": list(range(10)), "values": round_sig(logits, 7),
                       "atol": 1e-3},
        },
    })
    update_manifest({
        "name": "digits-cnn-int8",
        **model_file_info(path),
        "script": SCRIPT,
        "imitates": ("onnxruntime.quantization.quantize_dynamic(model_input, model_output) with its defaults "
                     "(weight_type=QInt8, per_channel=False, reduce_range=False) applied to digits-cnn.onnx: "
                     "DynamicQuantizeLinear + ConvInteger (uint8 activations, int8 symmetric per-tensor weights) "
                     "for both Conv nodes; the Gemm stays float32 (Gemm is not in IntegerOpsRegistry)"),
        "estimator": "digits-cnn with int8 conv weights and dynamically quantized uint8 conv inputs",
        "opsets": opsets(int8),
        "ir_version": int8.ir_version,
        "producer": f"{int8.producer_name} {int8.producer_version}",
        "graph": graph_io(int8),
        "classes": list(range(10)),
        "data": {"same_as": "digits-cnn"},
        "test_rows": rel(rows_path),
        "accuracy": {"python": accuracy, "python_producer": producer,
                     "python_label_agreement_with_float32": agreement},
    })
    print(f"digits-cnn-int8: {path.stat().st_size} bytes, held-out accuracy {accuracy:.4f}, "
          f"agreement with float32 {agreement:.4f}, max |logit diff| vs float32 "
          f"{np.abs(logits - fp32_logits).max():.4f}")


if __name__ == "__main__":
    main()
