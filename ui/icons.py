"""The application icon (SVG, so it is sharp at every scale)."""

from __future__ import annotations

from PySide6.QtGui import QIcon


def app_icon() -> QIcon:
    """WorkerImpact's icon from ``assets/``, or an empty icon if the file is missing."""
    from workerimpact.paths import assets_dir

    folder = assets_dir()
    icon = QIcon()
    svg = folder / "workerimpact.svg"
    if svg.is_file():
        icon.addFile(str(svg))
    png = folder / "workerimpact.png"
    if png.is_file():
        icon.addFile(str(png))
    return icon
