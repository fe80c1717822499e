"""The light and dark look: every text colour reads on its background (WCAG AA, 4.5:1) on
a light and a dark palette, the look follows the desktop's palette live, and the
author's View › Appearance choice applies at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from agent_editor.look.colours import DARK_ROLES, LIGHT_ROLES, TEXT_ON, VARIANT_COLOURS, VARIANT_TEXT, resolve
from agent_editor.look.contrast import AA_TEXT, contrast, readable
from agent_editor.look.stylesheets import (
    APP_SHEET,
    IMAGES,
    PREVIEW_SHEET,
    fill,
    literal_colours,
    load_template,
    text_pairs,
    tokens,
)

# Palettes of other desktops, besides the app's own light and dark ones: Qt's Fusion
# light palette and KDE's Breeze Dark (its published colours), whose shades differ.
FUSION_LIGHT = {
    "window": "#efefef", "window_text": "#000000", "base": "#ffffff", "alternate_base": "#f7f7f7",
    "text": "#000000", "button": "#efefef", "button_text": "#000000", "highlight": "#308cc6",
    "highlighted_text": "#ffffff", "link": "#0000ff", "placeholder_text": "#808080",
    "tool_tip_base": "#ffffdc", "tool_tip_text": "#000000",
}
BREEZE_DARK = {
    "window": "#31363b", "window_text": "#eff0f1", "base": "#232629", "alternate_base": "#31363b",
    "text": "#eff0f1", "button": "#31363b", "button_text": "#eff0f1", "highlight": "#3daee9",
    "highlighted_text": "#eff0f1", "link": "#2980b9", "placeholder_text": "#7f8c8d",
    "tool_tip_base": "#31363b", "tool_tip_text": "#eff0f1",
}
PALETTES = {"light": LIGHT_ROLES, "dark": DARK_ROLES, "fusion-light": FUSION_LIGHT, "breeze-dark": BREEZE_DARK}


def test_contrast_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#777777") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # WCAG's own example
    nudged = readable("#999999", "#ffffff")
    assert contrast(nudged, "#ffffff") >= AA_TEXT and nudged != "#999999"
    assert readable("#333333", "#ffffff") == "#333333"


@pytest.mark.parametrize("name", sorted(PALETTES))
def test_every_text_reads_on_its_backgrounds(name):
    colours = resolve(PALETTES[name])
    assert colours["scheme"] == ("dark" if "dark" in name else "light")
    low = [f"{text} on {background}: {contrast(colours[text], colours[background]):.2f}"
           for text, backgrounds in TEXT_ON.items() for background in backgrounds
           if contrast(colours[text], colours[background]) < AA_TEXT]
    assert low == []


@pytest.mark.parametrize("name", sorted(PALETTES))
@pytest.mark.parametrize("sheet", [APP_SHEET, PREVIEW_SHEET], ids=lambda sheet: sheet.name)
def test_every_pair_in_the_stylesheets_reads(name, sheet):
    template = load_template(sheet)
    colours = resolve(PALETTES[name])
    pairs = text_pairs(template, sheet)
    assert len(pairs) > 20
    low = [f"{p.selector}: {p.text} on {p.background} = {contrast(colours[p.text], colours[p.background]):.2f}"
           for p in pairs if contrast(colours[p.text], colours[p.background]) < AA_TEXT]
    assert low == []


@pytest.mark.parametrize("sheet", [APP_SHEET, PREVIEW_SHEET], ids=lambda sheet: sheet.name)
def test_stylesheets_name_every_colour_as_a_token(sheet):
    template = load_template(sheet)
    assert literal_colours(template) == []
    assert tokens(template) <= set(resolve(LIGHT_ROLES)) | set(IMAGES)
    light, dark = fill(template, resolve(LIGHT_ROLES)), fill(template, resolve(DARK_ROLES))
    assert "@" not in light and light != dark


def test_variant_letters_read_on_their_colours():
    assert [c for c in VARIANT_COLOURS if contrast(c, VARIANT_TEXT) < AA_TEXT] == []


def test_text_pairs_reads_rules():
    template = ("A { color: @muted_text; }\nB { background: @panel; }\nC { color: @text; background: @base; }\n"
                "D:disabled { color: @line; }\nE { background: @line; /* no text */ }\n"
                "F { selection-background-color: @highlight; selection-color: @highlighted_text; }")
    pairs = {(p.selector, p.text, p.background) for p in text_pairs(template, APP_SHEET)}
    assert ("A", "muted_text", "window") in pairs and ("A", "muted_text", "panel") in pairs
    assert ("B", "text", "panel") in pairs and ("B", "window_text", "panel") in pairs
    assert ("C", "text", "base") in pairs
    assert ("F (selection)", "highlighted_text", "highlight") in pairs
    assert not any(p[0] in ("D:disabled", "E") for p in pairs)


# ----- in Qt ------------------------------------------------------------------------------------


@pytest.fixture
def look(qapp):
    from agent_editor.app.look.look import Scheme, look

    current = look()
    yield current
    current.set_scheme(Scheme.SYSTEM)
    qapp.setPalette(QPalette())


def test_choosing_dark_then_system_changes_palette_and_colours(qtbot, look):
    from agent_editor.app.look.look import Scheme

    app = QApplication.instance()
    system_base = app.palette().color(QPalette.ColorRole.Base).name()
    with qtbot.waitSignal(look.colours_changed):
        look.set_scheme(Scheme.DARK)
    assert look.dark and app.palette().color(QPalette.ColorRole.Base).name() == DARK_ROLES["base"]
    assert look.colours == resolve(DARK_ROLES)
    assert DARK_ROLES["base"] in look.app_stylesheet() and DARK_ROLES["base"] in look.preview_stylesheet()
    with qtbot.waitSignal(look.colours_changed):
        look.set_scheme(Scheme.SYSTEM)
    assert not look.dark and app.palette().color(QPalette.ColorRole.Base).name() == system_base


def test_following_the_desktop_palette_live(qtbot, look):
    from agent_editor.app.look.look import palette_of

    app = QApplication.instance()
    # The desktop switches to a dark palette while the app runs.
    with qtbot.waitSignal(look.colours_changed, timeout=2000):
        app.setPalette(palette_of(BREEZE_DARK))
    assert look.dark and look.colours["base"] == BREEZE_DARK["base"]


def test_widgets_redraw_in_the_new_colours(qtbot, tmp_path, look, dialogs):
    from agent_editor.app.compare.style import colours as compare_colours
    from agent_editor.app.compare.window import CompareWindow
    from agent_editor.app.editor.window import MainWindow
    from agent_editor.app.look.look import Scheme, saved_scheme
    from conftest import copy_seed

    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(dialogs=dialogs, settings=settings)
    qtbot.addWidget(window)
    window.open_paths([copy_seed(tmp_path, "003")])
    heading_light = window.body.highlighter.heading_format.foreground().color().name()
    compare = CompareWindow.from_paths([copy_seed(tmp_path, "001"), copy_seed(tmp_path, "003")], dialogs)
    qtbot.addWidget(compare)
    qtbot.waitUntil(lambda: compare.session.comparison is not None)

    dark_action = window.appearance_menu.scheme_actions[Scheme.DARK]
    with qtbot.waitSignal(look.colours_changed):
        dark_action.trigger()
    assert saved_scheme(settings) is Scheme.DARK
    assert compare.appearance_menu.scheme_actions[Scheme.DARK].isChecked()  # every window shows the choice
    dark = resolve(DARK_ROLES)
    assert window.body.highlighter.heading_format.foreground().color().name() == dark["md_heading"] != heading_light
    assert dark["base"] in window.preview.document().defaultStyleSheet()
    assert compare_colours().changed_row.name() == dark["changed_row"]
    changed_row = next(key for key in compare.fields.keys() if not compare.fields._diffs[key].same)
    assert compare.fields.is_marked(changed_row)  # drawn again in the dark tint
    window.appearance_menu.scheme_actions[Scheme.SYSTEM].trigger()
    assert saved_scheme(settings) is Scheme.SYSTEM and not look.dark


def _report_sets() -> dict[str, dict[str, str]]:
    """The report's light and dark colour variables, as written in its stylesheet."""
    import re

    from agent_editor.agentfile.resources_path import resource_path

    css = resource_path("report.css").read_text(encoding="utf-8")
    light_block, dark_block = re.findall(r":root\s*\{([^}]*)\}", css)[:2]

    def variables(block: str) -> dict[str, str]:
        return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))

    light = variables(light_block)
    return {"light": light, "dark": {**light, **variables(dark_block)}}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_html_report_reads_in_both_looks(scheme):
    colours = _report_sets()[scheme]
    pairs = [("text", back) for back in ("bg", "card", "head", "differs", "fold", "del-bg", "del-word", "ins-bg",
                                         "ins-word")]
    pairs += [(fore, back) for fore in ("muted", "chg", "has", "accent", "del-mark")
              for back in ("card", "head", "differs")]
    low = [f"{fore} on {back}: {contrast(colours[fore], colours[back]):.2f}" for fore, back in pairs
           if contrast(colours[fore], colours[back]) < AA_TEXT]
    assert low == []
