"""Update the translations: find every user-facing string, then compile the .qm files.

    python packaging/update_translations.py

Runs ``pyside6-lupdate`` over the sources (``self.tr``, ``QCoreApplication.translate``,
``QT_TRANSLATE_NOOP`` and the Qt-free layers' ``translate(context, text)``) and over
the texts of ``resources/schema.json`` (context ``schema``), keeping the translations
already made, then ``pyside6-lrelease`` to compile each ``.ts`` into the ``.qm`` the app
loads. Both files are committed, so installing needs no build step. Translate in Qt
Linguist (``pyside6-linguist resources/translations/agent_editor_de.ts``); a
translation still marked unfinished is shipped, and is waiting for a review.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRANSLATIONS = REPO / "resources" / "translations"
TOOLS = Path(sys.executable).parent


def schema_texts() -> list[str]:
    """Every text of the schema a person reads: labels, help, explanations, tool groups, messages."""
    data = json.loads((REPO / "resources" / "schema.json").read_text(encoding="utf-8"))
    texts: list[str] = []
    for rule in data["fields"]:
        texts += [rule["label"], rule["help"], rule.get("safety", "")]
        texts += list(rule.get("choice_help", {}).values())
    for group in data["tool_groups"]:
        texts += [group["label"], group["help"]]
    texts += list(data.get("tool_help", {}).values())
    texts += [legacy["message"] for legacy in data.get("legacy_tools", {}).values()]
    texts += list(data.get("colors", {}))
    return [text for text in dict.fromkeys(texts) if text]


_TR_ALIAS = re.compile(r"^[ \t]*tr = self\.tr[ \t]*$", re.MULTILINE)
_BARE_TR = re.compile(r"(?<![\w.])tr\(")


def _as_lupdate_reads(source: Path, folder: Path) -> Path:
    """The source as lupdate can read it: ``tr = self.tr`` then ``tr("...")`` is ``self.tr("...")``
    (lupdate would otherwise file those strings under no class, where the app never looks)."""
    text = source.read_text(encoding="utf-8")
    if not _TR_ALIAS.search(text):
        return source
    copy = folder / source.relative_to(REPO)
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_text(_BARE_TR.sub("self.tr(", _TR_ALIAS.sub("", text)), encoding="utf-8")
    return copy


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        sources = sorted(str(_as_lupdate_reads(path, Path(folder))) for path in (REPO / "agent_editor").rglob("*.py"))
        schema_py = Path(folder) / "schema_texts.py"
        schema_py.write_text("".join(f"QT_TRANSLATE_NOOP('schema', {json.dumps(text, ensure_ascii=False)})\n"
                                     for text in schema_texts()), encoding="utf-8")
        for ts in sorted(TRANSLATIONS.glob("agent_editor_*.ts")):
            subprocess.run([str(TOOLS / "pyside6-lupdate"), *sources, str(schema_py), "-locations", "none",
                            "-no-obsolete", "-ts", str(ts)], check=True)
            subprocess.run([str(TOOLS / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    main()
