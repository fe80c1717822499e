"""The comparison of agent variants as one self-contained HTML page, for review in a browser.

This module owns ``render_report``: a page with inline CSS and no external resources
(no style sheets, scripts, fonts or images to fetch), built from ``comparison``'s
model. It shows the header fields per variant, the tool sets, which sections each
variant has, the pairwise body similarity, and for pairs of variants the differences:
fields with word-level changes and the bodies side by side with changed words marked.
Every piece of file text is HTML-escaped. Pure Python, no Qt.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

from agent_editor.agentfile.resources_path import resource_path
from agent_editor.agentfile.schema import load_schema
from agent_editor.compare.bodies import BlockKind, BodyDiff, Change
from agent_editor.compare.comparison import Comparison, compare
from agent_editor.compare.fields import (
    compare_fields,
    FieldDiff,
    FieldStatus,
    format_value,
    same_value,
    TOOL_SET_KEYS,
    ToolSetDiff,
)
from agent_editor.compare.model import Comparable, Op, Segment
from agent_editor.compare.overview import Overview, overview
from agent_editor.compare.sections import SectionKind, SectionMatch

__all__ = ["render_report", "pairs_to_show"]

# Unchanged lines shown around each change in the body diff; longer unchanged runs fold.
CONTEXT_LINES = 3
# Up to this many variants every pair is shown; beyond it, each variant against the first.
ALL_PAIRS_UP_TO = 3


def render_report(docs: Sequence[Comparable], labels: Sequence[str] | None = None, *, title: str | None = None) -> str:
    """The whole HTML page comparing ``docs`` (two or more), each named by its label.

    Labels default to the file name (``doc.path``) or "Variant N".
    """
    if len(docs) < 2:
        raise ValueError("a comparison needs at least two variants")
    labels = list(labels) if labels is not None else [_default_label(doc, i) for i, doc in enumerate(docs)]
    if len(labels) != len(docs):
        raise ValueError("give one label per variant")
    summary = overview(docs)
    heading = title or _default_title(docs)
    parts = [
        _page_header(heading, docs, labels),
        _nav(),
        _fields_section(summary, labels),
        _tools_section(summary, labels),
        _sections_section(summary, labels),
        _similarity_section(summary, labels),
        _pairs_section(docs, labels),
    ]
    style = resource_path("report.css").read_text(encoding="utf-8")
    return _PAGE.format(title=_e(heading), style=style, body="\n".join(parts))


def pairs_to_show(count: int) -> list[tuple[int, int]]:
    """Which pairs get a detailed diff: all of them for a few variants, else each against the first."""
    if count <= ALL_PAIRS_UP_TO:
        return [(i, j) for i in range(count) for j in range(i + 1, count)]
    return [(0, j) for j in range(1, count)]


# ----- page frame ----------------------------------------------------------------------


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _default_label(doc: Comparable, index: int) -> str:
    path = getattr(doc, "path", None)
    return path.name if path is not None else f"Variant {index + 1}"


def _default_title(docs: Sequence[Comparable]) -> str:
    names = list(dict.fromkeys(str(doc.fields.get("name", "")) for doc in docs if doc.fields.get("name")))
    if len(names) == 1:
        return f"{len(docs)} variants of {names[0]}"
    return f"Comparing {len(docs)} agent variants"


def _variant_tag(index: int) -> str:
    return f'<span class="tag v{index % 6}">{_letter(index)}</span>'


def _letter(index: int) -> str:
    return chr(ord("A") + index) if index < 26 else str(index + 1)


def _page_header(heading: str, docs: Sequence[Comparable], labels: Sequence[str]) -> str:
    items = []
    for index, (doc, label) in enumerate(zip(docs, labels)):
        name = doc.fields.get("name")
        lines = len(doc.body.split("\n"))
        detail = f"name <code>{_e(name)}</code> · " if name is not None else ""
        items.append(
            f'<li>{_variant_tag(index)}<span class="label">{_e(label)}</span>'
            f'<span class="muted">{detail}{lines} body lines</span></li>'
        )
    return (
        f'<header class="page"><h1>{_e(heading)}</h1>'
        f'<p class="muted">Header fields compared by meaning (key order, quoting and tool-list style do not '
        f"count), bodies line by line with changed words marked.</p>"
        f'<ol class="variants">{"".join(items)}</ol></header>'
    )


def _nav() -> str:
    links = [
        ("fields", "Fields"),
        ("tools", "Tools"),
        ("sections", "Sections"),
        ("similarity", "Similarity"),
        ("pairs", "Differences"),
    ]
    return '<nav class="toc">' + "".join(f'<a href="#{anchor}">{text}</a>' for anchor, text in links) + "</nav>"


def _column_heads(labels: Sequence[str]) -> str:
    return "".join(
        f'<th scope="col">{_variant_tag(i)} <span class="label">{_e(label)}</span></th>' for i, label in enumerate(labels)
    )


# ----- overview tables -----------------------------------------------------------------


def _value_html(key: str, value: Any) -> str:
    text = format_value(value)
    swatch = ""
    colors = load_schema().colors  # Claude Code's colour names, drawn as a swatch next to the value
    if key == "color" and isinstance(value, str) and value in colors:
        swatch = f'<span class="swatch" style="background:{colors[value]}"></span>'
    css = "value long" if len(text) > 160 or "\n" in text else "value"
    return f'{swatch}<div class="{css}">{_e(text)}</div>'


def _fields_section(summary: Overview, labels: Sequence[str]) -> str:
    rows = []
    for row in summary.fields:
        first_present, first_value = row.present[0], row.values[0]
        cells = []
        for index, (present, value) in enumerate(zip(row.present, row.values)):
            if not present:
                cells.append('<td class="absent">not set</td>')
                continue
            differs = index > 0 and not (first_present and _same_meaning(row.key, first_value, value))
            cells.append(f'<td class="{"differs" if differs else ""}">{_value_html(row.key, value)}</td>')
        state = "uniform" if row.uniform else "mixed"
        marker = "" if row.uniform else '<span class="marker" title="differs between variants">≠</span>'
        rows.append(f'<tr class="{state}"><th scope="row"><code>{_e(row.key)}</code>{marker}</th>{"".join(cells)}</tr>')
    differing = sum(1 for row in summary.fields if not row.uniform)
    note = f"{differing} of {len(summary.fields)} fields differ." if differing else "Every field means the same in every variant."
    return (
        f'<section id="fields"><h2>Header fields</h2><p class="muted">{note} '
        f"Cells that differ from {_variant_tag(0)} are highlighted; tools are compared as sets "
        f"(see below).</p>"
        f'<div class="scroll"><table class="grid fields"><thead><tr><th scope="col">Field</th>'
        f'{_column_heads(labels)}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>'
    )


def _same_meaning(key: str, a: Any, b: Any) -> bool:
    if key in TOOL_SET_KEYS:
        return compare_fields({key: a}, {key: b})[0].same
    return same_value(a, b)


def _tools_section(summary: Overview, labels: Sequence[str]) -> str:
    parts = ['<section id="tools"><h2>Tools</h2>']
    parts.append(_tool_table(summary, labels, "tools", "Granted tools", "grants every tool (no <code>tools</code> list)"))
    if any(summary.disallowed_sets):
        parts.append(_tool_table(summary, labels, "disallowedTools", "Disallowed tools", "disallows every tool"))
    parts.append("</section>")
    return "".join(parts)


def _tool_table(summary: Overview, labels: Sequence[str], key: str, caption: str, all_text: str) -> str:
    rows = [row for row in summary.tools if row.key == key]
    every = summary.all_tools(key)
    if not rows:
        if key == "tools" and all(every):
            return '<p class="muted">No variant has a <code>tools</code> list: every variant grants every tool.</p>'
        return ""
    head = f'<tr><th scope="col">{_e(caption)}</th>{_column_heads(labels)}</tr>'
    all_row = "".join(
        f'<td class="{"all" if flag else ""}">{"all tools" if flag else "listed"}</td>' for flag in every
    )
    body = [f'<tr class="meta"><th scope="row">grant</th>{all_row}</tr>']
    for row in rows:
        cells = []
        for listed, granted in zip(row.listed, row.granted):
            if listed:
                cells.append('<td class="has" title="listed">✓</td>')
            elif granted:
                cells.append('<td class="implied" title="granted by an all-tools grant">(all)</td>')
            else:
                cells.append('<td class="lacks" title="not granted">—</td>')
        state = "uniform" if row.uniform else "mixed"
        marker = "" if row.uniform else '<span class="marker" title="not in every variant">≠</span>'
        body.append(f'<tr class="{state}"><th scope="row"><code>{_e(row.tool)}</code>{marker}</th>{"".join(cells)}</tr>')
    legend = f'<p class="muted">✓ listed · (all) {all_text} · — missing</p>'
    return (
        f'<div class="scroll"><table class="grid tools"><thead>{head}</thead>'
        f'<tbody>{"".join(body)}</tbody></table></div>{legend}'
    )


def _sections_section(summary: Overview, labels: Sequence[str]) -> str:
    if not summary.sections:
        return '<section id="sections"><h2>Sections</h2><p class="muted">No variant has Markdown headings.</p></section>'
    rows = []
    for row in summary.sections:
        cells = []
        for section in row.sections:
            if section is None:
                cells.append('<td class="lacks">—</td>')
            elif section.title != row.title:
                cells.append(f'<td class="renamed">✓ as “{_e(section.title)}”</td>')
            else:
                cells.append('<td class="has">✓</td>')
        everywhere = all(row.present)
        marker = "" if everywhere else '<span class="marker" title="not in every variant">≠</span>'
        indent = f' style="padding-left:{0.6 + 1.1 * (row.level - 1):.1f}em"'
        rows.append(
            f'<tr class="{"uniform" if everywhere else "mixed"}"><th scope="row"{indent}>'
            f'<span class="level">H{row.level}</span> {_e(row.title) or "(untitled)"}{marker}</th>{"".join(cells)}</tr>'
        )
    counts = "".join(
        f"<li>{_variant_tag(i)} {sum(1 for row in summary.sections if row.sections[i])} sections</li>"
        for i in range(summary.count)
    )
    return (
        '<section id="sections"><h2>Sections</h2><p class="muted">Headings matched by title, renamed ones '
        f'by their text.</p><ul class="inline">{counts}</ul>'
        f'<div class="scroll"><table class="grid sections"><thead><tr><th scope="col">Section</th>'
        f'{_column_heads(labels)}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></section>'
    )


def _similarity_section(summary: Overview, labels: Sequence[str]) -> str:
    rows = []
    for i, values in enumerate(summary.similarity):
        cells = []
        for j, value in enumerate(values):
            # Deeper green for more similar bodies; the diagonal stays neutral.
            style = "" if i == j else f' style="background:hsla(145,60%,42%,{0.08 + 0.6 * value:.2f})"'
            cells.append(f'<td class="{"diag" if i == j else "num"}"{style}>{value:.0%}</td>')
        rows.append(f'<tr><th scope="row">{_variant_tag(i)} <span class="label">{_e(labels[i])}</span></th>{"".join(cells)}</tr>')
    heads = "".join(f'<th scope="col">{_variant_tag(i)}</th>' for i in range(summary.count))
    return (
        '<section id="similarity"><h2>Body similarity</h2><p class="muted">Share of the body text the two '
        "variants have in common, word by word (100% = identical).</p>"
        f'<div class="scroll"><table class="grid matrix"><thead><tr><th></th>{heads}</tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div></section>'
    )


# ----- pairs ---------------------------------------------------------------------------


def _pairs_section(docs: Sequence[Comparable], labels: Sequence[str]) -> str:
    pairs = pairs_to_show(len(docs))
    intro = (
        "Every pair of variants."
        if len(pairs) == len(docs) * (len(docs) - 1) // 2
        else f"Each variant against {_variant_tag(0)} <span class=\"label\">{_e(labels[0])}</span>."
    )
    blocks = [_pair_block(compare(docs[i], docs[j]), i, j, labels, open_=len(pairs) == 1) for i, j in pairs]
    return f'<section id="pairs"><h2>Differences</h2><p class="muted">{intro}</p>{"".join(blocks)}</section>'


def _pair_block(result: Comparison, i: int, j: int, labels: Sequence[str], *, open_: bool) -> str:
    field_changes = result.field_changes
    only_a = [m for m in result.sections if m.kind is SectionKind.ONLY_IN_A]
    only_b = [m for m in result.sections if m.kind is SectionKind.ONLY_IN_B]
    stats = [
        f"{result.similarity:.0%} similar",
        _plural(len(field_changes), "field difference"),
        _plural(len(result.changes), "changed block"),
    ]
    if only_a or only_b:
        stats.append(f"sections: {len(only_a)} only in {_letter(i)}, {len(only_b)} only in {_letter(j)}")
    if result.identical:
        stats = ["identical"]
    summary = (
        f"<summary>{_variant_tag(i)} <span class=\"label\">{_e(labels[i])}</span> <span class=\"vs\">vs</span> "
        f"{_variant_tag(j)} <span class=\"label\">{_e(labels[j])}</span>"
        f'<span class="stats">{" · ".join(_e(s) for s in stats)}</span></summary>'
    )
    content = [
        _pair_fields(field_changes, i, j),
        pair_sections(result.sections, i, j),
        _pair_body(result.body, i, j, labels),
    ]
    return f'<details class="pair"{" open" if open_ else ""}>{summary}<div class="pair-body">{"".join(content)}</div></details>'


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _pair_fields(diffs: Sequence[FieldDiff], i: int, j: int) -> str:
    if not diffs:
        return '<h3>Header fields</h3><p class="muted">No differences.</p>'
    rows = []
    for diff in diffs:
        left, right = _field_cells(diff)
        status = {
            FieldStatus.CHANGED: "changed",
            FieldStatus.ONLY_IN_A: f"only in {_letter(i)}",
            FieldStatus.ONLY_IN_B: f"only in {_letter(j)}",
        }.get(diff.status, "")
        rows.append(
            f'<tr><th scope="row"><code>{_e(diff.key)}</code><div class="status">{_e(status)}</div></th>'
            f"<td>{left}</td><td>{right}</td></tr>"
        )
    return (
        f'<h3>Header fields</h3><div class="scroll"><table class="grid pairfields"><thead><tr><th scope="col">Field</th>'
        f'<th scope="col">{_variant_tag(i)}</th><th scope="col">{_variant_tag(j)}</th></tr></thead>'
        f'<tbody>{"".join(rows)}</tbody></table></div>'
    )


def _field_cells(diff: FieldDiff) -> tuple[str, str]:
    if diff.tools is not None:
        return _tool_cells(diff.tools)
    if diff.words and _mostly_shared(diff.words):
        return (
            f'<div class="value long">{_segments_html(diff.words, Op.DELETE)}</div>',
            f'<div class="value long">{_segments_html(diff.words, Op.INSERT)}</div>',
        )
    left = _value_html(diff.key, diff.value_a) if diff.present_a else '<span class="absent">not set</span>'
    right = _value_html(diff.key, diff.value_b) if diff.present_b else '<span class="absent">not set</span>'
    return left, right


def _mostly_shared(segments: Sequence[Segment]) -> bool:
    """Whether a word diff is worth marking: below this much shared text it is a rewrite,
    and the two values read better as they are."""
    shared = sum(len(text) for op, text in segments if op is Op.EQUAL)
    total = sum(len(text) * (2 if op is Op.EQUAL else 1) for op, text in segments)
    return total > 0 and 2 * shared / total >= 0.4


def _tool_cells(tools: ToolSetDiff) -> tuple[str, str]:
    def side(all_tools: bool, only: Sequence[str], kind: str) -> str:
        if all_tools:
            return '<span class="chip all">every tool</span>'
        chips = [f'<span class="chip {kind}">{_e(name)}</span>' for name in only]
        chips += [f'<span class="chip both">{_e(name)}</span>' for name in tools.in_both]
        return "".join(chips) or '<span class="muted">no tools</span>'

    return side(tools.all_in_a, tools.only_in_a, "del"), side(tools.all_in_b, tools.only_in_b, "ins")


def _segments_html(segments: Sequence[Segment], shown: Op) -> str:
    """One side of a word diff: the shared text plus that side's own text, marked."""
    tag = "del" if shown is Op.DELETE else "ins"
    parts = []
    for op, text in segments:
        if op is Op.EQUAL:
            parts.append(_e(text))
        elif op is shown:
            parts.append(f"<{tag}>{_e(text)}</{tag}>")
    return "".join(parts)


