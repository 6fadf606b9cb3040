"""A suggester that learns from the annotator: one linear-chain CRF (python-crfsuite) per label
over character features (features.py, the rules' own suggestions among them), trained on the
accepted spans of annotated documents with BIO tags, predicting spans scored by the model's
marginal probability. Seeing the rules' output, the model learns where the annotator agrees
with them, where not, and what they miss.

Training is kept fast enough to rerun as the annotator works (under 2 s for a 100-article
project): a document is cut into sentences, and a label's model sees the sentences holding
one of its spans plus as many others, at most _BUDGET characters in all.
"""

from __future__ import annotations

import base64
import json
import os
import re
import tempfile
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from curator.core.quantity import parse_quantity
from curator.core.suggest import Suggestion
from curator.core.suggest.indicators import propose_indicator
from curator.core.suggest.features import char_features, rule_marks

__all__ = ["Example", "train", "predict", "merge", "model_labels"]

FORMAT = "curator-crf-1"

_BUDGET = 5_000  # characters of training text per label
_MAX_CHUNK = 160
# L-BFGS (far better than the perceptron on a few articles), stopped once the loss stops improving
_PARAMS = {"c1": 0.05, "c2": 0.01, "max_iterations": 25, "period": 5, "delta": 1e-3,
           "feature.possible_transitions": True}
_MIN_SCORE = 0.2


