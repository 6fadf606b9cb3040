from __future__ import annotations

import dataclasses

import pytest

from curator.core.suggest import LABELS, Suggestion, suggest

TEXT = (
    "𠮷😀青海省格尔木市推进《全国文明城市测评体系》落实，开展“光盘行动”，"
    "注册志愿者超3万人，走进星园路社区。"
)


def test_all_labels_by_default_sorted_by_start_end_label() -> None:
    found = suggest(TEXT)
    assert {s.label for s in found} == {"figure", "initiative", "doc", "place"}
    assert found == sorted(found, key=lambda s: (s.start, s.end, s.label))
    assert [s.text for s in found] == ["青海省", "格尔木市", "全国文明城市测评体系", "光盘行动", "超3万人", "星园路社区"]


def test_offsets_after_astral_characters() -> None:
    for s in suggest(TEXT):
        assert TEXT[s.start:s.end] == s.text
    first = suggest(TEXT)[0]
    assert (first.start, first.end) == (2, 5)


@pytest.mark.parametrize("labels", [["figure"], ["place", "doc"], ("initiative",), [], ["person"]])
def test_labels_filter(labels: list[str]) -> None:
    assert {s.label for s in suggest(TEXT, labels)} == set(labels) & set(LABELS)


def test_no_exact_duplicates() -> None:
    found = suggest(TEXT + TEXT)
    keys = [(s.label, s.start, s.end) for s in found]
    assert len(keys) == len(set(keys))
    assert len(found) == 2 * len(suggest(TEXT))


def test_figure_attrs_and_empty_attrs_elsewhere() -> None:
    by_label = {s.label: s for s in suggest(TEXT)}
    assert by_label["figure"].attrs == {"value": 30000.0, "unit": "人", "qualifier": "超", "indicator": "注册志愿者"}
    assert by_label["place"].attrs == {} and by_label["doc"].attrs == {}


def test_suggestion_is_frozen_and_hashable() -> None:
    s = Suggestion("place", 0, 3, "青海省", {})
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 1  # type: ignore[misc]
    assert len({s, Suggestion("place", 0, 3, "青海省", {})}) == 1


def test_empty_text() -> None:
    assert suggest("") == []
