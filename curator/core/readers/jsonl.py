"""JSONL in curator's shape (and doccano's "label"): one document a line, streamed.

    {"text", "title", "source", "published", "place", "status",
     "spans" | "label": [[start, end, label], [start, end, label, {"id", "origin", "annotator", ...}]],
     "initiatives": [{"id", "name", ..., "span_ids": [...]}], "figures": [{..., "initiative_id", "span_ids"}]}

Every field's type and range is checked; a line that breaks a rule is refused with its
line number. Offsets are code points into "text" as the line has it (before normalisation).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from curator.core.encoding import DecodeError, decode
from curator.core.model import ORIGINS
from curator.core.readers.limits import LIMIT_TEXT, MAX_BYTES, TooLarge, check_regular
from curator.core.records import RawRecord, RawSpan

TEXT_FIELDS = ("title", "source", "published", "place", "status")
MAX_LABEL = 100
MAX_VALUE = 1e15  # a figure's value: beyond this it is not a count or an amount any article reports
SPAN_TEXT_ATTRS = ("origin", "annotator", "created", "updated")
FACT_TEXT_FIELDS = {
    "initiatives": ("name", "category", "place", "organisation", "note"),
    "figures": ("indicator", "unit", "qualifier", "place", "as_of"),
}


def read_jsonl(path: Path) -> Iterator[RawRecord]:
    """The file's records, one a line; raises ValueError naming the line at the first bad one."""
    size = check_regular(path)
    with path.open("rb") as f:
        first = f.read(4)
        f.seek(0)
        if first.startswith((b"\xff\xfe", b"\xfe\xff")) or (not first.startswith(b"\xef\xbb\xbf") and b"\x00" in first):
            yield from _decoded_whole(path, size)  # UTF-16 JSONL: small files only
            return
        for number, raw in enumerate(iter(lambda: f.readline(MAX_BYTES + 2), b""), start=1):
            if len(raw.rstrip(b"\r\n")) > MAX_BYTES:  # the line end is not the article's
                raise TooLarge(f"line {number} is over {LIMIT_TEXT}; one article may not be larger")
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                if size > MAX_BYTES:
                    raise ValueError(f"line {number} is not UTF-8; JSONL files are read as UTF-8") from None
                yield from _decoded_whole(path, size, skip=number - 1)
                return
            record = parse_line(line, number)
            if record is not None:
                yield record


def _decoded_whole(path: Path, size: int, *, skip: int = 0) -> Iterator[RawRecord]:
    if size > MAX_BYTES:
        raise TooLarge(f"over {LIMIT_TEXT} and not UTF-8; save it as UTF-8 first")
    try:
        text, _encoding = decode(path.read_bytes())
    except DecodeError as exc:
        raise ValueError(str(exc)) from None
    for number, line in enumerate(text.removeprefix("\ufeff").split("\n"), start=1):
        if number > skip:
            record = parse_line(line, number)
            if record is not None:
                yield record


