"""JSONL for data people: one document a line with its spans, the shape doccano and Label Studio users know.

    {"text", "title", "source", "published", "place", "status",
     "spans": [[start, end, label, {"id", "origin", "annotator", "created", "updated", ...attrs}]],
     "initiatives": [{"id", "name", ..., "span_ids": [...]}],
     "figures": [{"id", ..., "initiative_id", "span_ids": [...]}]}

`curator import` reads it back (curator.core.importing); ids are those of this file and are
renumbered on import.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from curator.export.files import atomic_output


def write_jsonl(path: str | Path, documents: Iterable[Mapping[str, Any]], *, overwrite: bool = False) -> int:
    """Write one JSON object a line; return the number of lines."""
    count = 0
    with atomic_output(path, overwrite=overwrite) as temp:
        with temp.open("w", encoding="utf-8", newline="\n") as out:
            for document in documents:
                out.write(json.dumps(document, ensure_ascii=False, separators=(",", ":")))
                out.write("\n")
                count += 1
    return count
