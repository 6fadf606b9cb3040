"""Score the PDF reader on every sample article in one, two and three columns: python tests/data/office/score_pdfs.py

LibreOffice prints each seed (layout breaks repaired) with a running header and page numbers;
the reader's text is compared with the article: character precision and recall (whitespace
ignored) and the paragraphs that come out exactly.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "pages"))

import build_office  # noqa: E402
from compare_extractors import score  # noqa: E402

from curator.core.readers.pdf import read_pdf  # noqa: E402


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        build_office.HERE = Path(folder)
        for seed in sorted(p.name for p in (HERE.parents[2] / "seeds").glob("*.txt")):
            build_office.SEED = seed
            title, body = build_office.article()
            gold = [re.sub(r"\s", "", line) for line in (title, *body)]
            for columns in (1, 2, 3):
                docx = Path(folder) / f"{seed[:3]}_{columns}.docx"
                build_office.make_docx(docx, columns=columns)
                build_office.convert(docx, "pdf")
                started = time.perf_counter()
                text = read_pdf(docx.with_suffix(".pdf")).text
                took = time.perf_counter() - started
                precision, recall = score(text, "\n".join(gold))
                lines = [re.sub(r"\s", "", line) for line in text.split("\n")]
                exact = sum(line in set(gold) for line in lines)
                print(f"{seed[:3]} {columns} column(s): P {precision:.4f} R {recall:.4f} "
                      f"paragraphs {exact}/{len(gold)} exact ({len(lines)} out)  {took * 1000:.0f} ms")


if __name__ == "__main__":
    main()
