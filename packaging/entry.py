"""The frozen build's entry point: both executables (curator, curator-cli) run this."""

from __future__ import annotations

import os
import sys


def _input_method() -> None:
    """Chinese input on Linux: PySide6 ships no fcitx plugin, but fcitx5 also speaks IBus's protocol."""
    if not sys.platform.startswith("linux"):
        return
    if os.environ.get("QT_IM_MODULE", "").startswith("fcitx"):
        plugins = os.path.join(getattr(sys, "_MEIPASS", ""), "PySide6", "Qt", "plugins", "platforminputcontexts")
        have_fcitx = os.path.isdir(plugins) and any("fcitx" in name for name in os.listdir(plugins))
        if not have_fcitx:
            os.environ["QT_IM_MODULE"] = "ibus"


if __name__ == "__main__":
    _input_method()
    from curator.cli import main

    main(prog_name="curator")