def parse_line(line: str, number: int) -> RawRecord | None:
    """One line's record (None for a blank line); ValueError naming the line and the field."""
    if not line.strip():
        return None
    try:
        obj = json.loads(line, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON on line {number} ({exc.msg})") from None
    except RecursionError:
        raise ValueError(f"malformed JSON on line {number} (nested too deeply)") from None
    except ValueError as exc:
        raise ValueError(f"malformed JSON on line {number} ({exc})") from None
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        raise ValueError(f"line {number} is not an object with a \"text\" string")
    try:
        if "entities" in obj and "spans" not in obj and "label" not in obj:  # a doccano relation project's line
            from curator.core.readers.doccano import doccano_record

            return doccano_record(obj, number)
        return _record(obj, number)
    except ValueError as exc:
        raise ValueError(f"line {number}: {exc}") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _record(obj: Mapping[str, Any], number: int) -> RawRecord:
    text = obj["text"]
    fields = {name: _text(obj.get(name), name) for name in TEXT_FIELDS}
    spans = _spans(obj, len(text))
    ids = {span.attrs.get("id", f"#{i}") for i, span in enumerate(spans)}
    initiatives = _facts(obj, "initiatives", ids)
    initiative_ids = {row.get("id") for row in initiatives if row.get("id") is not None}
    figures = _facts(obj, "figures", ids, initiative_ids=initiative_ids)
    return RawRecord(text=text, spans=spans, initiatives=initiatives, figures=figures, line=number, **fields)


def _text(value: Any, name: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(f"\"{name}\" must be a string, not {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", str: "a string", list: "a list",
            dict: "an object", type(None): "null"}.get(type(value), type(value).__name__)


def _offset(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} must be a whole number, not {value!r}"[:200])
    return value


def _identifier(value: Any, what: str) -> int | str:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"{what} must be a number or a string, not {_kind(value)}")
    return value


def _spans(obj: Mapping[str, Any], length: int) -> tuple[RawSpan, ...]:
    key = "spans" if "spans" in obj else "label"
    items = obj.get(key) or []
    if not isinstance(items, list):
        raise ValueError(f"\"{key}\" must be a list of [start, end, label]")
    spans, seen = [], set()
    for item in items:
        if not isinstance(item, list) or len(item) not in (3, 4):
            raise ValueError(f"a span must be [start, end, label] or [start, end, label, {{attributes}}], got {item!r}"[:200])
        start, end = _offset(item[0], "a span's start"), _offset(item[1], "a span's end")
        label = item[2]
        if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
            raise ValueError(f"a span's label must be a name of 1 to {MAX_LABEL} characters, not {label!r}"[:200])
        if not 0 <= start < end <= length:
            raise ValueError(f"span {start}-{end} is outside the text ({length} characters)")
        attrs = item[3] if len(item) == 4 else {}
        if not isinstance(attrs, dict):
            raise ValueError(f"a span's attributes must be an object, not {_kind(attrs)}")
        attrs = _span_attrs(attrs)
        if "id" in attrs:
            if attrs["id"] in seen:
                raise ValueError(f"span id {attrs['id']!r} appears twice")
            seen.add(attrs["id"])
        spans.append(RawSpan(start, end, label, attrs))
    return tuple(spans)


def _span_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(attrs)
    if "id" in out:
        out["id"] = _identifier(out["id"], "a span's id")
    for name in SPAN_TEXT_ATTRS:
        if name in out:
            out[name] = _text(out[name], name)
    if out.get("origin", "manual") not in ORIGINS:
        raise ValueError(f"a span's origin must be one of {', '.join(ORIGINS)}, not {out['origin']!r}"[:200])
    if "value" in out:
        out["value"] = _value(out["value"])
    return out


def _value(value: Any) -> float | None:
    """A figure's value: a finite number within range, or null."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"a figure's value must be a number or null, not {value!r}"[:200])
    if isinstance(value, int) and abs(value) > MAX_VALUE or isinstance(value, float) and not (
            math.isfinite(value) and abs(value) <= MAX_VALUE):
        raise ValueError(f"a figure's value is out of range ({value!r})"[:200])
    return float(value)


def _facts(obj: Mapping[str, Any], table: str, span_ids: set, *, initiative_ids: set | None = None) -> tuple[dict, ...]:
    rows = obj.get(table) or []
    if not isinstance(rows, list):
        raise ValueError(f"\"{table}\" must be a list of objects")
    out, seen = [], set()
    for row in rows:
        if not isinstance(row, dict):
            raise ValueError(f"each of \"{table}\" must be an object, not {_kind(row)}")
        row = dict(row)
        if row.get("id") is not None:
            row["id"] = _identifier(row["id"], f"a row id in \"{table}\"")
            if row["id"] in seen:
                raise ValueError(f"row id {row['id']!r} appears twice in \"{table}\"")
            seen.add(row["id"])
        for name in FACT_TEXT_FIELDS[table]:
            if name in row:
                row[name] = _text(row[name], name)
        cited = row.get("span_ids", [])
        if not isinstance(cited, list):
            raise ValueError(f"\"span_ids\" must be a list of span ids, not {_kind(cited)}")
        for span_id in cited:
            if _identifier(span_id, "a span id in \"span_ids\"") not in span_ids:
                raise ValueError(f"a row of \"{table}\" cites span id {span_id!r}, which the line does not have")
        if "edited" in row and row["edited"] not in (0, 1, True, False, None):
            raise ValueError(f"\"edited\" must be 0 or 1, not {row['edited']!r}"[:200])
        if table == "figures":
            if "value" in row:
                row["value"] = _value(row["value"])
            target = row.get("initiative_id")
            if target is not None and _identifier(target, "\"initiative_id\"") not in (initiative_ids or set()):
                raise ValueError(f"a figure names initiative {target!r}, which the line does not have")
        out.append(row)
    return tuple(out)
