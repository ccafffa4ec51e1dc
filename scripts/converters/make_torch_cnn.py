#!/usr/bin/python3
"""A small CNN on scikit-learn's bundled digits, exported with torch.onnx.export.

Run:  /usr/bin/python3 scripts/converters/make_torch_cnn.py      (Debian's python3-torch 1.13, python3-sklearn 1.2)

Data: sklearn.datasets.load_digits() - the 1797 8x8 images (pixel values 0..16, 10 classes) of the UCI Optical
Recognition of Handwritten Digits test set that scikit-learn ships in sklearn/datasets/data/digits.csv.gz.
Split 75/25 stratified (seed 0); the input is the image divided by 16, float32 [batch, 1, 8, 8].

Model: Conv(1->8, 3x3, pad 1) - ReLU - MaxPool 2 - Conv(8->16, 3x3, pad 1) - ReLU - MaxPool 2 - Flatten - Linear(64->10),
trained with Adam for 40 epochs (1 thread, seeded, deterministic algorithms: a rerun gives the same weights and the
same .onnx bytes on this machine; another CPU or torch build may differ in the last bits of the weights).
Exported as torch.onnx.export(model, x, f, input_names=['input'], output_names=['logits'],
dynamic_axes={'input': {0: 'batch'}, 'logits': {0: 'batch'}}, opset_version=13, do_constant_folding=True):
the output is raw logits (no Softmax); the predicted digit is their argmax.

Writes models/converters/digits-cnn.onnx, digits-cnn.rows.json (the 450 held-out images, their digit, torch's
logits) and the manifest entry.  make_cnn_float16.py and make_cnn_int8.py convert this file.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import onnx
import sklearn
import torch
from sklearn.datasets import load_digits
from torch import nn

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    MODELS, graph_io, model_file_info, opsets, rel, round_sig, save_model, seed_everything, sha256_file,
    stratified_split, update_manifest, write_json,
)
import _numpy_eval  # noqa: E402

SCRIPT = "scripts/converters/make_torch_cnn.py"


class DigitsCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        )
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(64, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


def digits_data():
    digits = load_digits()
    images = (digits.images / 16.0).astype(np.float32)[:, None, :, :]
    labels = digits.target.astype(np.int64)
    train, test = stratified_split(labels, 0.25, seed=0)
    csv = Path(sklearn.datasets.__file__).parent / "data" / "digits.csv.gz"
    source = {
        "package": f"scikit-learn {sklearn.__version__} (Debian python3-sklearn), sklearn.datasets.load_digits()",
        "file": str(csv),
        "sha256": sha256_file(csv),
        "origin": "UCI Optical Recognition of Handwritten Digits (test part), 1797 8x8 images, 10 classes",
        "preprocessing": "pixel values 0..16 divided by 16 -> float32 [N, 1, 8, 8]",
        "split": "stratified 75/25, sklearn train_test_split(random_state=0)",
        "train_rows": len(train),
        "test_rows": len(test),
    }
    return images, labels, train, test, source


def train_cnn(images, labels, train) -> DigitsCNN:
    torch.manual_seed(0)
    model = DigitsCNN()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.from_numpy(images[train])
    y = torch.from_numpy(labels[train])
    generator = torch.Generator().manual_seed(0)
    for _epoch in range(40):
        order = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), 64):
            batch = order[start:start + 64]
            optimizer.zero_grad()
            loss = loss_fn(model(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
    return model.eval()


def main() -> None:
    seed_everything(0)
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    images, labels, train, test, source = digits_data()
    model = train_cnn(images, labels, train)
    with torch.no_grad():
        logits = model(torch.from_numpy(images[test])).numpy()
    accuracy = float(np.mean(logits.argmax(1) == labels[test]))

    buffer = io.BytesIO()
    torch.onnx.export(
        model, torch.zeros(1, 1, 8, 8), buffer, input_names=["input"], output_names=["logits"],
        dynamic_axes={"input": {0: "batch"}, "logits": {0: "batch"}}, opset_version=13, do_constant_folding=True,
    )
    onnx_model = onnx.load_from_string(buffer.getvalue())
    onnx.checker.check_model(onnx_model)
    path = MODELS / "digits-cnn.onnx"
    save_model(onnx_model, path)

    # cross-check the exported graph against torch with the numpy evaluator
    numpy_logits = _numpy_eval.run(onnx_model, {"input": images[test]})["logits"]
    assert np.abs(numpy_logits - logits).max() < 1e-4, np.abs(numpy_logits - logits).max()

    rows_path = MODELS / "digits-cnn.rows.json"
    write_json(rows_path, {
        "model": "digits-cnn",
        "onnx": rel(path),
        "rows": len(test),
        "source_rows": [int(i) for i in test],
        "feeds": {"input": {"type": "float32", "dims": [len(test), 1, 8, 8], "data": round_sig(images[test].ravel())}},
        "truth": [int(v) for v in labels[test]],
        "reference": {
            "producer": f"torch {torch.__version__} forward pass (float32)",
            "scores": {"output": "logits", "classes": list(range(10)), "values": round_sig(logits, 7),
                       "atol": 1e-4},
        },
    })
    update_manifest({
        "name": "digits-cnn",
        **model_file_info(path),
        "script": SCRIPT,
        "imitates": ("torch.onnx.export (torch 1.13), opset 13, input_names=['input'], output_names=['logits'], "
                     "dynamic_axes={'input': {0: 'batch'}, 'logits': {0: 'batch'}}, do_constant_folding=True"),
        "estimator": "torch CNN: Conv(1->8,3x3)-ReLU-MaxPool2-Conv(8->16,3x3)-ReLU-MaxPool2-Flatten-Linear(64->10); "
                     "outputs logits (argmax = digit)",
        "opsets": opsets(onnx_model),
        "ir_version": onnx_model.ir_version,
        "producer": f"{onnx_model.producer_name} {onnx_model.producer_version}",
        "graph": graph_io(onnx_model),
        "classes": list(range(10)),
        "data": source,
        "test_rows": rel(rows_path),
        "accuracy": {"python": accuracy, "python_producer": f"torch {torch.__version__} forward pass (float32)"},
    })
    print(f"digits-cnn: {path.stat().st_size} bytes, held-out accuracy {accuracy:.4f} ({len(test)} images)")


if __name__ == "__main__":
    main()
