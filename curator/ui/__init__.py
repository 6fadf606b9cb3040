"""The window (PySide6 only here)."""
