"""Stylesheet templates: ``@token`` in place of a colour, filled from a colour set.

``resources/app.qss`` (the widgets) and ``resources/preview.css`` (the rendered
preview) name their colours as tokens of ``agent_editor.look.colours``, so one
template serves the light and the dark look. ``text_pairs`` reads a template back as
the text-on-background pairs its rules draw, for the contrast tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent_editor.agentfile.resources_path import resource_path
from agent_editor.look.colours import Colours

_TOKEN = re.compile(r"@([a-z][a-z0-9_]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_HEX = re.compile(r"#[0-9a-fA-F]{3,8}\b")
_TEXT_PROPERTIES = ("color", "selection-color")
_BACKGROUND_PROPERTIES = ("background", "background-color", "selection-background-color")
NO_TEXT = "no text"  # a comment in a rule that draws no text (a splitter handle, a rule line)


@dataclass(frozen=True)
class Sheet:
    """A template, and what its rules draw on when they do not say."""

    name: str  # under resources/
    default_text: tuple[str, ...]  # the text colours a rule with only a background shows
    surfaces: tuple[str, ...]  # the backgrounds a rule with only a text colour lands on


APP_SHEET = Sheet("app.qss", ("text", "window_text"), ("window", "base", "panel", "alternate_base"))
PREVIEW_SHEET = Sheet("preview.css", ("text",), ("base", "code_bg", "quote_bg", "table_head_bg"))


def load_template(sheet: Sheet) -> str:
    return resource_path(sheet.name).read_text(encoding="utf-8")


# Tokens that name an image rather than a colour (under resources/).
IMAGES = {"check_image": ("icons", "check.svg")}


def image_tokens() -> dict[str, str]:
    return {name: resource_path(*parts).as_posix() for name, parts in IMAGES.items()}


def fill(template: str, colours: Colours) -> str:
    """The template, comments dropped, with each ``@token`` replaced by its colour (an unknown
    token raises KeyError)."""
    values = {**colours, **image_tokens()}
    return _TOKEN.sub(lambda match: values[match.group(1)], _COMMENT.sub("", template))


def tokens(template: str) -> set[str]:
    return set(_TOKEN.findall(_COMMENT.sub("", template)))


def literal_colours(template: str) -> list[str]:
    """Colours written out as ``#rrggbb`` instead of a token (comments aside)."""
    return _HEX.findall(_COMMENT.sub("", template))


@dataclass(frozen=True)
class TextPair:
    selector: str
    text: str  # a token
    background: str  # a token


def text_pairs(template: str, sheet: Sheet) -> list[TextPair]:
    """Every (text colour, background) token pair the template's rules can draw.

    A rule with a text colour and no background is drawn on each of the sheet's
    ``surfaces``; a rule with a background and no text colour shows each of its
    ``default_text`` on it.
    Rules for disabled controls are left out (WCAG asks no contrast of them), and so
    are rules marked with a ``no text`` comment.
    """
    pairs: list[TextPair] = []
    for selector, body in _RULE.findall(template):
        selector = " ".join(_COMMENT.sub("", selector).split())
        if NO_TEXT in body or ":disabled" in selector:
            continue
        declarations = _declarations(_COMMENT.sub("", body))
        text = [declarations[p] for p in ("color",) if p in declarations]
        background = [declarations[p] for p in ("background", "background-color") if p in declarations]
        if text or background:
            for fore in text or [f"@{name}" for name in sheet.default_text]:
                for back in background or [f"@{name}" for name in sheet.surfaces]:
                    pairs.append(TextPair(selector, _token(fore), _token(back)))
        if "selection-color" in declarations or "selection-background-color" in declarations:
            pairs.append(TextPair(f"{selector} (selection)",
                                  _token(declarations.get("selection-color", "@highlighted_text")),
                                  _token(declarations.get("selection-background-color", "@highlight"))))
    return pairs


def _declarations(body: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for declaration in body.split(";"):
        name, _, value = declaration.partition(":")
        name = name.strip().lower()
        if name in _TEXT_PROPERTIES or name in _BACKGROUND_PROPERTIES:
            found[name] = value.strip()
    return found


def _token(value: str) -> str:
    """The token a colour value names; a value that is not one token is returned as it is,
    so the contrast test fails on it by name."""
    match = _TOKEN.fullmatch(value.strip().split()[0]) if value.strip() else None
    return match.group(1) if match else value
