"""Every colour the app draws with, as named tokens worked out from the desktop's palette.

A handful of tokens are the palette's own roles (``window``, ``base``, ``text`` ...);
they come from the system, or from ``LIGHT_ROLES`` / ``DARK_ROLES`` when the author
picks a look. Tints for lines and panels are mixed from those roles. Colours that
mean something (an error's background, a removed line, a link) come in a light and a
dark version, chosen by how dark the palette's ``base`` is. Finally every text colour
is checked against the backgrounds it is drawn on (``TEXT_ON``) and moved towards
black or white until it reaches WCAG AA: a desktop palette of any shade stays readable.
"""

from __future__ import annotations

from agent_editor.look.contrast import AA_TEXT, is_dark, mix, readable

Colours = dict[str, str]

# The palette roles the app reads from Qt (QPalette's names in snake case).
ROLES = (
    "window", "window_text", "base", "alternate_base", "text", "button", "button_text",
    "highlight", "highlighted_text", "link", "placeholder_text", "tool_tip_base", "tool_tip_text",
)

LIGHT_ROLES: Colours = {
    "window": "#f6f7f9", "window_text": "#1f2328", "base": "#ffffff", "alternate_base": "#f6f8fa",
    "text": "#1f2328", "button": "#f6f8fa", "button_text": "#1f2328", "highlight": "#2f5bd3",
    "highlighted_text": "#ffffff", "link": "#0969da", "placeholder_text": "#6e7781",
    "tool_tip_base": "#ffffff", "tool_tip_text": "#1f2328",
}
DARK_ROLES: Colours = {
    "window": "#22272e", "window_text": "#e6edf3", "base": "#1b1f24", "alternate_base": "#262c33",
    "text": "#e6edf3", "button": "#2d333b", "button_text": "#e6edf3", "highlight": "#2f5bd3",
    "highlighted_text": "#ffffff", "link": "#6cb6ff", "placeholder_text": "#8b949e",
    "tool_tip_base": "#2d333b", "tool_tip_text": "#e6edf3",
}

# Colours with a meaning, light and dark (the second of each pair).
_PAIRS: dict[str, tuple[str, str]] = {
    # notes and problems
    "note_text": ("#9a6700", "#d29922"),
    "error_text": ("#c92a2a", "#ff8787"),
    "error_bg": ("#fff0f0", "#3b1b1e"), "error_border": ("#f5c2c2", "#6e2b30"),
    "warning_bg": ("#fff8e6", "#3a2f12"), "warning_border": ("#f3d9a4", "#6b5518"),
    "info_bg": ("#eef4ff", "#172640"), "info_border": ("#c9d8f5", "#2b4a7a"),
    "banner_bg": ("#fff3cd", "#3d3112"), "banner_border": ("#e9d18a", "#7a6220"),
    # an accent for chosen things and the main button
    "accent": ("#3b5bdb", "#3b5bdb"), "accent_hover": ("#364fc7", "#364fc7"),
    "accent_text": ("#ffffff", "#ffffff"), "accent_mark": ("#3b5bdb", "#7c9cff"),
    # differences in the compare view (the report's palette)
    "removed_line": ("#ffebe9", "#3d1417"), "removed_word": ("#ffb3ad", "#8e1519"),
    "added_line": ("#e6ffec", "#10301b"), "added_word": ("#9be9a8", "#1f6f34"),
    "changed_row": ("#fff4d6", "#3a2f0f"), "changed_mark": ("#e3b341", "#9e6a03"),
    "filler_hatch": ("#d5d9de", "#3d444d"),
    "changed_text": ("#9a6700", "#d29922"), "present_text": ("#1a7f37", "#3fb950"),
    # find and replace: every match, and the current one
    "find_match": ("#ffe58a", "#5c4d12"), "find_current": ("#ffb74d", "#7a4f00"),
    # Markdown source in the instructions editor
    "md_heading": ("#0b4f9c", "#79b8ff"), "md_code": ("#8a2a3b", "#ff9fae"),
    "md_fence": ("#6e7781", "#8b949e"), "md_link": ("#0969da", "#58a6ff"),
    "md_url": ("#6e7781", "#8b949e"), "md_marker": ("#b35900", "#f0a35e"),
    "md_quote": ("#57606a", "#a5adb8"), "md_tag": ("#8250df", "#c297ff"),
    "md_rule": ("#6e7781", "#8b949e"),
    # the rendered preview
    "code_text": ("#8a2a3b", "#ff9fae"), "tag_text": ("#8250df", "#c297ff"),
}