def pair_sections(matches: Sequence[SectionMatch], i: int, j: int) -> str:
    notes = []
    for match in matches:
        kind = match.kind
        if kind is SectionKind.ONLY_IN_A:
            notes.append(f'<li class="del">“{_e(match.a.title)}” only in {_letter(i)}</li>')
        elif kind is SectionKind.ONLY_IN_B:
            notes.append(f'<li class="ins">“{_e(match.b.title)}” only in {_letter(j)}</li>')
        elif kind is SectionKind.RENAMED:
            moved = " (and moved)" if match.moved else ""
            notes.append(f'<li class="chg">“{_e(match.a.title)}” renamed to “{_e(match.b.title)}”{moved}</li>')
        elif kind is SectionKind.MOVED:
            notes.append(f'<li class="chg">“{_e(match.a.title)}” moved</li>')
        elif kind is SectionKind.CHANGED:
            notes.append(f'<li class="chg">“{_e(match.a.title)}” changed ({match.similarity:.0%} alike)</li>')
    if not matches:
        return ""
    if not notes:
        return '<h3>Sections</h3><p class="muted">Same sections, same text.</p>'
    return f'<h3>Sections</h3><ul class="notes">{"".join(notes)}</ul>'


def _pair_body(diff: BodyDiff, i: int, j: int, labels: Sequence[str]) -> str:
    if diff.identical:
        return '<h3>Body</h3><p class="muted">The bodies are identical.</p>'
    rows = []
    changes = iter(diff.changes)
    for block in diff.blocks:
        if block.kind is BlockKind.EQUAL:
            at_top, at_bottom = block is diff.blocks[0], block is diff.blocks[-1]
            rows.extend(_equal_rows(diff, block.a_start, block.a_end, block.b_start, at_top, at_bottom))
            continue
        rows.extend(_change_row(diff, a_line, b_line, segments) for a_line, b_line, segments in _packed_rows(next(changes)))
    head = (
        f'<thead><tr><th colspan="2">{_variant_tag(i)} <span class="label">{_e(labels[i])}</span></th>'
        f'<th colspan="2">{_variant_tag(j)} <span class="label">{_e(labels[j])}</span></th></tr></thead>'
    )
    return (
        f'<h3>Body <span class="muted">· {_plural(len(diff.changes), "changed block")}</span></h3>'
        f'<div class="scroll"><table class="sbs">{_SBS_COLUMNS}{head}<tbody>{"".join(rows)}</tbody></table></div>'
    )


