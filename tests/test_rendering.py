"""Markdown bodies render to safe HTML: the dialect, the safety rules, the real files."""

from __future__ import annotations

import re

import pytest

from agent_editor.agentfile.document import AgentDocument  # noqa: E402
from agent_editor.agentfile.rendering import full_html, render_markdown

from conftest import SHARED  # noqa: E402
SEEDS = sorted((SHARED / "seeds").glob("*.txt"))
CORPUS = sorted((SHARED / "corpus").rglob("*.md"))


def body_of(text: str) -> str:
    """The Markdown after the header, as the editor itself splits it."""
    return AgentDocument.parse(text).body


# The dialect


def test_headings_paragraphs_and_emphasis():
    html = render_markdown("# Title\n\nSome **bold** and *italic* text.\n\n## Next")
    assert "<h1>Title</h1>" in html
    assert "<h2>Next</h2>" in html
    assert "<p>Some <strong>bold</strong> and <em>italic</em> text.</p>" in html


def test_list_right_under_a_paragraph_line_is_a_list():
    html = render_markdown("**Database Excellence:**\n- Design schemas\n- Index well\n")
    assert "<p><strong>Database Excellence:</strong></p>" in html
    assert re.search(r"<ul>\s*<li>Design schemas</li>\s*<li>Index well</li>\s*</ul>", html)


@pytest.mark.parametrize("indent", [2, 3, 4])
def test_nested_lists_with_any_indentation(indent):
    pad = " " * indent
    html = render_markdown(f"1. First\n{pad}- inner a\n{pad}- inner b\n2. Second\n")
    assert re.search(r"<ol>\s*<li>First<ul>\s*<li>inner a</li>\s*<li>inner b</li>\s*</ul>\s*</li>"
                     r"\s*<li>Second</li>\s*</ol>", html)


def test_tight_list_items_have_no_paragraphs():
    html = render_markdown("- a\n- b\n  - c\n- d\n")
    assert "<p>" not in html
    assert html.count("<li>") == 4


def test_fenced_code_keeps_language_indentation_and_escapes():
    html = render_markdown('Intro:\n```python title="demo"\ndef f():\n    return 1 < 2\n```\n')
    assert "<p>Intro:</p>" in html
    assert '<pre><code class="language-python">def f():\n    return 1 &lt; 2\n</code></pre>' in html


def test_fence_indented_inside_a_list_still_renders_as_code():
    html = render_markdown("1. Run:\n   ```bash\n   pytest -q\n   ```\n2. Read\n")
    assert '<pre><code class="language-bash">pytest -q\n</code></pre>' in html
    # The list resumes at its own number after the block.
    assert '<ol start="2">' in html


def test_longer_closing_fence_and_tilde_fence():
    assert "<pre><code>a\n</code></pre>" in render_markdown("```\na\n`````\n")
    assert "<pre><code>b\n</code></pre>" in render_markdown("~~~\nb\n~~~\n")


def test_tables_render_even_right_under_a_paragraph_line():
    html = render_markdown("Levels:\n| Level | Meaning |\n|---|---|\n| High | Block |\n")
    assert "<p>Levels:</p>" in html
    assert "<th>Level</th>" in html and "<td>Block</td>" in html


def test_blockquote_and_rules():
    html = render_markdown("> **Note:** careful\n\n---\n\ntext\n\n* * *\n")
    assert "<blockquote>" in html and "<strong>Note:</strong>" in html
    assert html.count("<hr>") == 2


def test_newlines_inside_a_paragraph_are_not_line_breaks():
    assert render_markdown("one\ntwo") == "<p>one\ntwo</p>"


def test_same_instance_gives_same_result_every_call():
    # The module reuses one Markdown instance: nothing may leak from call to call.
    text = "# A\n\n- x\n- y\n\n```\ncode\n```\n"
    first = render_markdown(text)
    render_markdown("Other [ref]: https://example.com\n\n| a |\n|---|\n| b |\n")
    assert render_markdown(text) == first


def test_empty_body():
    assert render_markdown("") == ""


# Safety


def test_script_iframe_and_event_attributes_are_text():
    html = render_markdown(
        '<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>\n\n'
        'Hi <b onmouseover="steal()">there</b>'
    )
    assert "<script" not in html and "<iframe" not in html and "<b " not in html
    assert "&lt;script&gt;" in html and "&lt;iframe" in html
    assert 'onmouseover="steal()"&gt;' in html  # visible as text, inert


def test_raw_remote_image_is_text_and_markdown_image_is_a_placeholder():
    html = render_markdown('<img src="http://tracker.example/p.png">\n\n![chart](https://x.example/c.png)')
    assert "<img" not in html
    assert "&lt;img src=\"http://tracker.example/p.png\"&gt;" in html
    assert '<span class="image-placeholder">[image: chart]</span>' in html