# One colour per variant (A, B, C ...), drawn behind white letters in both looks.
VARIANT_COLOURS = ("#3b5bdb", "#c2255c", "#237a36", "#b8450c", "#7048e8", "#0b7285")
VARIANT_TEXT = "#ffffff"

# Which backgrounds each text colour is drawn on. ``resolve`` makes each one readable
# there; the look's tests check the same pairs and every pair in the stylesheets.
TEXT_ON: dict[str, tuple[str, ...]] = {
    "text": ("base", "window", "panel", "alternate_base", "code_bg", "quote_bg", "table_head_bg", "selected_bg",
             "error_bg", "warning_bg", "info_bg", "removed_line", "removed_word", "added_line",
             "added_word", "changed_row", "find_match", "find_current"),
    "window_text": ("window", "panel", "banner_bg", "error_bg", "button", "button_hover"),
    "muted_text": ("base", "window", "panel", "alternate_base", "quote_bg", "code_bg", "table_head_bg",
                   "changed_row"),
    "title_text": ("panel", "window", "base", "alternate_base"),
    "note_text": ("window", "base", "panel", "alternate_base", "selected_bg"),
    "error_text": ("base", "alternate_base", "selected_bg"),
    "changed_text": ("base", "changed_row", "alternate_base"),
    "present_text": ("base", "changed_row", "alternate_base"),
    "accent_text": ("accent", "accent_hover"),
    "selected_text": ("selected_bg",),
    "highlighted_text": ("selection_bg",),
    "link_text": ("base", "code_bg", "quote_bg", "table_head_bg"),
    "code_text": ("base", "code_bg", "quote_bg", "table_head_bg"),
    "tag_text": ("base", "code_bg", "quote_bg", "table_head_bg"),
    **{name: ("base",) for name in (
        "md_heading", "md_code", "md_fence", "md_link", "md_url", "md_marker", "md_quote", "md_tag", "md_rule")},
}


def resolve(roles: Colours) -> Colours:
    """Every token, from the palette's roles (a full ``ROLES`` mapping of ``#rrggbb``)."""
    missing = [role for role in ROLES if role not in roles]
    if missing:
        raise KeyError(f"palette roles missing: {missing}")
    colours = {role: roles[role].lower() for role in ROLES}
    dark = is_dark(colours["base"])
    colours["scheme"] = "dark" if dark else "light"
    colours.update({name: pair[1 if dark else 0] for name, pair in _PAIRS.items()})
    for index, colour in enumerate(VARIANT_COLOURS):
        colours[f"variant_{index}"] = colour
    colours["variant_text"] = VARIANT_TEXT

    window, base, text = colours["window"], colours["base"], colours["text"]
    # Tints mixed from the palette, so they sit with whatever shade the desktop uses.
    colours["panel"] = mix(window, colours["window_text"], 0.045)  # pane titles, toolbars, lists
    colours["line"] = mix(window, colours["window_text"], 0.16)  # borders between panes
    colours["soft_line"] = mix(base, text, 0.09)  # lines inside a pane
    colours["button_hover"] = mix(colours["button"], colours["window_text"], 0.07)
    colours["selected_bg"] = mix(base, colours["highlight"], 0.28 if dark else 0.16)
    colours["selected_text"] = text
    colours["link_text"] = colours["link"]  # lightened or darkened below if it reads poorly
    colours["selection_bg"] = colours["highlight"]  # darkened below if the desktop's reads poorly
    colours["code_bg"] = mix(base, text, 0.06)
    colours["quote_bg"] = mix(base, text, 0.035)
    colours["table_head_bg"] = mix(base, text, 0.05)
    colours["muted_text"] = mix(text, base, 0.38)
    colours["title_text"] = mix(colours["window_text"], window, 0.22)
    colours["disabled_text"] = mix(colours["button_text"], colours["button"], 0.5)

    # Text that does not reach AA on its backgrounds is moved until it does. The palette's
    # own text colours are what Qt draws with, so for them the tinted background moves.
    for name, backgrounds in TEXT_ON.items():
        if name in ROLES:
            for back in backgrounds:
                if back not in ROLES:
                    colours[back] = readable(colours[back], [colours[name]], AA_TEXT)
    for name, backgrounds in TEXT_ON.items():
        if name not in ROLES:
            colours[name] = readable(colours[name], [colours[back] for back in backgrounds], AA_TEXT)
    return colours


def __getattr__(name: str) -> Colours:
    # LIGHT and DARK (every token for the app's own light and dark palettes) are worked
    # out when first asked for, not on every start.
    if name == "LIGHT":
        return resolve(LIGHT_ROLES)
    if name == "DARK":
        return resolve(DARK_ROLES)
    raise AttributeError(name)
