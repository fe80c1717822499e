"""Help › User Guide: the guide shipped in ``resources/guide/``, shown in the app.

The guide is Markdown, rendered with the same safe renderer as the preview (so it
shows images as placeholders); the viewer then puts back the guide's own pictures,
and only those: a picture is a file name in the guide folder, and nothing else is
ever loaded.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from agent_editor.agentfile.rendering import render_markdown
from agent_editor.agentfile.resources_path import resource_path
from agent_editor.app.access.names import name
from agent_editor.app.editor.preview import PreviewView

GUIDE_SCHEME = "guide"
_PICTURE = re.compile(r"!\[([^\]]*)\]\(([\w.-]+\.png)\)")


def guide_file(language: str = "") -> str:
    """The guide's Markdown text, in ``language`` when the guide is translated."""
    folder = resource_path("guide")
    translated = folder / f"guide_{language}.md"
    chosen = translated if language and translated.is_file() else folder / "guide.md"
    return chosen.read_text(encoding="utf-8")


def guide_html(markdown_text: str) -> str:
    """The guide as HTML: rendered safely, then its own pictures put back in place of their placeholders."""
    fragment = render_markdown(markdown_text)
    for alt, file_name in _PICTURE.findall(markdown_text):
        placeholder = f'<span class="image-placeholder">[image: {html.escape(alt.strip(), quote=False)}]</span>'
        picture = (f'<p align="center"><img src="{GUIDE_SCHEME}:{html.escape(file_name)}" '
                   f'alt="{html.escape(alt)}" /></p>')
        fragment = fragment.replace(placeholder, picture, 1)
    return fragment


class GuideView(PreviewView):
    """A preview that also loads the guide's own pictures."""

    def loadResource(self, resource_type: int, url: QUrl | str) -> object:  # noqa: N802 - Qt's name
        url = QUrl(url) if isinstance(url, str) else url
        if resource_type == QTextDocument.ResourceType.ImageResource and url.scheme() == GUIDE_SCHEME:
            file_name = url.path()
            path = resource_path("guide", file_name)
            if re.fullmatch(r"[\w.-]+\.png", file_name) and path.is_file():
                image = QImage(str(path))
                if not image.isNull():
                    return image
        return super().loadResource(resource_type, url)


class GuideDialog(QDialog):
    def __init__(self, language: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Agent Editor User Guide"))
        self.resize(820, 760)
        box = QVBoxLayout(self)
        self.view = GuideView()
        name(self.view, self.tr("User guide"), self.tr("How to write an agent Claude Code uses well"))
        self.view.show_html(guide_html(guide_file(language)), keep_position=False)
        box.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        name(buttons.button(QDialogButtonBox.StandardButton.Close), self.tr("Close"))
        box.addWidget(buttons)
