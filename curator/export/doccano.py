"""doccano JSONL for sequence labeling: {"text", "label": [[start, end, label]], "title", ...}.

doccano reads "label" by default (curator's own JSONL says "spans", which doccano drops).
Offsets are code points, as doccano counts them. Suggestions awaiting review are left out
unless asked for: doccano has no notion of them. Other keys become the example's metadata.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from curator.export.files import atomic_output

META_FIELDS = ("title", "source", "published", "place")


def doccano_line(document: Mapping[str, Any], *, suggestions: bool = False) -> dict[str, Any]:
    labels = []
    for start, end, label, *rest in document.get("spans") or ():
        attrs = rest[0] if rest else {}
        if suggestions or attrs.get("origin") != "suggested":
            labels.append([start, end, label])
    return {"text": document["text"], "label": labels, **{k: document.get(k) or "" for k in META_FIELDS}}


def write_doccano(path: str | Path, documents: Iterable[Mapping[str, Any]], *, overwrite: bool = False,
                  suggestions: bool = False) -> int:
    """Write one JSON object a line; return the number of lines."""
    count = 0
    with atomic_output(path, overwrite=overwrite) as temp:
        with temp.open("w", encoding="utf-8", newline="\n") as out:
            for document in documents:
                out.write(json.dumps(doccano_line(document, suggestions=suggestions), ensure_ascii=False,
                                     separators=(",", ":")))
                out.write("\n")
                count += 1
    return count
