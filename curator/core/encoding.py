"""Decode article bytes: detected from the bytes, never guessed blindly.

Order: BOM, then strict UTF-8, then GB18030 against Big5 (and UTF-16 without a BOM)
judged by how many common characters each decoding yields. Detectors such as
charset-normalizer misjudge short GBK texts (格尔木市 as Big5 or cp949), and Big5
bytes decode without error as GB18030 garbage, so plausibility decides; the detector
only names the encoding of a file we refuse.
"""

from __future__ import annotations

import codecs
import re
from functools import cache

SUPPORTED = "UTF-8, UTF-16, GBK/GB18030, Big5"
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MIN_SCORE = 0.75
_LEGACY = ("gb18030", "big5", "utf-16-le", "utf-16-be")  # tried in this order; on a tie the first wins
_PRIVATE_USE = re.compile("[\ue000-\uf8ff]")
_HANZI = re.compile("[\u4e00-\u9fff]")
_LINE_MIN_HANZI = 8
_LINE_MIN_SCORE = 0.6


class DecodeError(ValueError):
    """The bytes are not text in an encoding curator reads."""


@cache
def _common_hanzi() -> dict[str, frozenset[str]]:
    """GB2312 level 1 (common simplified) and Big5 level 1 (common traditional) characters."""
    gb = {bytes((hi, lo)).decode("gb2312") for hi in range(0xB0, 0xD8) for lo in range(0xA1, 0xFF)
          if (hi, lo) < (0xD7, 0xFA)}
    big5 = set()
    for hi in range(0xA4, 0xC7):
        for lo in [*range(0x40, 0x7F), *range(0xA1, 0xFF)]:
            try:
                big5.add(bytes((hi, lo)).decode("big5"))
            except UnicodeDecodeError:
                continue
    return {"gb18030": frozenset(gb), "big5": frozenset(big5), "utf-16": frozenset(gb | big5)}


def _is_plain(ch: str) -> bool:
    """Characters every article has whatever its encoding: ASCII, CJK and full-width punctuation."""
    code = ord(ch)
    return code < 0x80 and (ch.isprintable() or ch in "\n\r\t") or 0x3000 <= code <= 0x303F or 0xFF00 <= code <= 0xFFEF or ch in "“”‘’…—·"


def plausibility(text: str, common: frozenset[str]) -> float:
    """Share of characters that are plain or common hanzi; garbage decodings score low."""
    sample = text[:20000]
    if not sample:
        return 0.0
    return sum(1 for ch in sample if ch in common or _is_plain(ch)) / len(sample)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # category Cc but for \t \n \f \r


def _has_control_chars(text: str) -> bool:
    sample = text[:20000]
    return len(_CONTROL.findall(sample)) > len(sample) // 1000


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises DecodeError with a reason a user can act on."""
    if not data:
        raise DecodeError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _try(data, encoding)
            if text is None:
                raise DecodeError(f"starts with a {encoding} byte-order mark but is not valid {encoding}")
            return text, encoding
    text = _try(data, "utf-8")
    if text is not None and not _has_control_chars(text):
        return text, "utf-8"
    candidates = []
    for encoding in _LEGACY:
        if encoding.startswith("utf-16") and len(data) % 2:
            continue
        decoded = _try(data, encoding)
        if decoded is None or _has_control_chars(decoded):
            continue
        common = _common_hanzi()[encoding[:6] if encoding.startswith("utf-16") else encoding]
        candidates.append((plausibility(decoded, common), encoding, decoded))
    if candidates:
        # Short texts often score the same in GB18030 and Big5 (街道 reads as 誰耋): ties go to the
        # preferred encoding, GB18030 first (the users are on the mainland), by an explicit rank.
        score, encoding, decoded = max(candidates, key=lambda c: (c[0], -_LEGACY.index(c[1])))
        if score >= _MIN_SCORE:
            if not encoding.startswith("utf-16"):
                _refuse_mixed(decoded, encoding)
            return decoded, encoding
    if b"\x00" in data[:8192] or text is not None:
        raise DecodeError("binary file (control bytes), not text")
    raise DecodeError(f"cannot read its encoding ({_name_guess(data)}); curator reads {SUPPORTED}")


def _refuse_mixed(text: str, encoding: str) -> None:
    """A file whose lines are in different encodings decodes as one, with garbage in the other lines
    (Big5 punctuation becomes private-use characters in GB18030): refuse it, naming the first such line."""
    common = _common_hanzi()[encoding]
    for number, line in enumerate(text.split("\n"), start=1):
        hanzi = _HANZI.findall(line)
        odd = _PRIVATE_USE.search(line) is not None
        if not odd and len(hanzi) >= _LINE_MIN_HANZI:
            odd = sum(ch in common for ch in hanzi) / len(hanzi) < _LINE_MIN_SCORE
        if odd:
            name = {"gb18030": "GBK/GB18030", "big5": "Big5"}[encoding]
            raise DecodeError(f"mixes encodings: most of it reads as {name}, but line {number} does not "
                              "(save the whole file in one encoding, e.g. UTF-8)")


def _name_guess(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    return f"it looks like {best.encoding}" if best else "no known encoding fits"
