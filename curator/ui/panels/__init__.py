"""The right-hand panels of the annotation window.

- `facts.FactTablePanel`: the 举措 / 数据 tables of the current document, editable in place;
- `spans.SpansPanel`: every span of the document;
- `suggestions.SuggestionsPanel`: suggestions awaiting review, and the suggestion run.
"""
