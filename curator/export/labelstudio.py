"""Label Studio task list (.json) that Label Studio imports with its annotations, and the labeling config to match.

    [{"data": {"text", "title", "source", "published", "place"},
      "annotations": [{"result": [{"id", "from_name": "label", "to_name": "text", "type": "labels",
                                   "value": {"start", "end", "text", "labels": [label]}, "origin"}]}],
      "predictions": [{"model_version": "curator", "result": [... suggestions ..., "score"]}],
      "meta": {"curator_annotators": [...]}}]

Input: documents as curator's JSONL rows ({"text", ..., "spans": [[start, end, label, {attrs}]]}).
Offsets are code points, which is what Label Studio counts. One annotation per annotator (Label
Studio assigns it to the importing user; the names are kept in the task's meta).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from curator.export.files import atomic_output

FROM_NAME = "label"
TO_NAME = "text"
DATA_FIELDS = ("title", "source", "published", "place")


def label_studio_task(document: Mapping[str, Any]) -> dict[str, Any]:
    text = document["text"]
    by_annotator: dict[str, list[dict[str, Any]]] = {}
    suggested: list[dict[str, Any]] = []
    for number, (start, end, label, *rest) in enumerate(document.get("spans") or ()):
        attrs = rest[0] if rest else {}
        region = {
            "id": f"c{attrs.get('id', number)}", "from_name": FROM_NAME, "to_name": TO_NAME, "type": "labels",
            "value": {"start": start, "end": end, "text": text[start:end], "labels": [label]},
        }
        if attrs.get("origin") == "suggested":
            if isinstance(attrs.get("score"), (int, float)):
                region["score"] = attrs["score"]
            suggested.append(region)
        else:
            region["origin"] = "manual"
            by_annotator.setdefault(str(attrs.get("annotator") or ""), []).append(region)
    task: dict[str, Any] = {"data": {"text": text, **{k: document.get(k) or "" for k in DATA_FIELDS}}}
    task["annotations"] = [{"result": result} for result in by_annotator.values()]
    if suggested:
        task["predictions"] = [{"model_version": "curator", "result": suggested}]
    names = [name for name in by_annotator if name]
    if names:
        task["meta"] = {"curator_annotators": names}
    return task


def write_label_studio(path: str | Path, documents: Iterable[Mapping[str, Any]], *, overwrite: bool = False) -> int:
    """Write the task list, streamed (one task a line inside the list); return the number of tasks."""
    count = 0
    with atomic_output(path, overwrite=overwrite) as temp:
        with temp.open("w", encoding="utf-8", newline="\n") as out:
            out.write("[")
            for document in documents:
                out.write(",\n" if count else "\n")
                out.write(json.dumps(label_studio_task(document), ensure_ascii=False, separators=(",", ":")))
                count += 1
            out.write("\n]\n")
    return count


def label_studio_config(labels: Iterable[str] | Mapping[str, str]) -> str:
    """The labeling config (Settings → Labeling Interface → Code) for these labels; a mapping gives colours."""
    colours = dict(labels) if isinstance(labels, Mapping) else {name: "" for name in labels}
    rows = [f"    <Label value={quoteattr(name)}" + (f" background={quoteattr(colour)}" if colour else "") + "/>"
            for name, colour in colours.items()]
    return "\n".join([
        "<View>",
        f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}">',
        *rows,
        "  </Labels>",
        f'  <Text name="{TO_NAME}" value="$text"/>',
        "</View>",
        "",
    ])
