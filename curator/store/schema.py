"""Tables, indexes and triggers, created and upgraded by sqlite-utils Migrations.

One function per step; a step never changes once released (add a new one instead).
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("curator")


@migrations()
def m001_initial(db: Database) -> None:
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["labels"].create(
        {"name": str, "title": str, "color": str, "hotkey": str, "kind": str, "position": int}, pk="name"
    )
    db["documents"].create(
        {
            "id": int, "title": str, "source": str, "published": str, "place": str, "text": str,
            "sha256": str, "status": str, "imported_at": str, "span_count": int,
        },
        pk="id",
        not_null={"title", "text", "sha256", "status"},
        defaults={"status": "todo", "span_count": 0, "source": "", "published": "", "place": ""},
    )
    db["documents"].create_index(["sha256"], unique=True)
    db["documents"].create_index(["status"])
    db["spans"].create(
        {
            "id": int, "doc_id": int, "start": int, "end": int, "label": str, "text": str, "attrs": str,
            "origin": str, "annotator": str, "created": str, "updated": str,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id"), ("label", "labels", "name")],
        not_null={"doc_id", "start", "end", "label", "text"},
    )
    db["spans"].create_index(["doc_id", "start"])
    db["spans"].create_index(["label", "text"])
    fact_columns = {"id": int, "doc_id": int, "span_ids": str, "edited": int}
    db["initiatives"].create(
        {**fact_columns, "name": str, "category": str, "place": str, "organisation": str, "note": str},
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
        column_order=["id", "doc_id", "name", "category", "place", "organisation", "note", "span_ids", "edited"],
    )
    db["figures"].create(
        {
            **fact_columns, "indicator": str, "value": float, "unit": str, "qualifier": str, "place": str,
            "as_of": str, "initiative_id": int,
        },
        pk="id",
        foreign_keys=[("doc_id", "documents", "id"), ("initiative_id", "initiatives", "id")],
        column_order=[
            "id", "doc_id", "indicator", "value", "unit", "qualifier", "place", "as_of", "initiative_id",
            "span_ids", "edited",
        ],
    )
    for table in ("initiatives", "figures"):
        db[table].create_index(["doc_id"])
    db["rejections"].create(
        {"id": int, "doc_id": int, "start": int, "end": int, "label": str},
        pk="id",
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db["rejections"].create_index(["doc_id", "start", "end", "label"])
    # Contentless: the text lives in documents; the index holds hex bigram tokens (core.grams).
    db.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(grams, content='', columnsize=0)")
    # span_count counts the spans a person accepted; suggestions awaiting review are not counted.
    db.execute(
        """CREATE TRIGGER spans_count_insert AFTER INSERT ON spans WHEN NEW.origin != 'suggested'
           BEGIN UPDATE documents SET span_count = span_count + 1 WHERE id = NEW.doc_id; END"""
    )
    db.execute(
        """CREATE TRIGGER spans_count_delete AFTER DELETE ON spans WHEN OLD.origin != 'suggested'
           BEGIN UPDATE documents SET span_count = span_count - 1 WHERE id = OLD.doc_id; END"""
    )
    db.execute(
        """CREATE TRIGGER spans_count_update AFTER UPDATE OF origin ON spans
           WHEN (OLD.origin = 'suggested') != (NEW.origin = 'suggested')
           BEGIN UPDATE documents SET span_count = span_count + (CASE WHEN NEW.origin = 'suggested' THEN -1 ELSE 1 END)
           WHERE id = NEW.doc_id; END"""
    )


@migrations()
def m002_listing_indexes(db: Database) -> None:
    """Covering indexes: the document list and the counts read small indexes, not 100,000 article rows."""
    db.execute("CREATE INDEX IF NOT EXISTS documents_listing ON documents(id, title, status, span_count)")
    db.execute("CREATE INDEX IF NOT EXISTS documents_listing_by_status ON documents(status, id, title, span_count)")
    db.execute("CREATE INDEX IF NOT EXISTS spans_origin_label ON spans(origin, label)")


@migrations()
def m003_search_bigrams(db: Database) -> None:
    """The full-text index holds character pairs as words (core.grams), read by unicode61: a third
    of the import time of the hex-spelled pairs; rebuilt from the stored texts."""
    from curator.core.grams import TOKENIZER, index_text

    db.execute("DROP TABLE IF EXISTS documents_fts")
    db.execute(f"CREATE VIRTUAL TABLE documents_fts USING fts5(grams, content='', columnsize=0, tokenize='{TOKENIZER}')")
    rows = db.execute("SELECT id, text FROM documents ORDER BY id")
    while batch := rows.fetchmany(500):
        db.conn.executemany("INSERT INTO documents_fts (rowid, grams) VALUES (?, ?)",
                            [(doc_id, index_text(text)) for doc_id, text in batch])


@migrations()
def m004_edited_by(db: Database) -> None:
    """Who edited a fact row by hand (the annotator's name; "" or NULL for rows nobody edited)."""
    for table in ("initiatives", "figures"):  # the fact tables as they were at this step (never changes)
        if "edited_by" not in db[table].columns_dict:
            db[table].add_column("edited_by", str)


@migrations()
def m005_team(db: Database) -> None:
    """Team work: what each annotator's package brought in, and the differences left to adjudicate."""
    db["package_documents"].create({"sha256": str}, pk="sha256")  # in a package: the documents handed out
    db["merged_packages"].create(
        {"package_id": str, "annotator": str, "digest": str, "path": str, "merged_at": str, "documents": int},
        pk="package_id",
    )
    # each annotator's version of each document they did: spans and fact rows as JSON arrays (local ids)
    db["annotator_documents"].create(
        {"doc_id": int, "annotator": str, "status": str, "spans": str, "facts": str, "package_id": str},
        pk=("doc_id", "annotator"),
        foreign_keys=[("doc_id", "documents", "id")],
    )
    db["disputes"].create(
        {
            "id": int, "doc_id": int, "kind": str, "start": int, "end": int, "label": str, "versions": str,
            "resolved": int, "resolution": str, "span_id": int,
        },
        pk="id", foreign_keys=[("doc_id", "documents", "id")],
        not_null={"doc_id", "kind", "start", "end", "versions"}, defaults={"resolved": 0, "resolution": ""},
    )
    db["disputes"].create_index(["doc_id", "resolved"])
    # deleting an initiative checks for figures that refer to it: without this index, a scan per row
    db.execute("CREATE INDEX IF NOT EXISTS figures_initiative ON figures(initiative_id)")


@migrations()
def m006_search_without_positions(db: Database) -> None:
    """The full-text index keeps which documents hold a pair, not where (detail=none): a third
    faster to write on import and smaller; search checks every candidate on its text anyway.
    Rebuilt from the stored texts."""
    from curator.core.grams import TOKENIZER, index_text

    db.execute("DROP TABLE IF EXISTS documents_fts")
    db.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(grams, content='', columnsize=0, detail=none, "
               f"tokenize='{TOKENIZER}')")
    rows = db.execute("SELECT id, text FROM documents ORDER BY id")
    while batch := rows.fetchmany(500):
        db.conn.executemany("INSERT INTO documents_fts (rowid, grams) VALUES (?, ?)",
                            [(doc_id, index_text(text)) for doc_id, text in batch])
