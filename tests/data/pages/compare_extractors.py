"""Score web-page extractors on the fixture pages: python tests/data/pages/compare_extractors.py

Body: character-level precision and recall (whitespace ignored) of the extracted text against
NAME.gold.txt, by difflib's longest matching blocks; metadata: title, date and URL exact.
"""

from __future__ import annotations

import difflib
import re
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from curator.core.readers.html import page_of  # noqa: E402


def gold(path: Path) -> tuple[dict[str, str], str]:
    head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
    return dict(line.split("\t", 1) for line in head.splitlines()), body


def score(found: str, expected: str) -> tuple[float, float]:
    a, b = re.sub(r"\s+", "", found), re.sub(r"\s+", "", expected)
    matched = sum(block.size for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks())
    return matched / max(len(a), 1), matched / max(len(b), 1)


def run_trafilatura(html: str) -> dict[str, str]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    return {"title": doc.title or "", "published": doc.date or "", "source": doc.url or "", "body": doc.text or ""}


def run_gne(html: str) -> dict[str, str]:
    from gne import GeneralNewsExtractor

    doc = GeneralNewsExtractor().extract(html)
    return {"title": doc["title"], "published": doc["publish_time"][:10], "source": doc["meta"].get("og:url", ""),
            "body": doc["content"]}


def run_curator(html: str) -> dict[str, str]:
    from curator.core.readers.html import extract

    doc = extract(html)
    return {"title": doc.title, "published": doc.published, "source": doc.source, "body": "\n".join(doc.paragraphs)}


EXTRACTORS = {"trafilatura": run_trafilatura, "gne": run_gne, "curator": run_curator}


def main(names: list[str]) -> None:
    for name in names or list(EXTRACTORS):
        run = EXTRACTORS[name]
        totals = [0.0, 0.0, 0, 0.0, 0.0]
        pages = sorted(p for p in HERE.iterdir() if p.suffix in (".html", ".htm", ".mhtml", ".mht"))
        for path in pages:
            meta, body = gold(path.with_name(path.stem + ".gold.txt"))
            page = page_of(path.read_bytes(), name=path.name)
            started = time.perf_counter()
            found = run(page.html)
            totals[3] += time.perf_counter() - started
            if not found["source"]:
                found["source"] = page.url
            precision, recall = score(found["body"], body)
            wanted = [line for line in body.splitlines() if line.strip()]
            exact = sum(line in set(found["body"].splitlines()) for line in wanted) / len(wanted)
            totals[4] += exact
            right = sum(found[key] == meta[key] for key in ("title", "published", "source"))
            totals[0] += precision
            totals[1] += recall
            totals[2] += right
            print(f"{name:12} {path.name:22} P {precision:.3f} R {recall:.3f} para {exact:.2f} meta {right}/3"
                  f"  {found['title'][:20]!r} {found['published']!r} {found['source'][:40]!r}")
        n = len(pages)
        print(f"{name:12} {'mean':22} P {totals[0] / n:.3f} R {totals[1] / n:.3f} para {totals[4] / n:.2f} meta {totals[2]}/{3 * n}"
              f"  {1000 * totals[3] / n:.0f} ms/page\n")


if __name__ == "__main__":
    main(sys.argv[1:])
