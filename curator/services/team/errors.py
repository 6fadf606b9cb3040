"""The one error team actions raise: a sentence naming the file and what to do."""

from __future__ import annotations


class TeamError(Exception):
    """A package or project that cannot be split, merged or measured; nothing was changed."""
