"""doccano JSONL: {"text", "label": [[start, end, label]]} (sequence labeling) or, from relation
projects, {"text", "entities": [{"id", "start_offset", "end_offset", "label"}], "relations": [...]}.

Offsets are code points into the text, as in curator. doccano writes one file per user
(admin.jsonl) unless the project is collaborative: the caller may pass that name as annotator.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from curator.core.readers.limits import MAX_BYTES, TooLarge, check_regular, size_text
from curator.core.readers.spans import span, text_field, unique_ids
from curator.core.records import RawRecord, RawSpan

META_FIELDS = ("title", "source", "published", "place")


def read_doccano(path: Path, *, annotator: str = "") -> Iterator[RawRecord]:
    """The file's records, one a line, streamed; ValueError naming the line at the first bad one."""
    check_regular(path)
    with path.open("rb") as f:
        for number, raw in enumerate(iter(lambda: f.readline(MAX_BYTES + 2), b""), start=1):
            if len(raw.rstrip(b"\r\n")) > MAX_BYTES:  # the line end is not the article's
                raise TooLarge(f"line {number} is over {size_text(MAX_BYTES)}; one article may not be larger")
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise ValueError(f"line {number} is not UTF-8; doccano files are UTF-8") from None
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except (json.JSONDecodeError, RecursionError) as exc:
                raise ValueError(f"malformed JSON on line {number} ({getattr(exc, 'msg', 'nested too deeply')})") from None
            try:
                yield doccano_record(obj, number, annotator=annotator)
            except ValueError as exc:
                raise ValueError(f"line {number}: {exc}") from None


def is_doccano(obj: Any) -> bool:
    """A line in doccano's shape (not curator's): "entities", or "label" without curator's "spans"."""
    return isinstance(obj, dict) and isinstance(obj.get("text"), str) and "spans" not in obj and (
        isinstance(obj.get("entities"), list) or isinstance(obj.get("label"), list))


def doccano_record(obj: Any, number: int, *, annotator: str = "") -> RawRecord:
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise ValueError("not an object with a \"text\" string")
    text = obj["text"]
    who = _user(obj) or annotator
    attrs = {"origin": "manual", "annotator": who}
    spans: list[RawSpan] = []
    if isinstance(obj.get("entities"), list):
        for entity in obj["entities"]:
            if not isinstance(entity, dict):
                raise ValueError(f"an entity must be an object, got {entity!r}"[:200])
            extra = {**attrs, "id": entity.get("id")}
            spans.append(span(text, entity.get("start_offset"), entity.get("end_offset"), entity.get("label"), extra))
    else:
        for item in obj.get("label") or []:
            if not isinstance(item, list) or len(item) != 3:
                if isinstance(item, str):  # a text-classification project: document labels, not spans
                    continue
                raise ValueError(f"a label must be [start, end, label], got {item!r}"[:200])
            spans.append(span(text, item[0], item[1], item[2], attrs))
    fields = {name: text_field(obj.get(name), name) for name in META_FIELDS}
    return RawRecord(text=text, spans=unique_ids(spans), line=number, **fields)


def _user(obj: Mapping[str, Any]) -> str:
    who = obj.get("user", obj.get("annotator"))
    return who.strip() if isinstance(who, str) else ""
