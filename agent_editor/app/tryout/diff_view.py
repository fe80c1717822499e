"""Two texts (two answers, or two definitions) as one rich-text page with their
differences marked word by word, in the compare view's colours. The texts are shown as
plain text (escaped), never as markup: answers come from the model, definitions from files."""

from __future__ import annotations

from agent_editor.app.compare.style import colours, e, marked
from agent_editor.app.editor.preview import PreviewView
from agent_editor.compare.bodies import compare_bodies
from agent_editor.compare.model import Op

MAX_CHARS = 200_000  # longer texts are cut before comparing


def _line(html: str, background: str | None = None) -> str:
    style = "white-space:pre-wrap; margin:0"
    if background:
        style += f"; background:{background}"
    return f'<p style="{style}">{html or "&nbsp;"}</p>'


def diff_html(a: str, b: str) -> str:
    """``a`` against ``b``: removed words on the removed colour, added on the added one."""
    palette = colours()
    diff = compare_bodies(a[:MAX_CHARS], b[:MAX_CHARS])
    if diff.identical:
        return _line(f"<i>{e('The two texts are the same.')}</i>")
    out: list[str] = []
    changes = iter(diff.changes)
    for block in diff.blocks:
        if block.kind.value == "equal":
            out.extend(_line(e(line)) for line in diff.a_lines[block.a_start:block.a_end])
            continue
        change = next(changes)
        for row in change.rows:
            if row.a_line is not None and row.b_line is not None:
                parts = []
                for op, text in row.segments:
                    if op is Op.EQUAL:
                        parts.append(e(text))
                    elif op is Op.DELETE:
                        parts.append(f"<s>{marked(text, palette.removed_word)}</s>")
                    else:
                        parts.append(marked(text, palette.added_word))
                out.append(_line("".join(parts)))
            elif row.a_line is not None:
                out.append(_line(f"<s>{e(diff.a_lines[row.a_line])}</s>", palette.removed_line.name()))
            else:
                out.append(_line(e(diff.b_lines[row.b_line]), palette.added_line.name()))
    return "".join(out)


class DiffView(PreviewView):
    """Shows ``diff_html``, with the preview's rules: nothing is loaded, links go nowhere
    but the desktop's handler."""

    def show_texts(self, a: str, b: str) -> None:
        self.show_html(diff_html(a, b), keep_position=False)
