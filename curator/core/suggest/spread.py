"""Label-all-occurrences spreading: where else in a text does a span's text occur?"""

from __future__ import annotations

import unicodedata

__all__ = ["find_occurrences"]


def _is_word_char(ch: str) -> bool:
    """Letters and digits of scripts that separate words; CJK text has no cheap word edge."""
    if ch.isascii():
        return ch.isalnum()
    if "\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff5a":  # full-width digits and Latin
        return True
    return unicodedata.category(ch)[0] in "LN" and unicodedata.name(ch, "").startswith(
        ("LATIN", "GREEK", "CYRILLIC", "DIGIT", "FULLWIDTH")
    )


def find_occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of `needle` in `text`, left to right, as code points.

    An occurrence glued to a longer word of a word-separating script (A2O inside A2OB,
    3万 inside 13万) is skipped; in Chinese text every occurrence counts.
    """
    if not needle:
        return []
    check_left = _is_word_char(needle[0])
    check_right = _is_word_char(needle[-1])
    found: list[tuple[int, int]] = []
    size = len(needle)
    start = text.find(needle)
    while start != -1:
        end = start + size
        glued = (check_left and start > 0 and _is_word_char(text[start - 1])) or (
            check_right and end < len(text) and _is_word_char(text[end])
        )
        if glued:
            start = text.find(needle, start + 1)
        else:
            found.append((start, end))
            start = text.find(needle, end)
    return found
