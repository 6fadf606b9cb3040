"""Readers of input formats: each turns a file into RawRecords (curator.core.records)."""
