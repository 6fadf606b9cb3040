"""The readers of web pages, PDF, Word through LibreOffice and Label Studio, keyed by suffix.

Each takes a path and gives RawRecords, as curator.core.importing.READERS expects:
READERS.update(formats.READERS). doccano JSONL shares .jsonl with curator's own JSONL: its
"label" column is read there; its "entities" lines go through doccano.doccano_record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from curator.core.readers.labelstudio import read_label_studio
from curator.core.readers.limits import read_bounded
from curator.core.records import RawRecord


def read_web_page(path: Path) -> list[RawRecord]:
    from curator.core.readers.html import read_html

    return [read_html(read_bounded(path), name=path.name)]


def read_pdf_file(path: Path) -> list[RawRecord]:
    from curator.core.readers.pdf import read_pdf

    return [read_pdf(path)]


def read_word_file(path: Path) -> list[RawRecord]:
    from curator.core.readers.office import read_office

    return read_office(path)


READERS: dict[str, Callable[[Path], Iterable[RawRecord]]] = {
    ".html": read_web_page, ".htm": read_web_page, ".mhtml": read_web_page, ".mht": read_web_page,
    ".pdf": read_pdf_file,
    ".doc": read_word_file, ".wps": read_word_file, ".rtf": read_word_file,
    ".json": read_label_studio,
}
LAZY = frozenset({".json"})  # streamed task by task: a large export goes into the import as it is read
