"""Colour arithmetic for readable text: WCAG contrast, mixing, and nudging a colour until it reads.

Colours are ``#rrggbb`` strings throughout, so this module needs no Qt.
"""

from __future__ import annotations

import functools

AA_TEXT = 4.5  # WCAG 2 level AA for body text


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def hex_colour(red: float, green: float, blue: float) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in (red, green, blue))


@functools.lru_cache(maxsize=4096)
def luminance(colour: str) -> float:
    """WCAG relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, 1 to 21 (order does not matter)."""
    a, b = luminance(first), luminance(second)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def is_dark(colour: str) -> bool:
    """True for a background on which light text reads better than dark text."""
    return contrast(colour, "#ffffff") > contrast(colour, "#000000")


def mix(first: str, second: str, amount: float) -> str:
    """``amount`` of ``second`` blended into ``first`` (0 gives first, 1 gives second)."""
    a, b = rgb(first), rgb(second)
    return hex_colour(*(x + (y - x) * amount for x, y in zip(a, b)))


def readable(text: str, backgrounds: list[str] | tuple[str, ...] | str, minimum: float = AA_TEXT) -> str:
    """``text`` itself when it reads on every background, else the nearest colour (moved
    towards black or white, whichever the backgrounds favour) that does."""
    return _readable(text, (backgrounds,) if isinstance(backgrounds, str) else tuple(backgrounds), minimum)


@functools.lru_cache(maxsize=1024)
def _readable(text: str, backgrounds: tuple[str, ...], minimum: float) -> str:
    if all(contrast(text, back) >= minimum for back in backgrounds):
        return text
    # Dark backgrounds want lighter text; the first background decides the direction.
    target = "#ffffff" if is_dark(backgrounds[0]) else "#000000"
    low, high = 0.0, 1.0
    for _ in range(10):  # to within 1/1024 of the way: finer than a colour channel step
        middle = (low + high) / 2
        if all(contrast(mix(text, target, middle), back) >= minimum for back in backgrounds):
            high = middle
        else:
            low = middle
    return mix(text, target, high)
