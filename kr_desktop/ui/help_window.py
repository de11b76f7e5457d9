"""F1: the Ukrainian user guide (docs/user-guide.md) shown inside the application."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from kr_desktop.paths import docs_dir
from kr_desktop.ui import app_texts as t

GUIDE = "user-guide.md"
IMAGE_WIDTH = 760  # the screenshots are window-sized: shown scaled to fit the help window


class HelpWindow(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowTitle(t.HELP_TITLE)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(True)
        path = docs_dir() / GUIDE
        if path.exists():
            # The guide's own folder resolves its relative image links (screenshots/…).
            self.browser.setSource(QUrl.fromLocalFile(str(path)), QTextDocument.ResourceType.MarkdownResource)
            self._fit_images(self.browser.document())
        else:
            self.browser.setPlainText(t.HELP_MISSING.format(path=path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(IMAGE_WIDTH + 80, 760)

    @staticmethod
    def _fit_images(document: QTextDocument) -> None:
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    resource = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(image.name()))
                    width = resource.width() if hasattr(resource, "width") else 0
                    if not width or width > IMAGE_WIDTH:
                        scaled = QTextImageFormat(image)
                        scaled.setWidth(IMAGE_WIDTH)
                        if width:
                            scaled.setHeight(resource.height() * IMAGE_WIDTH / width)
                        cursor = QTextCursor(document)
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                        cursor.setCharFormat(scaled)
                it += 1
            block = block.next()

    def text(self) -> str:
        return self.browser.toPlainText()
