#!/usr/bin/python3
"""Sentiment classifier with its tokenizer inside the graph, in skl2onnx's TfidfVectorizer layout.

Run:
  mkdir -p "$SCRATCH" && cd "$SCRATCH" && npm init -y >/dev/null \
    && npm install --no-audit --no-fund --ignore-scripts wink-sentiment@5.0.2
  cd <the repository> && /usr/bin/python3 scripts/converters/make_text_sentiment.py "$SCRATCH"

Data: the 1000 Amazon cell-phone review sentences of the UCI "Sentiment Labelled Sentences" data set (Kotzias et
al., KDD 2015), labelled 0 (negative) / 1 (positive), 500 each, as shipped in the npm package wink-sentiment@5.0.2
(MIT; file test/data/amazon_cells_labelled.txt, sha256 recorded in the manifest).  The package is installed into a
scratch folder outside the repo; it is not a dependency of this project.

Model: scikit-learn Pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, token_pattern='[a-zA-Z0-9_]+'),
LogisticRegression(C=10)) on 80% of the sentences (stratified, seed 0); held out: the other 200.

Graph: what skl2onnx 1.21.0 writes for that pipeline (skl2onnx cannot be installed here; laid out from a reading of
its text_vectoriser.py, tfidf_vectoriser.py, tfidf_transformer.py, linear_classifier.py, zip_map.py):
  text [N, 1] string -> Reshape [-1] -> StringNormalizer(LOWER) -> Tokenizer (com.microsoft, tokenexp
  '[a-zA-Z0-9_]+', pad '#') -> Flatten -> TfIdfVectorizer(TF, 1-2 grams) -> Mul(idf) -> Normalizer(L2)
  -> LinearClassifier(LOGISTIC, 2 classes) -> label (string [N]) + ZipMap seq(map(string, float)).
The input is [N, 1] (a column of a 2-D table, as skl2onnx's documented StringTensorType([None, 1])); the converter's
Reshape flattens it for StringNormalizer, which takes [C] or [1, C].  onnxruntime checks the rank, so [N] is refused.

Two deviations from skl2onnx's defaults, both chosen with skl2onnx's own options / sklearn parameters:
* token_pattern='[a-zA-Z0-9_]+' - skl2onnx replaces sklearn's default pattern r'(?u)\\b\\w\\w+\\b' by this regex
  in the Tokenizer (re2 has no \\b), and the Tokenizer keeps 1-character tokens that the default pattern drops, so
  with bigrams the default would give different features in ONNX ('it s a great' -> sklearn's bigram 'it great'
  exists only in sklearn).  Training with the same regex makes sklearn and the graph tokenize identically.
* locale: onnxruntime's StringNormalizer defaults to the 'en_US.UTF-8' locale and refuses to load where it is not
  installed (this machine has only C / C.UTF-8 / POSIX).  text-sentiment-zipmap.onnx is converted with skl2onnx's
  option {'locale': 'C'} (loads anywhere; the sentences are ASCII);
  text-sentiment-zipmap-default-locale.onnx is the same graph with skl2onnx's default (no locale attribute), kept
  as a fixture for that load failure.
Deterministic: a rerun writes the same bytes.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import numpy as np
import sklearn
from onnx import TensorProto as T
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import (  # noqa: E402
    MODELS, Skl2OnnxGraph, graph_io, model_file_info, opsets, package_version, rel, round_sig, save_model,
    seed_everything, sha256_file, stratified_split, update_manifest, write_json,
)

SCRIPT = "scripts/converters/make_text_sentiment.py"
PACKAGE = "wink-sentiment"
DATA_FILE = "test/data/amazon_cells_labelled.txt"
CLASSES = ["negative", "positive"]
TOKEN_REGEX = "[a-zA-Z0-9_]+"


def load_sentences(scratch: Path):
    package = scratch / "node_modules" / PACKAGE
    path = package / DATA_FILE
    if not path.exists():
        raise SystemExit(f"{path} is missing: install {PACKAGE}@5.0.2 into {scratch} first (see this script's header)")
    version = package_version(package)
    if version != "5.0.2":
        raise SystemExit(f"expected {PACKAGE}@5.0.2, found {version}")
    texts, labels = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        text, label = line.rsplit("\t", 1)
        texts.append(text.strip())
        labels.append(CLASSES[int(label)])
    source = {
        "package": f"{PACKAGE}@{version} (npm; installed into a scratch folder, not a dependency of this repo)",
        "file": f"node_modules/{PACKAGE}/{DATA_FILE}",
        "sha256": sha256_file(path),
        "origin": "UCI Sentiment Labelled Sentences (Kotzias et al., KDD 2015), Amazon cell-phone reviews",
        "rows": f"{len(texts)} sentences, 0 negative / 1 positive",
    }
    return np.array(texts, dtype=object), np.array(labels, dtype=object), source


def ngram_pool(vectorizer: TfidfVectorizer):
    """pool_strings / ngram_counts / ngram_indexes as skl2onnx lays them out: n-grams split into tokens, sorted by
    (n, tokens), unigrams first; each n-gram keeps its sklearn column as its output index."""
    words = [None] * (max(vectorizer.vocabulary_.values()) + 1)
    for word, column in vectorizer.vocabulary_.items():
        words[column] = word
    split = []
    for column, word in enumerate(words):
        tokens = tuple(word.split(" "))
        assert all(t in vectorizer.vocabulary_ for t in tokens), word
        split.append((len(tokens), tokens, column))
    split.sort()
    pool, counts, indexes = [], [0] * vectorizer.ngram_range[0], []
    for position, (n, tokens, column) in enumerate(split):
        if position > 0 and split[position - 1][0] != n:
            counts.append(len(pool))
        pool.extend(tokens)
        indexes.append(column)
    return pool, counts, indexes, len(words)


def build_graph(pipeline: Pipeline, locale: str | None):
    tfidf: TfidfVectorizer = pipeline.named_steps["tfidf"]
    clf: LogisticRegression = pipeline.named_steps["classifier"]
    assert tfidf.lowercase and tfidf.token_pattern == TOKEN_REGEX and tfidf.norm == "l2" and tfidf.use_idf
    assert not tfidf.sublinear_tf and not tfidf.binary and len(clf.classes_) == 2
    g = Skl2OnnxGraph()
    text = g.input("text", T.STRING, [None, 1])
    features = g.var("variable")
    label, probabilities = g.var("label"), g.var("probabilities")
    output_label, output_probability = g.var("output_label"), g.var("output_probability")
    count_vec_output, tfidf_output = g.var("count_vec_output"), g.var("tfidf_output")

    # CountVectorizer part (text_vectoriser.py)
    flattened = g.var("flattened")
    g.reshape(text, flattened, [-1])
    normalized = g.var("normalized")
    attrs = {"case_change_action": "LOWER", "is_case_sensitive": 0}
    if locale is not None:
        attrs["locale"] = locale
    g.node("StringNormalizer", flattened, normalized, op_version=10, name=g.op("StringNormalizer"), **attrs)
    pad = "#"
    while pad in tfidf.vocabulary_:
        pad += "#"
    tokenized = g.var("tokenized")
    g.node("Tokenizer", normalized, tokenized, domain="com.microsoft", name=g.op("Tokenizer"),
           pad_value=pad, mark=0, mincharnum=1, tokenexp=TOKEN_REGEX)
    flat_tokens = g.var("flattened")
    g.node("Flatten", tokenized, flat_tokens, name=g.op("Flatten"))
    pool, counts, indexes, width = ngram_pool(tfidf)
    tf = g.var("output")
    g.node("TfIdfVectorizer", flat_tokens, tf, op_version=9, name=g.op("TfIdfVectorizer"),
           min_gram_length=tfidf.ngram_range[0], max_gram_length=tfidf.ngram_range[1], mode="TF",
           max_skip_count=0, pool_strings=pool, ngram_indexes=indexes, ngram_counts=counts,
           weights=np.ones(len(indexes), dtype=np.float32))
    g.identity(tf, count_vec_output)

    # TfidfTransformer part (tfidf_transformer.py)
    scaled = g.var("tfidftr_output")
    idf = g.initializer(g.var("idfcst"), T.FLOAT, [width], tfidf.idf_.astype(np.float32).tolist())
    g.mul([count_vec_output, idf], scaled)
    norm = g.var("tfidftr_norm")
    g.normalizer(scaled, norm, "L2")
    g.identity(norm, tfidf_output)
    g.identity(tfidf_output, features)

    # binary LogisticRegression (linear_classifier.py): coefficients [-w, w], intercepts [-b, b], LOGISTIC
    coef = clf.coef_.flatten().astype(float).tolist()
    intercept = clf.intercept_.astype(float).tolist()
    g.node("LinearClassifier", features, [label, probabilities], domain="ai.onnx.ml", name=g.op("LinearClassifier"),
           coefficients=[-c for c in coef] + coef, intercepts=[-b for b in intercept] + intercept,
           multi_class=0, post_transform="LOGISTIC", classlabels_strings=[str(c) for c in clf.classes_])
    # ZipMap (zip_map.py): string labels -> Identity for the label
    zipmap_name = g.op("ZipMap")
    g.identity(label, output_label)
    g.node("ZipMap", probabilities, output_probability, domain="ai.onnx.ml", name=zipmap_name,
           classlabels_strings=[str(c) for c in clf.classes_])
    g.output_tensor(output_label, T.STRING, [None])
    g.output_zipmap(output_probability, T.STRING)
    doc = ("Hand-built with onnx.helper in the layout skl2onnx 1.21.0 writes for this pipeline (skl2onnx is not "
           f"installable here); see {SCRIPT}")
    return g.model("ONNX(Pipeline)", doc), len(pool), width


def main() -> None:
    seed_everything(0)
    scratch = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.gettempdir()) / "converter-data"
    texts, labels, source = load_sentences(scratch)
    train, test = stratified_split(labels, 0.2, seed=0)
    pipeline = Pipeline([
        ("tfidf", TfidfVectorizer(ngram_range=(1, 2), min_df=2, token_pattern=TOKEN_REGEX)),
        ("classifier", LogisticRegression(C=10.0, max_iter=1000)),
    ]).fit(texts[train], labels[train])
    predicted = pipeline.predict(texts[test])
    proba = pipeline.predict_proba(texts[test])
    accuracy = float(np.mean(predicted == labels[test]))
    classes = [str(c) for c in pipeline.classes_]
    assert classes == CLASSES

    for name, locale in (("text-sentiment-zipmap", "C"), ("text-sentiment-zipmap-default-locale", None)):
        model, pool_size, width = build_graph(pipeline, locale)
        path = MODELS / f"{name}.onnx"
        save_model(model, path)
        rows_path = MODELS / f"{name}.rows.json"
        reference = {
            "producer": f"scikit-learn {sklearn.__version__} predict / predict_proba (float64)",
            "label": {"output": "output_label", "values": [str(p) for p in predicted]},
            "probabilities": {"output": "output_probability", "zipmap": True, "tensor": "probabilities",
                              "classes": classes, "values": round_sig(proba, 9), "atol": 1e-5},
        }
        write_json(rows_path, {
            "model": name,
            "onnx": rel(path),
            "rows": len(test),
            "source_rows": [int(i) for i in test],
            "feeds": {"text": {"type": "string", "dims": [len(test), 1], "data": [str(t) for t in texts[test]]}},
            "truth": [str(t) for t in labels[test]],
            "reference": reference,
        })
        entry = {
            "name": name,
            **model_file_info(path),
            "script": SCRIPT,
            "imitates": (
                "skl2onnx 1.21.0: to_onnx(Pipeline([TfidfVectorizer, LogisticRegression]), initial_types=[('text', "
                "StringTensorType([None, 1]))], target_opset=17, options={TfidfVectorizer: {'locale': 'C'}}) - "
                "StringNormalizer + com.microsoft Tokenizer + TfIdfVectorizer + Mul(idf) + Normalizer(L2) + "
                "LinearClassifier + ZipMap"
                if locale else
                "skl2onnx 1.21.0: the same to_onnx call with default options (StringNormalizer without a locale "
                "attribute: onnxruntime then uses en_US.UTF-8 and fails to load where that locale is missing)"
            ),
            "estimator": ("sklearn Pipeline(TfidfVectorizer(ngram_range=(1, 2), min_df=2, "
                          "token_pattern='[a-zA-Z0-9_]+'), LogisticRegression(C=10, max_iter=1000)); y = 'negative' / "
                          "'positive'"),
            "opsets": opsets(model),
            "ir_version": model.ir_version,
            "producer": f"{model.producer_name} {model.producer_version}",
            "graph": graph_io(model),
            "classes": classes,
            "vocabulary": {"ngrams": width, "pool_tokens": pool_size, "ngram_range": [1, 2]},
            "string_normalizer_locale": locale,
            "data": dict(source, split="stratified 80/20, sklearn train_test_split(random_state=0)",
                         train_rows=len(train), test_rows=len(test)),
            "test_rows": rel(rows_path),
            "accuracy": {"python": accuracy, "python_producer": reference["producer"]},
        }
        if locale is None:
            entry["expect_load_error_without_locale"] = "en_US.UTF-8"
        update_manifest(entry)
        print(f"{name}: {path.stat().st_size} bytes, {width} n-grams, held-out accuracy {accuracy:.4f} "
              f"({len(test)} sentences)")


if __name__ == "__main__":
    main()