def test_pseudo_tags_stay_visible_as_text():
    html = render_markdown(
        "<example>\nContext: a user asks\n<commentary>Use the agent.</commentary>\n</example>"
    )
    for tag in ("&lt;example&gt;", "&lt;commentary&gt;", "&lt;/commentary&gt;", "&lt;/example&gt;"):
        assert f'<span class="pseudo-tag">{tag}</span>' in html
    assert "Context: a user asks" in html and "Use the agent." in html


def test_markdown_inside_a_pseudo_tag_is_not_interpreted():
    html = render_markdown('Use <tool name="*a*"> here')
    assert "<em>" not in html
    assert '&lt;tool name="*a*"&gt;' in html


def test_only_safe_link_schemes_keep_their_target():
    html = render_markdown(
        "[web](https://example.com) [plain](http://example.com) [mail](mailto:a@example.com) "
        "[here](#usage) [js](javascript:alert(1)) [vb](VBScript:x) [file](file:///etc/passwd) "
        "<https://auto.example> <someone@example.com>"
    )
    for href in ("https://example.com", "http://example.com", "mailto:a@example.com", "#usage",
                 "https://auto.example"):
        assert f'href="{href}"' in html
    # The link text stays; the target is gone.
    assert "javascript:" not in html and "VBScript:" not in html and "file:" not in html
    assert ">js</a>" in html and ">file</a>" in html
    assert html.count('class="blocked-link"') == 3
    assert "&#109;&#97;&#105;&#108;&#116;&#111;&#58;" in html  # the auto-linked address kept its mailto


def test_full_html_wraps_fragment_with_stylesheet():
    page = full_html("<p>x</p>", "p { color: red; }")
    assert page.startswith("<!DOCTYPE html>")
    assert "<style>\np { color: red; }\n</style>" in page
    assert "<body>\n<p>x</p>\n</body>" in page


# The real files


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_each_seed_renders(path):
    body = body_of(path.read_text(encoding="utf-8"))
    html = render_markdown(body)
    assert html.startswith("<")
    # Every heading line of the body became a heading element.
    headings = [line for line in body.splitlines() if re.match(r"#{1,6} ", line)]
    assert len(re.findall(r"<h[1-6]>", html)) == len(headings)
    # Bold list labels such as "**Database**:" are rendered, never left as asterisks.
    assert "**" not in re.sub(r"<code>.*?</code>", "", html, flags=re.S)


def test_seed_lists_nest_under_their_numbered_items():
    seed = next(p for p in SEEDS if p.name.startswith("004_"))
    html = render_markdown(body_of(seed.read_text(encoding="utf-8")))
    assert re.search(r"<li>\s*<p><strong>Analyze Requirements First</strong>.*?</p>\s*<ul>", html, re.S)


def test_whole_corpus_renders():
    assert len(CORPUS) > 500, f"expected the corpus beside the repository in {SHARED}"
    for path in CORPUS:
        html = render_markdown(body_of(path.read_text(encoding="utf-8")))
        assert "<script" not in html and "<iframe" not in html and "<img" not in html, path


def _render_whole(text: str) -> str:
    """Render without cutting into chunks (what the chunk cache must never differ from)."""
    import agent_editor.agentfile.rendering as rendering

    rendering._MARKDOWN.reset()
    return rendering._MARKDOWN.convert(text)


def _squash(html_text: str) -> str:
    return re.sub(r"\s+", " ", html_text).strip()


def test_rendering_in_chunks_matches_rendering_whole_on_every_real_file():

    files = SEEDS + CORPUS
    assert len(files) > 500
    mismatched = []
    for path in files:
        if path.name in ("README.md", "SOURCES.md"):
            continue
        body = AgentDocument.load(path).body
        if _squash(render_markdown(body)) != _squash(_render_whole(body)):
            mismatched.append(path.name)
    assert mismatched == []


def test_chunks_never_cut_a_list_a_fence_or_an_indented_line():
    from agent_editor.agentfile.rendering import split_chunks

    text = "Intro\n\n- one\n\n- two\n\n```\ncode\n\nHeading inside\n```\n\n    indented\n\n# Next\nText"
    chunks = split_chunks(text)
    assert "\n".join(chunks) == text
    # A list item never starts a chunk (it may continue a list above), nor does
    # anything inside a fence or an indented line.
    assert chunks == ["Intro\n\n- one\n\n- two\n", "```\ncode\n\nHeading inside\n```\n\n    indented\n", "# Next\nText"]


def test_an_edit_renders_like_a_fresh_render():
    body = SEEDS[4].read_text(encoding="utf-8").split("\n---", 1)[1]
    render_markdown(body)  # fills the chunk cache
    edited = body.replace("scalab", "SCALAB", 1)
    assert _squash(render_markdown(edited)) == _squash(_render_whole(edited))
