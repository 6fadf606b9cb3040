"""The article's span index answers like a scan of every span, after any adds and removes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from curator.core.model import Span
from curator.ui.span_layers import SpanIndex

spans = st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30), st.sampled_from(["place", "figure"])),
                 max_size=40).map(lambda rows: [Span(id=i, doc_id=1, start=a, end=a + n, label=lab, text="x")
                                               for i, (a, n, lab) in enumerate(rows)])


@settings(max_examples=200, deadline=None)
@given(spans, st.data())
def test_touching_and_has_match_a_scan(all_spans, data):
    keep = data.draw(st.lists(st.booleans(), min_size=len(all_spans), max_size=len(all_spans)))
    index = SpanIndex(all_spans[: len(all_spans) // 2])
    for span in all_spans[len(all_spans) // 2:]:
        index.add(span)
    shown = [s for s, k in zip(all_spans, keep) if k]
    for span, k in zip(all_spans, keep):
        if not k:
            index.remove(span)
    start = data.draw(st.integers(0, 240))
    end = start + data.draw(st.integers(1, 40))
    assert sorted(s.id for s in index.touching(start, end)) == sorted(s.id for s in shown if s.start < end and s.end > start)
    for s in all_spans:
        assert index.has(s.start, s.end, s.label) == any((o.start, o.end, o.label) == (s.start, s.end, s.label) for o in shown)
