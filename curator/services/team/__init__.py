"""Team curation without a server: work packages out (split), work back (merge), agreement, adjudication."""

from __future__ import annotations

from curator.services.team.errors import TeamError

__all__ = ["TeamError"]