_SBS_COLUMNS = '<colgroup><col class="ln"><col><col class="ln"><col></colgroup>'


def _packed_rows(change: Change) -> list[tuple[int | None, int | None, tuple[Segment, ...]]]:
    """The change's rows, with each run of lines only in A set beside the run of lines
    only in B that follows it (unrelated lines, shown side by side without word marks),
    so a rewritten passage takes the height of its longer side, not of both."""
    packed: list[tuple[int | None, int | None, tuple[Segment, ...]]] = []
    only_a: list[int] = []
    only_b: list[int] = []

    def flush() -> None:
        for k in range(max(len(only_a), len(only_b))):
            packed.append((only_a[k] if k < len(only_a) else None, only_b[k] if k < len(only_b) else None, ()))
        only_a.clear()
        only_b.clear()

    for row in change.rows:
        if row.a_line is not None and row.b_line is not None:
            flush()
            packed.append((row.a_line, row.b_line, row.segments))
        elif row.a_line is not None:
            only_a.append(row.a_line)
        else:
            only_b.append(row.b_line)
    flush()
    return packed


def _equal_rows(diff: BodyDiff, a_start: int, a_end: int, b_start: int, at_top: bool, at_bottom: bool) -> list[str]:
    """Unchanged lines: a few next to each change, the rest folded into one row."""
    count = a_end - a_start
    head = 0 if at_top else CONTEXT_LINES  # lines right after the previous change
    tail = 0 if at_bottom else CONTEXT_LINES  # lines right before the next change
    if count <= head + tail + 1:  # folding would hide no more than one line
        return [_same_row(diff, a_start + k, b_start + k) for k in range(count)]
    rows = [_same_row(diff, a_start + k, b_start + k) for k in range(head)]
    rows.append(f'<tr class="fold"><td colspan="4">⋯ {_plural(count - head - tail, "unchanged line")}</td></tr>')
    rows += [_same_row(diff, a_start + k, b_start + k) for k in range(count - tail, count)]
    return rows


