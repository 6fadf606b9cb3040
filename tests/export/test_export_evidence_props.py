from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from curator.core.evidence import SENTENCE_ENDS, evidence_sentence, sentence_bounds

TEXT = st.text(alphabet=st.sampled_from(list("文明城市创建志愿者3万人，。！？；\n𠮷 ")), min_size=1, max_size=80)


@given(TEXT, st.data())
def test_evidence_is_the_sentence_around_the_span_with_the_span_marked(text: str, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    evidence = evidence_sentence(text, start, end)
    assert evidence.count("【") == 1 and evidence.count("】") == 1
    assert evidence[evidence.index("【") + 1:evidence.index("】")] == text[start:end]
    first, last = sentence_bounds(text, start, end)
    assert first <= start and end <= last
    assert evidence.replace("【", "").replace("】", "").strip() == text[first:last].strip()
    # the sentence is whole: it starts after an end mark (or the text's start) ...
    assert first == 0 or text[first - 1] in SENTENCE_ENDS or text[first - 1].isspace()
    # ... ends at one (or the text's end), and holds none outside the span but its last character
    assert last == len(text) or text[last - 1] in SENTENCE_ENDS or text[last] == "\n" or last == end
    for at in range(first, last - 1):
        if text[at] in SENTENCE_ENDS:
            assert start <= at < end
