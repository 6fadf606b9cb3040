"""How a text is laid out: does it look broken into lines by a newspaper column or OCR?"""

from __future__ import annotations

from curator.core.importing import reflow

LINE_BROKEN_SHARE = 0.3  # of the non-empty lines that reflow joins to the next one
MIN_LINES = 6  # a heading and a few paragraphs are no evidence either way


def looks_line_broken(text: str) -> bool:
    """True when reflowing would join a good share of the lines (邻里互 / 助): the layout broke them, not the writer."""
    before = _filled_lines(text)
    if before < MIN_LINES:
        return False
    joined = before - _filled_lines(reflow(text))
    return joined >= LINE_BROKEN_SHARE * before


def _filled_lines(text: str) -> int:
    return sum(1 for line in text.split("\n") if line.strip())
