"""Applies edits to a project in a loop until killed (driven by test_crash_safety.py).

Prints "ready" once imported, waits for a line on stdin, opens the project, then for
each edit prints "begin OP IDS" before store.apply and "done" after it returned.
OP is + (spans created, each with its figure row) or - (spans deleted with their rows).
"""

from __future__ import annotations

import os
import random
import sys

from curator.core.edits import Edit, RowChange, delete_span, now_iso
from curator.store import Project

STAMP = now_iso()


def edits(store: Project, rng: random.Random):
    docs = [store.document(d.id) for d in store.documents()]
    while True:
        doc = rng.choice(docs)
        some = store.db.conn.execute("SELECT id FROM spans WHERE doc_id = ? ORDER BY random() LIMIT 1", [doc.id]).fetchone()
        if some and rng.random() < 0.3:
            span = store.span(some[0])
            yield "-", [span.id], delete_span(span, facts=store.facts_citing(span))
            continue
        count = 1 if rng.random() < 0.5 else rng.randint(50, 300)  # some edits are long transactions
        changes, ids = [], []
        for _ in range(count):
            start = rng.randrange(len(doc.text) - 8)
            span_id, figure_id = store.next_id("spans"), store.next_id("figures")
            span = {"id": span_id, "doc_id": doc.id, "start": start, "end": start + 4, "label": "figure",
                    "text": doc.text[start:start + 4], "attrs": {}, "origin": "manual", "annotator": "",
                    "created": STAMP, "updated": STAMP}
            figure = {"id": figure_id, "doc_id": doc.id, "indicator": "", "value": 1.0, "unit": "", "qualifier": "",
                      "place": "", "as_of": "", "initiative_id": None, "span_ids": [span_id], "edited": 0}
            changes += [RowChange("spans", None, span), RowChange("figures", None, figure)]
            ids.append(span_id)
        yield "+", ids, Edit("标注 数据", tuple(changes))


def main() -> None:
    path, seed = sys.argv[1], int(sys.argv[2])
    print("ready", flush=True)
    sys.stdin.readline()
    store = Project.open(path)
    assert not store.read_only, "the previous writer still holds the project"
    for op, ids, edit in edits(store, random.Random(seed)):
        print(f"begin {op} {','.join(map(str, ids))}", flush=True)
        if os.environ.get("CRASH_CHILD_ONE_CHANGE_AT_A_TIME"):  # what the test must catch: no transaction
            for change in edit.changes:
                store.apply(Edit(edit.label, (change,)))
        else:
            store.apply(edit)
        print("done", flush=True)


if __name__ == "__main__":
    main()
