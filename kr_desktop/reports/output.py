"""Writing a report: the format its file extension names picks the renderer.

Kept apart from reports/document.py so the document model knows no output format: each renderer
reads the model, and only this module knows them all.
"""

from __future__ import annotations

from pathlib import Path

from kr_desktop.reports.document import ReportDocument


def render(document: ReportDocument, path: Path | str) -> Path:
    """Write the document in the format its file extension names."""
    from kr_desktop.reports.printable import printable_copy

    path = Path(path)
    document = printable_copy(document)  # an old record's control character never stops a report
    fmt = path.suffix.lower().lstrip(".")
    if fmt == "part":  # a temporary name: the real extension is the one before
        fmt = Path(path.stem).suffix.lower().lstrip(".")
    if fmt == "pdf":
        from kr_desktop.reports.render_pdf import render_pdf
        render_pdf(document, path)
    elif fmt == "docx":
        from kr_desktop.reports.render_docx import render_docx
        render_docx(document, path)
    elif fmt == "xlsx":
        from kr_desktop.reports.render_xlsx import render_xlsx
        render_xlsx(document, path)
    else:
        raise ValueError(f"unknown report format {fmt!r}")
    return path