@dataclass(frozen=True)
class Example:
    """An annotated text: spans are (start, end, label), code points, end exclusive."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


def _chunks(text: str) -> list[tuple[int, int]]:
    """Sentences (a clause at most _MAX_CHUNK long; OCR line breaks are not sentence ends)."""
    out = []
    for m in re.finditer(r"[^。！？；!?;]+[。！？；!?;]*", text):
        start, end = m.span()
        while end - start > _MAX_CHUNK:
            cut = max(text.rfind(p, start, start + _MAX_CHUNK) for p in "，,、 \n")
            cut = cut + 1 if cut > start else start + _MAX_CHUNK
            out.append((start, cut))
            start = cut
        out.append((start, end))
    return out


def _tags(start: int, end: int, spans: Sequence[tuple[int, int]]) -> list[str]:
    tags = ["O"] * (end - start)
    for s, e in spans:
        if start <= s and e <= end:
            tags[s - start] = "B"
            for i in range(s + 1, e):
                tags[i - start] = "I"
    return tags


def _sample(examples: Sequence[Example], chunks: list[list[tuple[int, int]]], label: str
            ) -> list[tuple[int, int, int, list[str]]]:
    """(example index, chunk start, chunk end, tags): chunks with a span of label, then as many without."""
    positive, negative = [], []
    for index, example in enumerate(examples):
        spans = sorted((s, e) for s, e, lab in example.spans if lab == label)
        if not spans:
            continue
        starts = [s for s, _ in spans]
        for start, end in chunks[index]:
            lo = bisect_left(starts, start)
            if lo < len(starts) and starts[lo] < end:
                positive.append((index, start, end, _tags(start, end, spans[lo:])))
            else:
                negative.append((index, start, end, None))
    chosen, used = [], 0
    step = max(1, len(negative) // max(1, len(positive)))
    for index, start, end, tags in _interleave(positive, negative[::step]):
        if used >= _BUDGET:
            break
        chosen.append((index, start, end, tags or ["O"] * (end - start)))
        used += end - start
    return chosen


def _interleave(first: list, second: list) -> Iterable:
    for i in range(max(len(first), len(second))):
        if i < len(first):
            yield first[i]
        if i < len(second):
            yield second[i]


def train(examples: Sequence[Example], *, labels: Iterable[str] | None = None, use_rules: bool = True) -> bytes:
    """A model (bytes) for every label with at least one span in examples (or those of labels).

    use_rules=False leaves the rules' suggestions out of the features: a model of the
    annotations alone (the learning curve shows what that learns by itself)."""
    import pycrfsuite

    wanted = set(labels) if labels is not None else {lab for e in examples for _, _, lab in e.spans}
    chunks = [[(s, e) for s, e in _chunks(e.text) if e > s] for e in examples]
    samples = {label: _sample(examples, chunks, label) for label in sorted(wanted)}
    features = _sample_features(examples, samples, use_rules=use_rules)
    models: dict[str, str] = {}
    for label, items in samples.items():
        if not any("B" in tags for *_, tags in items):
            continue
        trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
        trainer.set_params(_PARAMS)
        for index, start, _, tags in items:
            trainer.append(features[(index, start)], tags)
        models[label] = base64.b64encode(_train_bytes(trainer)).decode("ascii")
    return json.dumps({"format": FORMAT, "rules": use_rules, "models": models}).encode("utf-8")


def _sample_features(examples: Sequence[Example], samples: dict[str, list], *, use_rules: bool
                     ) -> dict[tuple[int, int], object]:
    """Features of every sampled chunk, shared by the labels' trainers; the rules run once over
    all chunks joined (a sentence end between them), not once per chunk."""
    import pycrfsuite

    keys = sorted({(index, start, end) for items in samples.values() for index, start, end, _ in items})
    joiner = "。\n"
    texts = [examples[index].text[start:end] for index, start, end in keys]
    joined = joiner.join(texts)
    marks = rule_marks(joined) if use_rules else [[] for _ in joined]
    features, pos = {}, 0
    for (index, start, _), text in zip(keys, texts):
        features[(index, start)] = pycrfsuite.ItemSequence(char_features(text, marks[pos:pos + len(text)]))
        pos += len(text) + len(joiner)
    return features


def _train_bytes(trainer) -> bytes:
    fd, path = tempfile.mkstemp(prefix="curator-crf-", suffix=".bin")
    os.close(fd)
    try:
        trainer.train(path)
        with open(path, "rb") as f:
            return f.read()
    finally:
        os.unlink(path)


def _load(model: bytes) -> dict:
    try:
        data = json.loads(model.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        data = None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("models"), dict):
        raise ValueError("not a curator learned-suggester model")
    return data


def _models(model: bytes) -> dict[str, bytes]:
    return {label: base64.b64decode(blob) for label, blob in _load(model)["models"].items()}


def model_labels(model: bytes) -> tuple[str, ...]:
    return tuple(sorted(_models(model)))


def predict(model: bytes, text: str, *, labels: Iterable[str] | None = None,
            min_score: float = _MIN_SCORE) -> list[Suggestion]:
    """Spans the model tags in text, attrs["score"] = the lowest marginal probability of their tags."""
    import pycrfsuite

    models = _models(model)
    wanted = [label for label in models if labels is None or label in set(labels)]
    if not wanted or not text:
        return []
    chunks = [(s, e) for s, e in _chunks(text) if e > s]
    marks = rule_marks(text) if _load(model).get("rules", True) else [[] for _ in text]
    features = [char_features(text[s:e], marks[s:e]) for s, e in chunks]
    found: list[Suggestion] = []
    for label in wanted:
        tagger = pycrfsuite.Tagger()
        tagger.open_inmemory(models[label])
        for (start, _), feats in zip(chunks, features):
            tags = tagger.tag(feats)
            if "B" not in tags:
                continue
            for s, e in _spans(tags):
                score = min(tagger.marginal(tags[i], i) for i in range(s, e))
                if score >= min_score:
                    found.append(_suggestion(text, label, start + s, start + e, score))
        tagger.close()
    found.sort(key=lambda s: (s.start, s.end, s.label))
    return found


def _suggestion(text: str, label: str, start: int, end: int, score: float) -> Suggestion:
    attrs: dict[str, object] = {"score": round(score, 3)}
    if label == "figure":  # the same attributes as a rule's figure, so the fact table fills alike
        quantity = parse_quantity(text[start:end])
        if quantity is not None:
            attrs.update(value=quantity.value, unit=quantity.unit, qualifier=quantity.qualifier)
        attrs["indicator"] = propose_indicator(text, start, end)
    return Suggestion(label, start, end, text[start:end], attrs)


def merge(rules: Iterable[Suggestion], learned: Iterable[Suggestion], *, min_score: float = 0.5) -> list[Suggestion]:
    """The rules' suggestions, and the learned ones scored at least min_score that no rule suggestion
    of their label overlaps (where both speak, the rules' span stands)."""
    kept = list(rules)
    by_label: dict[str, list[tuple[int, int]]] = {}
    for s in kept:
        by_label.setdefault(s.label, []).append((s.start, s.end))
    for s in learned:
        spans = by_label.get(s.label, [])
        if s.attrs.get("score", 0) >= min_score and not any(a < s.end and s.start < b for a, b in spans):
            kept.append(s)
    kept.sort(key=lambda s: (s.start, s.end, s.label))
    return kept


def _spans(tags: list[str]) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, tag in enumerate(tags + ["O"]):
        if tag != "I" and start is not None:
            spans.append((start, i))
            start = None
        if tag == "B":
            start = i
    return spans