def _same_row(diff: BodyDiff, a_line: int, b_line: int) -> str:
    text = _e(diff.a_lines[a_line])
    return (
        f'<tr><td class="ln">{a_line + 1}</td><td class="code">{text}</td>'
        f'<td class="ln">{b_line + 1}</td><td class="code">{_e(diff.b_lines[b_line])}</td></tr>'
    )


def _change_row(diff: BodyDiff, a_line: int | None, b_line: int | None, segments: Sequence[Segment]) -> str:
    if segments:  # a line and its edited version: mark the changed words
        left, right = _segments_html(segments, Op.DELETE), _segments_html(segments, Op.INSERT)
        cells = [
            (a_line, f'<td class="code del-line">{left}</td>'),
            (b_line, f'<td class="code ins-line">{right}</td>'),
        ]
    else:
        cells = [
            (a_line, f'<td class="code del-line whole">{_e(diff.a_lines[a_line])}</td>' if a_line is not None else ""),
            (b_line, f'<td class="code ins-line whole">{_e(diff.b_lines[b_line])}</td>' if b_line is not None else ""),
        ]
    html_cells = []
    for line, cell in cells:
        if line is None:
            html_cells.append('<td class="ln"></td><td class="code filler"></td>')
        else:
            html_cells.append(f'<td class="ln">{line + 1}</td>{cell}')
    return f'<tr class="changed">{"".join(html_cells)}</tr>'


# ----- page template -------------------------------------------------------------------

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<main>
{body}
</main>
</body>
</html>
"""
