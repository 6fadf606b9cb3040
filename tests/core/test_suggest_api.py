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


@pytest.mark.parametrize("labels", [["figure"], ["place", "doc"], ("initiative",), [], ["no such label"]])
def test_labels_filter(labels: list[str]) -> None:
    assert {s.label for s in suggest(TEXT, labels)} == set(labels) & set(LABELS)


def test_no_exact_duplicates() -> None:
    found = suggest(TEXT + TEXT)
    keys = [(s.label, s.start, s.end) for s in found]
    assert len(keys) == len(set(keys))
    assert len(found) == 2 * len(suggest(TEXT))


def test_figure_attrs_and_a_score_everywhere() -> None:
    by_label = {s.label: s for s in suggest(TEXT)}
    assert by_label["figure"].attrs == {"value": 30000.0, "unit": "人", "qualifier": "超", "indicator": "注册志愿者",
                                        "score": 0.95}
    assert set(by_label["place"].attrs) == {"score"} and set(by_label["doc"].attrs) == {"score"}


def test_every_label_is_registered_and_scored() -> None:
    text = "8月17日，吴兴区委宣传部部长李明说，“光盘行动”启动以来，全区发放《倡议书》3万份。"
    found = suggest(text)
    assert {s.label for s in found} == set(LABELS)
    assert all(0 < s.attrs["score"] <= 1 for s in found)


def test_suggestion_is_frozen_and_hashable() -> None:
    s = Suggestion("place", 0, 3, "青海省", {})
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.start = 1  # type: ignore[misc]
    assert len({s, Suggestion("place", 0, 3, "青海省", {})}) == 1


def test_empty_text() -> None:
    assert suggest("") == []


def test_labels_may_come_from_any_iterable_and_unknown_ones_are_ignored() -> None:
    expected = suggest(TEXT, ["place", "doc"])
    assert suggest(TEXT, iter(["doc", "place", "no such label"])) == expected
    assert {s.label for s in expected} == {"place", "doc"}


def test_one_call_keeps_nothing_of_the_text_afterwards() -> None:
    from curator.core.suggest.places import find_places
    from curator.core.suggest.quotes import find_quotes, find_titles
    from curator.core.suggest.squeeze import squeeze

    suggest(TEXT)
    assert [f.cache_info().currsize for f in (squeeze, find_places, find_quotes, find_titles)] == [0, 0, 0, 0]


def test_nothing_is_kept_when_a_suggester_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    from curator.core.suggest import dates
    from curator.core.suggest.squeeze import squeeze

    def broken(text: str) -> list[Suggestion]:
        raise RuntimeError("broken suggester")

    monkeypatch.setattr(dates, "suggest_dates", broken)
    with pytest.raises(RuntimeError, match="broken suggester"):
        suggest(TEXT)
    assert squeeze.cache_info().currsize == 0
