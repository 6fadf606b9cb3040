"""Checks shared by the readers of annotated peer formats (Label Studio, doccano)."""

from __future__ import annotations

from typing import Any

from curator.core.records import RawSpan

MAX_LABEL = 100


def offset(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{what} must be a whole number, not {value!r}"[:200])
    return value


def label_name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_LABEL:
        raise ValueError(f"a label must be a name of 1 to {MAX_LABEL} characters, not {value!r}"[:200])
    return value


def text_field(value: Any, name: str) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise ValueError(f"\"{name}\" must be a string, not {type(value).__name__}")
    return value


def span(text: str, start: Any, end: Any, label: Any, attrs: dict[str, Any], *, quoted: Any = None) -> RawSpan:
    """A checked span: offsets are code points inside text; a quoted text must be what the offsets hold."""
    start, end = offset(start, "a span's start"), offset(end, "a span's end")
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is outside the text ({len(text)} characters)")
    if isinstance(quoted, str) and quoted and text[start:end] != quoted:
        raise ValueError(f"span {start}-{end} says {quoted[:30]!r} but the text there is {text[start:end][:30]!r} "
                         "(offsets must be code points, as Label Studio and doccano write them)")
    return RawSpan(start, end, label_name(label), {k: v for k, v in attrs.items() if v not in (None, "")})


def unique_ids(spans: list[RawSpan]) -> tuple[RawSpan, ...]:
    """Span ids as the file gives them, made unique (two annotations may reuse a region id)."""
    seen: set[Any] = set()
    out = []
    for number, item in enumerate(spans):
        ident = item.attrs.get("id")
        if ident is None or ident in seen:
            ident = f"{ident}#{number}" if ident is not None else None
        attrs = {**item.attrs, "id": ident} if ident is not None else dict(item.attrs)
        if ident is not None:
            seen.add(ident)
        out.append(RawSpan(item.start, item.end, item.label, attrs))
    return tuple(out)
