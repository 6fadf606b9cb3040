"""curator: turn Chinese news articles into checked, traceable facts."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("curator")
except PackageNotFoundError:  # running from a frozen build or a bare checkout
    __version__ = "0.1.0"
