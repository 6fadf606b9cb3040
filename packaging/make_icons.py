"""Draw curator's icon: a seal-red square with 文, as SVG (glyph as outline, no font needed) and PNGs.

    QT_QPA_PLATFORM=offscreen python packaging/make_icons.py

Writes resources/icons/curator.svg, curator-{16..512}.png, curator.ico (Windows) and curator.icns
(macOS). The outlines come from the CJK font installed here (WenQuanYi Micro Hei or Noto Sans CJK);
the outputs are committed, so a build never needs the font.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter, QPainterPath
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SIZE = 256
RED, PAPER, INK_LINE = "#b8252d", "#fff7ea", "#f2c9b8"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def glyph_path() -> QPainterPath:
    font = QFont()
    font.setFamilies(["WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei"])
    font.setPixelSize(170)
    font.setWeight(QFont.Weight.Bold)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, "文")
    box = path.boundingRect()
    if box.width() < 10:
        sys.exit("no CJK font found: install fonts-wqy-microhei or fonts-noto-cjk")
    return path.translated(SIZE / 2 - box.center().x(), SIZE / 2 - box.center().y() + 4)


def svg_path_data(path: QPainterPath) -> str:
    parts: list[str] = []
    i = 0
    while i < path.elementCount():
        e = path.elementAt(i)
        if e.type == QPainterPath.ElementType.MoveToElement:
            parts.append(f"M{e.x:.1f} {e.y:.1f}")
        elif e.type == QPainterPath.ElementType.LineToElement:
            parts.append(f"L{e.x:.1f} {e.y:.1f}")
        elif e.type == QPainterPath.ElementType.CurveToElement:
            c2, end = path.elementAt(i + 1), path.elementAt(i + 2)
            parts.append(f"C{e.x:.1f} {e.y:.1f} {c2.x:.1f} {c2.y:.1f} {end.x:.1f} {end.y:.1f}")
            i += 2
        i += 1
    return "".join(parts) + "Z"


def svg(glyph: QPainterPath) -> str:
    return f"""<svg xmlns="http://www.w3.org/2000/svg" width="{SIZE}" height="{SIZE}" viewBox="0 0 {SIZE} {SIZE}">
  <title>curator</title>
  <rect x="8" y="8" width="240" height="240" rx="44" fill="{RED}"/>
  <rect x="26" y="26" width="204" height="204" rx="30" fill="none" stroke="{INK_LINE}" stroke-width="5"/>
  <rect x="52" y="176" width="152" height="26" rx="6" fill="#f6d36b" opacity="0.85"/>
  <path fill="{PAPER}" fill-rule="nonzero" d="{svg_path_data(glyph)}"/>
</svg>
"""


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> None:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (fonts need an application)
    ICONS.mkdir(parents=True, exist_ok=True)
    text = svg(glyph_path())
    (ICONS / "curator.svg").write_text(text, encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(text.encode()))
    images = {size: render(renderer, size) for size in SIZES}
    for size, image in images.items():
        image.save(str(ICONS / f"curator-{size}.png"))
    for fmt, sizes in (("ico", (256,)), ("icns", (512,))):
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if images[sizes[0]].save(buffer, fmt.upper()):
            (ICONS / f"curator.{fmt}").write_bytes(bytes(buffer.data()))
        else:
            print(f"this Qt cannot write .{fmt}", file=sys.stderr)


if __name__ == "__main__":
    main()
