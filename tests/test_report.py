"""The HTML comparison report: its content, its escaping, and that it needs nothing from outside."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from agent_editor.agentfile.document import AgentDocument
from agent_editor.compare.report import pairs_to_show, render_report

from conftest import SEEDS  # noqa: E402


def seed(number: int) -> AgentDocument:
    (path,) = SEEDS.glob(f"{number:03d}_*.txt")
    return AgentDocument.load(path)


class TableReader(HTMLParser):
    """Collects each <table>'s rows as lists of cell texts, keyed by the table's class."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: dict[str, list[list[str]]] = {}
        self._table: list[list[str]] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self._table = self.tables.setdefault(dict(attrs).get("class", ""), [])
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None and self._table:
            self._table[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def tables(page: str) -> dict[str, list[list[str]]]:
    reader = TableReader()
    reader.feed(page)
    return reader.tables


def rows_by_first_cell(rows: list[list[str]]) -> dict[str, list[str]]:
    return {row[0].rstrip(" ≠"): row[1:] for row in rows if row}


@pytest.fixture(scope="module")
def pair_page() -> str:
    return render_report([seed(1), seed(3)], ["001", "003"])


@pytest.fixture(scope="module")
def five_page() -> str:
    return render_report([seed(n) for n in range(5)], [f"seed {n}" for n in range(5)])


def test_tool_table_marks_which_variant_has_each_tool(pair_page):
    rows = rows_by_first_cell(tables(pair_page)["grid tools"])
    assert rows["MultiEdit"] == ["✓", "—"]
    for tool in ("Glob", "supabase", "context7"):
        assert rows[tool] == ["—", "✓"]
    for tool in ("Read", "Write", "Grep", "Bash"):
        assert rows[tool] == ["✓", "✓"]


def test_tool_table_shows_all_tools_grants(five_page):
    rows = rows_by_first_cell(tables(five_page)["grid tools"])
    assert rows["grant"] == ["all tools", "listed", "all tools", "listed", "all tools"]
    assert rows["MultiEdit"] == ["(all)", "✓", "(all)", "—", "(all)"]


def test_field_table_has_values_per_variant(five_page):
    rows = rows_by_first_cell(tables(five_page)["grid fields"])
    assert rows["model"] == ["opus", "not set", "not set", "not set", "sonnet"]
    assert rows["color"] == ["not set", "purple", "Green", "#6366F1", "red"]
    assert rows["category"] == ["not set", "not set", "not set", "engineering", "not set"]
    assert rows["name"][4] == "senior-backend-architect"


def test_field_table_marks_differing_cells(pair_page):
    fields_table = re.search(r'<table class="grid fields">.*?</table>', pair_page, re.S).group(0)
    color_row = re.search(r"<tr[^>]*><th[^>]*><code>color</code>.*?</tr>", fields_table, re.S).group(0)
    assert 'class="mixed"' in color_row and 'class="differs"' in color_row
    name_row = re.search(r"<tr[^>]*><th[^>]*><code>name</code>.*?</tr>", fields_table, re.S).group(0)
    assert 'class="uniform"' in name_row and "differs" not in name_row


def test_pair_shows_field_changes_and_tool_chips(pair_page):
    assert '<span class="chip del">MultiEdit</span>' in pair_page
    for tool in ("Glob", "supabase", "context7"):
        assert f'<span class="chip ins">{tool}</span>' in pair_page
    assert "#6366F1" in pair_page and "purple" in pair_page


def test_section_names_and_presence(five_page):
    rows = tables(five_page)["grid sections"]
    by_title = {re.sub(r"^H\d ", "", row[0]).rstrip(" ≠"): row[1:] for row in rows[1:]}
    assert by_title["Purpose"] == ["✓", "—", "✓", "—", "—"]
    assert by_title["Behavioral Mindset"] == ["—", "—", "—", "✓", "—"]
    assert by_title["Example Interactions"] == ["✓", "—", "—", "—", "—"]


def test_missing_sections_named_in_the_pair(pair_page):
    assert "“Triggers” only in B" in pair_page
    assert "“Boundaries” only in B" in pair_page


def test_renamed_and_moved_sections_in_the_pair():
    steps = "Do one thing, then another, then check the result twice.\n\n"
    a = AgentDocument.parse(
        f"---\nname: x\ndescription: d\n---\n## Intro\nHi.\n\n## Steps\n{steps}## Notes\nBe kind.\n\n## End\nBye.\n"
    )
    b = AgentDocument.parse(
        f"---\nname: x\ndescription: d\n---\n## Notes\nBe kind.\n\n## Intro\nHi.\n\n## Process\n{steps}## End\nBye.\n"
    )
    page = render_report([a, b], ["old", "new"])
    assert "“Steps” renamed to “Process”</li>" in page
    assert "“Notes” moved</li>" in page
    assert "“Intro” moved" not in page and "“End” moved" not in page


def test_similarity_matrix(five_page):
    rows = tables(five_page)["grid matrix"]
    assert len(rows) == 6
    for i, row in enumerate(rows[1:]):
        assert row[1 + i] == "100%"
        assert all(re.fullmatch(r"\d{1,3}%", cell) for cell in row[1:])


def test_body_diff_marks_changed_words():
    a = AgentDocument.parse("---\nname: x\ndescription: d\n---\nIntro\nThe quick brown fox\nEnd\n")
    b = AgentDocument.parse("---\nname: x\ndescription: d\n---\nIntro\nThe quick red fox\nEnd\n")
    page = render_report([a, b])
    assert "<del>brown</del>" in page and "<ins>red</ins>" in page
    assert "Variant 1" in page and "Variant 2" in page


def test_identical_variants_say_so():
    page = render_report([seed(2), AgentDocument.parse(seed(2).to_text())], ["a", "b"])
    assert "identical" in page
    assert "The bodies are identical." in page


def test_file_text_is_escaped(pair_page):
    assert "&lt;example&gt;" in pair_page
    assert "<example>" not in pair_page and "<commentary>" not in pair_page
    hostile = AgentDocument.parse(
        '---\nname: "<script>alert(1)</script>"\ndescription: a & b\n---\n<img src=x onerror=alert(1)>\n'
    )
    page = render_report([hostile, seed(0)], ['<b>"label"</b>', "plain"])
    assert "<script>" not in page and "<img" not in page and "<b>" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x" in page and "&lt;b&gt;&quot;label&quot;" in page


def test_page_is_self_contained(five_page, pair_page):
    for page in (five_page, pair_page):
        assert page.startswith("<!DOCTYPE html>")
        assert "<style>" in page
        lowered = page.lower()
        for reference in ("<link", "<script", "<img", "<iframe", "@import", "url(", " src=", "http://", "https://"):
            assert reference not in lowered, reference


def test_pairs_shown():
    assert pairs_to_show(2) == [(0, 1)]
    assert pairs_to_show(3) == [(0, 1), (0, 2), (1, 2)]
    assert pairs_to_show(5) == [(0, 1), (0, 2), (0, 3), (0, 4)]


def test_five_variant_report_has_each_against_the_first(five_page):
    assert five_page.count('<details class="pair"') == 4


def test_needs_two_variants_and_one_label_each():
    with pytest.raises(ValueError):
        render_report([seed(0)])
    with pytest.raises(ValueError):
        render_report([seed(0), seed(1)], ["only one"])
