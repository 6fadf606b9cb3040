"""Pure-Python domain layer: records, offsets, edits, text rules. No Qt, no SQLite."""
