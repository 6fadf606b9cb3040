"""Writers and readers of files for people outside curator: xlsx, csv, jsonl. Plain data in, never the store."""
