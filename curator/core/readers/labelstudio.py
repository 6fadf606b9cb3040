"""Label Studio exports (.json): the full JSON export and JSON-MIN, read task by task.

Full export: a list of tasks {"data": {"text"}, "annotations": [{"result": [{"id", "from_name",
"to_name", "type": "labels", "value": {"start", "end", "text", "labels"}}], "completed_by",
"created_at", "updated_at", "was_cancelled"}], "predictions": [{"result", "score", "model_version"}]}.
JSON-MIN: a list of {"text", "label": [{"start", "end", "text", "labels"}], "annotator", ...}
(the key of the regions is the labeling config's from_name, "label" by default).
Offsets are code points into the text, as in curator; predictions become suggestions.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from curator.core.readers.jsonarray import iter_array
from curator.core.readers.limits import check_regular
from curator.core.readers.spans import span, text_field, unique_ids
from curator.core.records import RawRecord, RawSpan

META_FIELDS = ("title", "source", "published", "place")
_SPAN_TYPES = ("labels",)


def read_label_studio(path: Path) -> Iterator[RawRecord]:
    """The export's tasks, one record each; ValueError naming the task at the first bad one.

    JSON-MIN writes one row per annotation: adjacent rows of the same task (same "id" and text)
    become one record with all their spans, or the second would be dropped as a duplicate text.
    """
    check_regular(path)
    pending: tuple[Any, RawRecord] | None = None
    with path.open("rb") as f:
        for number, item in iter_array(f):
            try:
                record = task_record(item, number)
            except ValueError as exc:
                raise ValueError(f"task {number}: {exc}") from None
            key = _min_task_key(item)
            if pending is not None and key is not None and pending[0] == key:
                pending = (key, _merged(pending[1], record))
                continue
            if pending is not None:
                yield pending[1]
            pending = (key, record)
    if pending is not None:
        yield pending[1]


def _min_task_key(item: Any) -> tuple[Any, str] | None:
    """A JSON-MIN row's task: its id and text (None for a full-export task or a row without id)."""
    if isinstance(item, dict) and "data" not in item and item.get("id") is not None:
        return (item["id"], item["text"])
    return None


def _merged(first: RawRecord, more: RawRecord) -> RawRecord:
    return replace(first, spans=unique_ids([*first.spans, *more.spans]), status=first.status or more.status)


def task_record(item: Any, number: int) -> RawRecord:
    """One task of either export form."""
    if not isinstance(item, dict):
        raise ValueError("not an object (a Label Studio task)")
    if isinstance(item.get("data"), dict):
        return _full_task(item, number)
    if isinstance(item.get("text"), str):
        return _min_task(item, number)
    raise ValueError("has neither \"data\" with a text (JSON export) nor a \"text\" (JSON-MIN)")


def _task_text(data: Mapping[str, Any]) -> str:
    if isinstance(data.get("text"), str):
        return data["text"]
    texts = [value for value in data.values() if isinstance(value, str)]
    if len(texts) != 1:
        raise ValueError("its \"data\" has no \"text\" string")
    return texts[0]


def _full_task(item: Mapping[str, Any], number: int) -> RawRecord:
    data = item["data"]
    text = _task_text(data)
    spans: list[RawSpan] = []
    done = False
    for annotation in _list(item.get("annotations"), "annotations"):
        if not isinstance(annotation, dict) or annotation.get("was_cancelled"):
            continue
        done = True
        attrs = {"origin": "manual", "annotator": annotator_name(annotation),
                 "created": text_field(annotation.get("created_at"), "created_at"),
                 "updated": text_field(annotation.get("updated_at"), "updated_at")}
        spans.extend(_regions(text, annotation.get("result"), attrs))
    for prediction in _list(item.get("predictions"), "predictions"):
        if not isinstance(prediction, dict):
            continue
        attrs = {"origin": "suggested", "annotator": text_field(prediction.get("model_version"), "model_version"),
                 "score": _score(prediction.get("score"))}
        spans.extend(_regions(text, prediction.get("result"), attrs))
    fields = {name: text_field(data.get(name), name) for name in META_FIELDS}
    return RawRecord(text=text, spans=unique_ids(spans), status="done" if done else "", line=number, **fields)


def _min_task(item: Mapping[str, Any], number: int) -> RawRecord:
    text = item["text"]
    attrs = {"origin": "manual", "annotator": annotator_name(item),
             "created": text_field(item.get("created_at"), "created_at"),
             "updated": text_field(item.get("updated_at"), "updated_at")}
    spans: list[RawSpan] = []
    for key, value in item.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) and "start" in v and "end" in v for v in value):
            for region in value:
                for label in _labels(region):
                    spans.append(span(text, region["start"], region["end"], label, attrs, quoted=region.get("text")))
    fields = {name: text_field(item.get(name), name) for name in META_FIELDS}
    return RawRecord(text=text, spans=unique_ids(spans), status="done" if spans else "", line=number, **fields)


def _regions(text: str, result: Any, attrs: dict[str, Any]) -> Iterator[RawSpan]:
    for region in _list(result, "result"):
        if not isinstance(region, dict) or region.get("type", "labels") not in _SPAN_TYPES:
            continue  # relations, choices, text areas: not spans
        value = region.get("value")
        if not isinstance(value, dict) or "start" not in value:
            continue
        extra = {**attrs, "id": region.get("id")}
        if "score" in region:
            extra["score"] = _score(region.get("score"))
        for label in _labels(value):
            yield span(text, value["start"], value.get("end"), label, extra, quoted=value.get("text"))


def _labels(value: Mapping[str, Any]) -> list[Any]:
    labels = value.get("labels")
    if not isinstance(labels, list) or not labels:
        raise ValueError(f"a region {value.get('start')}-{value.get('end')} has no \"labels\" list")
    return labels


def _list(value: Any, name: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"\"{name}\" must be a list")
    return value


def _score(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def annotator_name(annotation: Mapping[str, Any]) -> str:
    """A readable name: the user's name or email when the export carries them, else "Label Studio user N"."""
    who = annotation.get("completed_by", annotation.get("annotator"))
    if isinstance(who, dict):
        full = " ".join(str(who.get(k) or "").strip() for k in ("first_name", "last_name")).strip()
        return full or str(who.get("email") or who.get("username") or "").strip() or _numbered(who.get("id"))
    named = annotation.get("created_username")  # " email@example.com, 1" in 1.x exports
    if isinstance(named, str) and named.strip(" ,"):
        return named.rsplit(",", 1)[0].strip() or _numbered(who) or named.strip(" ,")  # ", 3": no email
    if isinstance(who, str) and who.strip():
        return who.strip()
    return _numbered(who)


def _numbered(ident: Any) -> str:
    return f"Label Studio user {ident}" if isinstance(ident, int) and not isinstance(ident, bool) else ""
