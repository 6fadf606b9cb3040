"""Telling a text broken into lines by its layout from one written in paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from curator.core.encoding import decode
from curator.core.importing import normalise
from curator.core.layout import looks_line_broken

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
COLUMN = "\n".join([
    "文明城市建设简报",
    "今年以来，我市围绕创建全国文明城",
    "市目标，组织志愿者深入社区开展邻里互",
    "助、环境整治和文明劝导等活动，累计服",
    "务群众超过三万人次，得到广泛好评。",
    "下一步，全市将继续完善长效机制，推动",
    "文明实践活动常态化开展，让文明新风吹",
    "进千家万户。",
])
PARAGRAPHS = "\n".join([
    "文明城市建设简报",
    "今年以来，我市围绕创建全国文明城市目标，组织志愿者深入社区开展活动。",
    "累计服务群众超过三万人次，得到广泛好评。",
    "下一步，全市将继续完善长效机制。",
    "推动文明实践活动常态化开展。",
    "让文明新风吹进千家万户。",
    "上下齐心",
    "共绘文明蓝图",
])


def seed(name: str) -> str:
    return normalise(decode((SEEDS / name).read_bytes())[0])


@pytest.mark.parametrize(("text", "broken"), [
    (COLUMN, True),
    (PARAGRAPHS, False),
    ("标题\n一段话。", False),  # too short to tell
    ("", False),
])
def test_made_up_texts(text, broken):
    assert looks_line_broken(text) is broken


@pytest.mark.parametrize(("name", "broken"), [
    ("000_a4d19c64646bffd5.txt", False),
    ("001_e43fbc783dfd2842.txt", False),  # short headings between paragraphs are not breaks
    ("002_30a7f78b16fb6951.txt", True),
    ("003_e4a1ad1086615758.txt", True),
])
def test_the_seed_articles(name, broken):
    assert looks_line_broken(seed(name)) is broken


BROKEN_LINES = COLUMN.split("\n")
WRITTEN_LINES = PARAGRAPHS.split("\n")


@pytest.mark.parametrize(("lines", "broken"), [
    (5, False),  # five lines, however broken, are no evidence
    (6, True),  # six are enough
])
def test_six_non_empty_lines_are_needed_to_judge(lines, broken):
    assert looks_line_broken("\n".join(BROKEN_LINES[:lines])) is broken


def test_a_space_inside_a_line_does_not_count_as_a_line():
    text = "\n".join(BROKEN_LINES[:5]).replace("，我市", "， 我市")
    assert looks_line_broken(text) is False


def test_three_joins_in_ten_lines_are_enough():
    text = "\n".join(BROKEN_LINES[:4] + WRITTEN_LINES[1:7])  # ten non-empty lines, three of them joined
    assert reflow_joins(text) == (10, 3)
    assert looks_line_broken(text) is True
    fewer = "\n".join(BROKEN_LINES[:4] + WRITTEN_LINES[1:8])  # eleven lines, still three joined
    assert reflow_joins(fewer) == (11, 3)
    assert looks_line_broken(fewer) is False


def reflow_joins(text: str) -> tuple[int, int]:
    from curator.core.importing import reflow

    def filled(t: str) -> int:
        return sum(1 for line in t.split("\n") if line.strip())

    return filled(text), filled(text) - filled(reflow(text))
