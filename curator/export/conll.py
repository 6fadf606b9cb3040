"""Character-level BIO (.conll), the form Chinese NER corpora use (MSRA, Weibo, Resume).

One character and its tag a line, tab-separated ("格\tB-地点"); a blank line after each
sentence (split after 。！？ with their closing quotes, and at line breaks, never inside a span)
and between documents. Whitespace characters are left out. BIO cannot nest: where spans
overlap, the one starting first (the longer on a tie) is kept and the others are counted.
Suggestions awaiting review are left out unless asked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from curator.export.files import atomic_output

_ENDS = "。！？!?"
_CLOSERS = "”’」』）)》"
_INSIDE_SPACE = "I"  # whitespace inside a span: not written, but no sentence ends there


@dataclass(frozen=True)
class ConllSummary:
    documents: int
    sentences: int
    overlapping: int  # spans left out because they overlap a kept one


def tags_of(text: str, spans: Iterable[tuple[int, int, str]]) -> tuple[list[str], int]:
    """A BIO tag for each character of text, and how many overlapping spans were left out."""
    tags = ["O"] * len(text)
    dropped = 0
    for start, end, label in sorted(spans, key=lambda s: (s[0], -(s[1] - s[0]))):
        if not 0 <= start < end <= len(text):
            raise ValueError(f"span {start}-{end} is outside its text ({len(text)} characters)")
        if any(tag != "O" for tag in tags[start:end]):
            dropped += 1
            continue
        name = re.sub(r"\s+", "_", label.strip())
        first = True
        for position in range(start, end):
            if text[position].isspace():
                tags[position] = _INSIDE_SPACE
                continue
            tags[position] = f"{'B' if first else 'I'}-{name}"
            first = False
    return tags, dropped


def sentences(text: str, tags: list[str]) -> Iterator[list[tuple[str, str]]]:
    """(character, tag) rows of each sentence, whitespace left out."""
    current: list[tuple[str, str]] = []
    for position, char in enumerate(text):
        inside = position + 1 < len(text) and tags[position + 1].startswith("I")
        if char in "\n\r\u2028\u2029" and not inside:
            if current:
                yield current
            current = []
            continue
        if not char.isspace():
            current.append((char, tags[position]))
        following = text[position + 1] if position + 1 < len(text) else ""
        ends = char in _ENDS or (char in _CLOSERS and position and text[position - 1] in _ENDS)
        if ends and following not in _CLOSERS and not inside and current:
            yield current
            current = []
    if current:
        yield current


def write_conll(path: str | Path, documents: Iterable[Mapping[str, Any]], *, overwrite: bool = False,
                suggestions: bool = False) -> ConllSummary:
    count = sentence_count = dropped = 0
    with atomic_output(path, overwrite=overwrite) as temp:
        with temp.open("w", encoding="utf-8", newline="\n") as out:
            for document in documents:
                text = document["text"]
                spans = [(s[0], s[1], s[2]) for s in document.get("spans") or ()
                         if suggestions or (s[3] if len(s) > 3 else {}).get("origin") != "suggested"]
                tags, lost = tags_of(text, spans)
                dropped += lost
                for sentence in sentences(text, tags):
                    out.write("".join(f"{char}\t{tag}\n" for char, tag in sentence))
                    out.write("\n")
                    sentence_count += 1
                count += 1
    return ConllSummary(count, sentence_count, dropped)
