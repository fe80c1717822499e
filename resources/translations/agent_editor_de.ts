<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AppearanceMenu</name>
    <message>
        <source>&amp;Appearance</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Darstellung</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;System</translation>
    </message>
    <message>
        <source>Follow the desktop&apos;s light or dark colours</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Den hellen oder dunklen Farben des Desktops folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Hell</translation>
    </message>
    <message>
        <source>Dark text on light backgrounds</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Dunkle Schrift auf hellem Grund</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Dunkel</translation>
    </message>
    <message>
        <source>Light text on dark backgrounds</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Helle Schrift auf dunklem Grund</translation>
    </message>
</context>
<context>
    <name>BodyEditor</name>
    <message>
        <source>Write the agent&apos;s instructions here, in Markdown.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Schreiben Sie hier die Anweisungen des Agenten, in Markdown.</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Anweisungen</translation>
    </message>
    <message>
        <source>The agent&apos;s instructions in Markdown: what Claude Code tells the agent when it starts. Tab moves to the next control; Ctrl+Tab types an indent.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Anweisungen des Agenten in Markdown: was Claude Code dem Agenten beim Start sagt. Tab springt zum nächsten Element; Strg+Tab rückt ein.</translation>
    </message>
</context>
<context>
    <name>BoolEditor</name>
    <message>
        <source>Yes</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nein</translation>
    </message>
</context>
<context>
    <name>ChoiceEditor</name>
    <message>
        <source>Not set</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nicht gesetzt</translation>
    </message>
    <message>
        <source>{value} (not recognised)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{value} (nicht erkannt)</translation>
    </message>
</context>
<context>
    <name>ColorEditor</name>
    <message>
        <source>None</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Keine</translation>
    </message>
    <message>
        <source>No color</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Keine Farbe</translation>
    </message>
    <message>
        <source>Color {name}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Farbe {name}</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Views</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ansichten</translation>
    </message>
    <message>
        <source>The overview of every variant, or two side by side</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Übersicht aller Varianten, oder zwei nebeneinander</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>Agent files (*.md);;Text files (*.md *.txt);;All files (*)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Agentendateien (*.md);;Textdateien (*.md *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Save the changes to “{name}”?</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Änderungen an „{name}“ speichern?</translation>
    </message>
    <message>
        <source>If you don&apos;t save, your changes will be lost.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Wenn Sie nicht speichern, gehen Ihre Änderungen verloren.</translation>
    </message>
    <message>
        <source>Save</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Speichern</translation>
    </message>
    <message>
        <source>Don&apos;t Save</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nicht speichern</translation>
    </message>
    <message>
        <source>File deleted by another program</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Datei von einem anderen Programm gelöscht</translation>
    </message>
    <message>
        <source>“{name}” was deleted or moved by another program since you opened it.

Save your version there again?</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ wurde seit dem Öffnen von einem anderen Programm gelöscht oder verschoben.

Ihre Fassung dort erneut speichern?</translation>
    </message>
    <message>
        <source>File changed by another program</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Datei von einem anderen Programm geändert</translation>
    </message>
    <message>
        <source>“{name}” was changed by another program since you opened it.

Save your version anyway? The other program&apos;s changes will be replaced.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ wurde seit dem Öffnen von einem anderen Programm geändert.

Ihre Fassung trotzdem speichern? Die Änderungen des anderen Programms werden ersetzt.</translation>
    </message>
    <message>
        <source>Save with an error</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Mit einem Fehler speichern</translation>
    </message>
    <message>
        <source>Claude Code will ignore this agent until this is fixed:
{reason}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code ignoriert diesen Agenten, bis das behoben ist:
{reason}</translation>
    </message>
    <message>
        <source>Save “{name}” anyway, to finish it later?</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ trotzdem speichern, um später weiterzumachen?</translation>
    </message>
    <message>
        <source>Save Anyway</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Trotzdem speichern</translation>
    </message>
    <message>
        <source>Open agent files</source>
        <translation type="unfinished">Agentendateien öffnen</translation>
    </message>
    <message>
        <source>Open a folder of agents</source>
        <translation type="unfinished">Einen Ordner mit Agenten öffnen</translation>
    </message>
    <message>
        <source>Save agent as</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Agent speichern unter</translation>
    </message>
    <message>
        <source>New agent</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Neuer Agent</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Beginnen mit:</translation>
    </message>
</context>
<context>
    <name>DiffPane</name>
    <message>
        <source>Body of variant {letter}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Anweisungen der Variante {letter}</translation>
    </message>
    <message>
        <source>Read only; F7 and Shift+F7 step through the changes</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nur lesen; F7 und Umschalt+F7 gehen von Änderung zu Änderung</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>Take “{key}” out of the file</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{key}“ aus der Datei entfernen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Entfernen</translation>
    </message>
    <message>
        <source>Remove {field}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{field} entfernen</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Details: {details}</translation>
    </message>
</context>
<context>
    <name>FindReplaceBar</name>
    <message>
        <source>Find</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Suchen</translation>
    </message>
    <message>
        <source>Replace</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ersetzen</translation>
    </message>
    <message>
        <source>Match case</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Groß/klein beachten</translation>
    </message>
    <message>
        <source>No results</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Keine Treffer</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Vorheriger Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nächster Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Replace this match and find the next</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Diesen Treffer ersetzen und den nächsten suchen</translation>
    </message>
    <message>
        <source>Replace All</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Alle ersetzen</translation>
    </message>
    <message>
        <source>Replace every match at once</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Alle Treffer auf einmal ersetzen</translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Schließen (Esc)</translation>
    </message>
    <message>
        <source>The text to look for in the instructions</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Text, der in den Anweisungen gesucht wird</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ersetzen durch</translation>
    </message>
    <message>
        <source>The text that replaces each match</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Text, der jeden Treffer ersetzt</translation>
    </message>
    <message>
        <source>Only find text with the same capital letters</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nur Text mit denselben Groß- und Kleinbuchstaben finden</translation>
    </message>
    <message>
        <source>Previous match</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Vorheriger Treffer</translation>
    </message>
    <message>
        <source>Go to the previous match (Shift+Enter)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zum vorherigen Treffer (Umschalt+Eingabe)</translation>
    </message>
    <message>
        <source>Next match</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nächster Treffer</translation>
    </message>
    <message>
        <source>Go to the next match (Enter)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zum nächsten Treffer (Eingabe)</translation>
    </message>
    <message>
        <source>Replace all</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Alle ersetzen</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Suchleiste schließen</translation>
    </message>
    <message>
        <source>Close the find bar (Escape)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Suchleiste schließen (Esc)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Suchen…</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Weitersuchen</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Rückwärts suchen</translation>
    </message>
    <message>
        <source>&amp;Replace…</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Ersetzen…</translation>
    </message>
    <message>
        <source>{position} of {count}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{position} von {count}</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Agent Editor User Guide</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Agent Editor – Handbuch</translation>
    </message>
    <message>
        <source>User guide</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Handbuch</translation>
    </message>
    <message>
        <source>How to write an agent Claude Code uses well</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Wie man einen Agenten schreibt, den Claude Code gut nutzt</translation>
    </message>
    <message>
        <source>Close</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Schließen</translation>
    </message>
</context>
<context>
    <name>HeaderForm</name>
    <message>
        <source>Header fields</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Kopffelder</translation>
    </message>
    <message>
        <source>The agent&apos;s settings, one field after another</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Einstellungen des Agenten, ein Feld nach dem anderen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Other settings in this file&lt;/b&gt;</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Weitere Einstellungen in dieser Datei&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Claude Code does not use these, but they are yours: they are kept as they are.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code verwendet sie nicht, aber sie gehören Ihnen: sie bleiben, wie sie sind.</translation>
    </message>
    <message>
        <source>Add a setting…</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Einstellung hinzufügen…</translation>
    </message>
    <message>
        <source>Add a setting</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Einstellung hinzufügen</translation>
    </message>
    <message>
        <source>Shows a list of the other settings Claude Code knows, to add one to this agent</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zeigt die weiteren Einstellungen, die Claude Code kennt, um eine davon hinzuzufügen</translation>
    </message>
    <message>
        <source>Show the header as text</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Kopf als Text zeigen</translation>
    </message>
    <message>
        <source>Shows the settings as they are written in the file, with the file&apos;s line numbers</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zeigt die Einstellungen so, wie sie in der Datei stehen, mit den Zeilennummern der Datei</translation>
    </message>
    <message>
        <source>Header as text</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Kopf als Text</translation>
    </message>
    <message>
        <source>The settings as written in the file; the numbers are the file&apos;s line numbers</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Einstellungen, wie sie in der Datei stehen; die Nummern sind die Zeilennummern der Datei</translation>
    </message>
    <message>
        <source>Not set: the conversation&apos;s model</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nicht gesetzt: das Modell der Unterhaltung</translation>
    </message>
    <message>
        <source>All tools</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Alle Werkzeuge</translation>
    </message>
    <message>
        <source>None</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Keine</translation>
    </message>
    <message>
        <source>names, separated by commas</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Namen, durch Kommas getrennt</translation>
    </message>
    <message>
        <source>This file has no header yet.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Diese Datei hat noch keinen Kopf.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The settings cannot be shown as fields.&lt;/b&gt; {reason} Mend them in the text below; the fields come back once Claude Code can read them.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Die Einstellungen können nicht als Felder gezeigt werden.&lt;/b&gt; {reason} Korrigieren Sie sie im Text unten; die Felder kommen zurück, sobald Claude Code sie lesen kann.</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;System Language</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Systemsprache</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Sprache</translation>
    </message>
    <message>
        <source>The language changes the next time Agent Editor starts.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Sprache wechselt beim nächsten Start von Agent Editor.</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <source>By scope</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nach Bereich</translation>
    </message>
    <message>
        <source>By name</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nach Name</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zuletzt geändert</translation>
    </message>
    <message>
        <source>Search names, descriptions, tools, instructions</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Namen, Beschreibungen, Werkzeuge, Anweisungen durchsuchen</translation>
    </message>
    <message>
        <source>Search agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Agenten durchsuchen</translation>
    </message>
    <message>
        <source>Shows only the agents whose name, description, tools or instructions hold these words</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zeigt nur die Agenten, deren Name, Beschreibung, Werkzeuge oder Anweisungen diese Wörter enthalten</translation>
    </message>
    <message>
        <source>Has problems</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Mit Problemen</translation>
    </message>
    <message>
        <source>Show only agents with errors or warnings, or that Claude Code does not use</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nur Agenten mit Fehlern oder Warnungen zeigen, oder solche, die Claude Code nicht verwendet</translation>
    </message>
    <message>
        <source>Only agents with problems</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nur Agenten mit Problemen</translation>
    </message>
    <message>
        <source>Sort agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Agenten sortieren</translation>
    </message>
    <message>
        <source>By scope, by name, or the last changed first</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nach Bereich, nach Name, oder die zuletzt geänderten zuerst</translation>
    </message>
    <message>
        <source>Agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Agenten</translation>
    </message>
    <message>
        <source>The agents Claude Code sees. Enter opens one; Ctrl or Shift with the arrows and Space selects several to compare.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Agenten, die Claude Code sieht. Eingabe öffnet einen; Strg oder Umschalt mit den Pfeiltasten und Leertaste wählt mehrere zum Vergleichen.</translation>
    </message>
    <message>
        <source>Compare Selected</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Auswahl vergleichen</translation>
    </message>
    <message>
        <source>Select two or more agents (Ctrl+click) to compare them side by side</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zwei oder mehr Agenten wählen (Strg+Klick), um sie nebeneinander zu vergleichen</translation>
    </message>
    <message>
        <source>Compare selected agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Gewählte Agenten vergleichen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Instructions (Markdown)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Anweisungen (Markdown)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Vorschau</translation>
    </message>
    <message>
        <source>Header</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Kopf</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open agent files</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Agentendateien öffnen</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Ordner öffnen…</translation>
    </message>
    <message>
        <source>Open a folder of agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Einen Ordner mit Agenten öffnen</translation>
    </message>
    <message>
        <source>&amp;Compare Variants…</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Varianten &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Compare two or more variants of an agent side by side</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zwei oder mehr Varianten eines Agenten nebeneinander vergleichen</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Reload from Disk</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Von der Festplatte &amp;neu laden</translation>
    </message>
    <message>
        <source>Read the file again, dropping unsaved changes</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Datei neu lesen; ungespeicherte Änderungen gehen verloren</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Preview</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Vorschau</translation>
    </message>
    <message>
        <source>P&amp;roblems</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Probleme</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Handbuch</translation>
    </message>
    <message>
        <source>How to write an agent Claude Code uses well</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Wie man einen Agenten schreibt, den Claude Code gut nutzt</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>Every key the editor answers to</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Jede Taste, auf die der Editor reagiert</translation>
    </message>
    <message>
        <source>&amp;Welcome</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Willkommen</translation>
    </message>
    <message>
        <source>What the examples are and where your agents belong</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Was die Beispiele sind und wohin Ihre Agenten gehören</translation>
    </message>
    <message>
        <source>&amp;About Agent Editor</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&amp;Über Agent Editor</translation>
    </message>
    <message>
        <source>Agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Agenten</translation>
    </message>
    <message>
        <source>No agent files (*.md) here yet.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Hier gibt es noch keine Agentendateien (*.md).</translation>
    </message>
    <message>
        <source>Cannot open this file</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Diese Datei lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Cannot reload</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Neu laden nicht möglich</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{name} gespeichert</translation>
    </message>
    <message>
        <source>&lt;b&gt;“{name}” was deleted or moved by another program.&lt;/b&gt; Your text is still here: click Save Again to write the file back.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;„{name}“ wurde von einem anderen Programm gelöscht oder verschoben.&lt;/b&gt; Ihr Text ist noch hier: Klicken Sie auf „Erneut speichern“, um die Datei wieder zu schreiben.</translation>
    </message>
    <message>
        <source>Save Again</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Erneut speichern</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ausblenden</translation>
    </message>
    <message>
        <source>&lt;b&gt;Another program changed “{name}”&lt;/b&gt; while you have unsaved changes here. Use the file as it is now (your changes are dropped), or keep your version (saving it replaces theirs).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Ein anderes Programm hat „{name}“ geändert&lt;/b&gt;, während Sie hier ungespeicherte Änderungen haben. Nehmen Sie die Datei, wie sie jetzt ist (Ihre Änderungen gehen verloren), oder behalten Sie Ihre Fassung (Speichern ersetzt die andere).</translation>
    </message>
    <message>
        <source>Use the File on Disk</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Datei von der Festplatte nehmen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Vergleichen</translation>
    </message>
    <message>
        <source>Keep My Version</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Meine Fassung behalten</translation>
    </message>
    <message>
        <source>&lt;b&gt;Another program changed “{name}”&lt;/b&gt;, and it cannot be read as it is now. Try again once the other program is done, or keep the version shown here.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Ein anderes Programm hat „{name}“ geändert&lt;/b&gt;, und so kann sie nicht gelesen werden. Versuchen Sie es erneut, wenn das andere Programm fertig ist, oder behalten Sie die Fassung, die hier steht.</translation>
    </message>
    <message>
        <source>Could not apply the fix</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Korrektur ließ sich nicht anwenden</translation>
    </message>
    <message>
        <source>About {app}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Über {app}</translation>
    </message>
    <message>
        <source>Edit Claude Code agent files with a form, a Markdown editor and a live preview. It reads every file the way Claude Code reads it and writes back only what you changed.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Agentendateien für Claude Code mit einem Formular, einem Markdown-Editor und einer Live-Vorschau bearbeiten. Jede Datei wird so gelesen, wie Claude Code sie liest, und nur das zurückgeschrieben, was Sie geändert haben.</translation>
    </message>
    <message>
        <source>Cannot open the folder</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Ordner lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>“{folder}” could not be made: {reason}.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{folder}“ konnte nicht angelegt werden: {reason}.</translation>
    </message>
    <message>
        <source>Project agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Projekt-Agenten</translation>
    </message>
    <message>
        <source>Example agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Beispiel-Agenten</translation>
    </message>
    <message>
        <source>Your agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ihre Agenten</translation>
    </message>
</context>
<context>
    <name>NumberEditor</name>
    <message>
        <source>Not set</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nicht gesetzt</translation>
    </message>
</context>
<context>
    <name>OverviewView</name>
    <message>
        <source>Overview</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Übersicht</translation>
    </message>
    <message>
        <source>Every variant at once: fields, tools, sections and similarity</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Alle Varianten auf einmal: Felder, Werkzeuge, Abschnitte und Ähnlichkeit</translation>
    </message>
    <message>
        <source>First variant to compare</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Erste Variante zum Vergleich</translation>
    </message>
    <message>
        <source>Second variant to compare</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zweite Variante zum Vergleich</translation>
    </message>
    <message>
        <source>Compare these two side by side</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Diese beiden nebeneinander vergleichen</translation>
    </message>
</context>
<context>
    <name>PreviewView</name>
    <message>
        <source>Preview</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Vorschau</translation>
    </message>
    <message>
        <source>The instructions as they read when formatted. Read only; Tab moves through its links.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Anweisungen, wie sie formatiert aussehen. Nur lesen; Tab geht durch die Links.</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <source>Error</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Hinweis</translation>
    </message>
    <message>
        <source>Problems summary</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zusammenfassung der Probleme</translation>
    </message>
    <message>
        <source>Apply the suggested fix for the selected problem</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die vorgeschlagene Korrektur für das gewählte Problem anwenden</translation>
    </message>
    <message>
        <source>Fix the selected problem</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Gewähltes Problem beheben</translation>
    </message>
    <message>
        <source>Changes the file as the selected problem suggests; Undo takes it back</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ändert die Datei so, wie das gewählte Problem vorschlägt; Rückgängig nimmt es zurück</translation>
    </message>
    <message>
        <source>Kind</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Art</translation>
    </message>
    <message>
        <source>Line</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zeile</translation>
    </message>
    <message>
        <source>Problem</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Problem</translation>
    </message>
    <message>
        <source>Problems</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Probleme</translation>
    </message>
    <message>
        <source>What Claude Code will do with this file, most serious first. Enter goes to the field or line; Tab then reaches the Fix button.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Was Claude Code mit dieser Datei tun wird, das Wichtigste zuerst. Eingabe springt zum Feld oder zur Zeile; Tab erreicht dann die Schaltfläche „Beheben“.</translation>
    </message>
    <message>
        <source>  — fix: {label}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">  — Korrektur: {label}</translation>
    </message>
    <message>
        <source>Details: {details}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Details: {details}</translation>
    </message>
    <message>
        <source>{warnings}, {notes}.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{warnings}, {notes}.</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">1 Warnung</translation>
    </message>
    <message>
        <source>{n} warnings</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{n} Warnungen</translation>
    </message>
    <message>
        <source>1 note</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">1 Hinweis</translation>
    </message>
    <message>
        <source>{n} notes</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{n} Hinweise</translation>
    </message>
    <message>
        <source>&lt;b&gt;Claude Code never reads this file&lt;/b&gt;: its name does not end in .md.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Claude Code liest diese Datei nie&lt;/b&gt;: ihr Name endet nicht auf .md.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Claude Code does not use this agent&lt;/b&gt;: another file with the same name takes its place.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Claude Code verwendet diesen Agenten nicht&lt;/b&gt;: eine andere Datei mit demselben Namen nimmt seinen Platz ein.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Claude Code may not use this agent&lt;/b&gt;: another file in its folder has the same name, and only one of them loads.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Claude Code verwendet diesen Agenten vielleicht nicht&lt;/b&gt;: eine andere Datei in seinem Ordner hat denselben Namen, und nur eine davon wird geladen.</translation>
    </message>
    <message>
        <source>No problems: Claude Code will load this agent as written.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Keine Probleme: Claude Code lädt diesen Agenten so, wie er geschrieben ist.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Claude Code will ignore this file&lt;/b&gt; until 1 error is fixed.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Claude Code ignoriert diese Datei&lt;/b&gt;, bis 1 Fehler behoben ist.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Claude Code will ignore this file&lt;/b&gt; until {n} errors are fixed.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Claude Code ignoriert diese Datei&lt;/b&gt;, bis {n} Fehler behoben sind.</translation>
    </message>
    <message>
        <source>Claude Code will load this agent.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code lädt diesen Agenten.</translation>
    </message>
    <message>
        <source>Fix</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Beheben</translation>
    </message>
</context>
<context>
    <name>SectionNotes</name>
    <message>
        <source>Sections</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Abschnitte</translation>
    </message>
    <message>
        <source>The sections of the two bodies and how they differ</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Abschnitte beider Anweisungen und wie sie sich unterscheiden</translation>
    </message>
    <message>
        <source>Use B&apos;s section in A</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Abschnitt von B in A übernehmen</translation>
    </message>
    <message>
        <source>Copy the chosen section of B into A</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Den gewählten Abschnitt von B nach A kopieren</translation>
    </message>
    <message>
        <source>Use A&apos;s section in B</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Abschnitt von A in B übernehmen</translation>
    </message>
    <message>
        <source>Copy the chosen section of A into B</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Den gewählten Abschnitt von A nach B kopieren</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Move to the next control (also out of the instructions)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zum nächsten Element (auch aus den Anweisungen heraus)</translation>
    </message>
    <message>
        <source>Move to the previous control</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zum vorherigen Element</translation>
    </message>
    <message>
        <source>Type an indent in the instructions</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">In den Anweisungen einrücken</translation>
    </message>
    <message>
        <source>In the problem list: go to the field or line of the problem</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">In der Problemliste: zum Feld oder zur Zeile des Problems</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Suchleiste schließen</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Tastenkürzel</translation>
    </message>
    <message>
        <source>Command</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Befehl</translation>
    </message>
    <message>
        <source>Keys</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Tasten</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Tastenkürzel</translation>
    </message>
    <message>
        <source>Every command with a key, menu by menu</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Jeder Befehl mit einer Taste, Menü für Menü</translation>
    </message>
    <message>
        <source>In the window</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Im Fenster</translation>
    </message>
    <message>
        <source>Close</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Schließen</translation>
    </message>
</context>
<context>
    <name>ToolsEditor</name>
    <message>
        <source>All tools, including MCP tools</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Alle Werkzeuge, auch MCP-Werkzeuge</translation>
    </message>
    <message>
        <source>Only the tools ticked below</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nur die unten angekreuzten Werkzeuge</translation>
    </message>
    <message>
        <source>With no tool ticked, Claude Code gives this agent every tool. Tick the tools it needs, or choose “All tools” if every tool is what you want.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ist kein Werkzeug angekreuzt, gibt Claude Code diesem Agenten jedes Werkzeug. Kreuzen Sie die Werkzeuge an, die er braucht, oder wählen Sie „Alle Werkzeuge“, wenn Sie genau das wollen.</translation>
    </message>
    <message>
        <source>Warning: with no tool ticked, Claude Code gives this agent every tool</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Warnung: Ist kein Werkzeug angekreuzt, gibt Claude Code diesem Agenten jedes Werkzeug</translation>
    </message>
    <message>
        <source>&lt;b&gt;Others in this file&lt;/b&gt;</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Weitere in dieser Datei&lt;/b&gt;</translation>
    </message>
    <message>
        <source>for example mcp__github, mcp__context7__get-library-docs</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">zum Beispiel mcp__github, mcp__context7__get-library-docs</translation>
    </message>
    <message>
        <source>Tools of services connected to Claude Code (MCP servers): write mcp__ and the server&apos;s name for all its tools (mcp__github), or add __ and a tool&apos;s name for one tool. Separate them with commas.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Werkzeuge von Diensten, die mit Claude Code verbunden sind (MCP-Server): mcp__ und der Name des Servers für alle seine Werkzeuge (mcp__github), oder dazu __ und der Name eines Werkzeugs für ein einzelnes. Durch Kommas trennen.</translation>
    </message>
    <message>
        <source>Tools of connected services (MCP)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Werkzeuge verbundener Dienste (MCP)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tools of connected services (MCP tools)&lt;/b&gt;</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Werkzeuge verbundener Dienste (MCP-Werkzeuge)&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A tool this file names that Claude Code does not have</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ein Werkzeug, das diese Datei nennt, das Claude Code aber nicht hat</translation>
    </message>
</context>
<context>
    <name>VariantHeader</name>
    <message>
        <source>Undo in this variant</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">In dieser Variante rückgängig</translation>
    </message>
    <message>
        <source>Undo the last change to this variant</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die letzte Änderung dieser Variante rückgängig machen</translation>
    </message>
    <message>
        <source>Redo in this variant</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">In dieser Variante wiederholen</translation>
    </message>
    <message>
        <source>Redo the change to this variant</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Änderung dieser Variante wiederholen</translation>
    </message>
    <message>
        <source>Save this variant</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Diese Variante speichern</translation>
    </message>
    <message>
        <source>Save this variant&apos;s file</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Datei dieser Variante speichern</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <source>&lt;h2&gt;Welcome to Agent Editor&lt;/h2&gt;</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;h2&gt;Willkommen bei Agent Editor&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>An agent is a helper Claude Code can hand work to. Each agent is one small file: a name, a description that tells Claude &lt;b&gt;when&lt;/b&gt; to call it, and instructions that tell the agent &lt;b&gt;how&lt;/b&gt; to work. This editor fills in the file for you and checks it the way Claude Code reads it.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ein Agent ist ein Helfer, an den Claude Code Arbeit abgeben kann. Jeder Agent ist eine kleine Datei: ein Name, eine Beschreibung, die Claude sagt, &lt;b&gt;wann&lt;/b&gt; es ihn rufen soll, und Anweisungen, die dem Agenten sagen, &lt;b&gt;wie&lt;/b&gt; er arbeiten soll. Dieser Editor füllt die Datei für Sie aus und prüft sie so, wie Claude Code sie liest.</translation>
    </message>
    <message>
        <source>&lt;i&gt;your project&lt;/i&gt;/.claude/agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;i&gt;Ihr Projekt&lt;/i&gt;/.claude/agents</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where Claude Code looks for agents&lt;/b&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;A project&apos;s agents&lt;/b&gt;: the &lt;tt&gt;.claude/agents&lt;/tt&gt; folder inside the project ({project}). Everyone who works on the project gets them.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Your own agents&lt;/b&gt;: &lt;tt&gt;{user}&lt;/tt&gt;. You get them in every project.&lt;/li&gt;&lt;/ul&gt;Claude Code reads these folders when it starts: after saving, start a new Claude Code session to use your changes.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Wo Claude Code Agenten sucht&lt;/b&gt;&lt;ul&gt;&lt;li&gt;&lt;b&gt;Die Agenten eines Projekts&lt;/b&gt;: der Ordner &lt;tt&gt;.claude/agents&lt;/tt&gt; im Projekt ({project}). Alle, die am Projekt arbeiten, bekommen sie.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Ihre eigenen Agenten&lt;/b&gt;: &lt;tt&gt;{user}&lt;/tt&gt;. Sie haben sie in jedem Projekt.&lt;/li&gt;&lt;/ul&gt;Claude Code liest diese Ordner beim Start: Starten Sie nach dem Speichern eine neue Sitzung von Claude Code, um Ihre Änderungen zu nutzen.</translation>
    </message>
    <message>
        <source>Open a Project&apos;s Agents…</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Agenten eines Projekts öffnen…</translation>
    </message>
    <message>
        <source>Open the .claude/agents folder of a project (it is made if the project has none yet)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Den Ordner .claude/agents eines Projekts öffnen (er wird angelegt, wenn es ihn noch nicht gibt)</translation>
    </message>
    <message>
        <source>Open Your Agents</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ihre Agenten öffnen</translation>
    </message>
    <message>
        <source>Open {user}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{user} öffnen</translation>
    </message>
    <message>
        <source>&lt;b&gt;The examples&lt;/b&gt;: five versions of one example agent (a backend architect), copied for you to try things on; they are listed on the left once this page is closed. Changing them does not change anything Claude Code uses.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">&lt;b&gt;Die Beispiele&lt;/b&gt;: fünf Fassungen eines Beispiel-Agenten (ein Backend-Architekt), für Sie zum Ausprobieren kopiert; sie stehen links in der Liste, sobald diese Seite geschlossen ist. Änderungen daran ändern nichts, was Claude Code verwendet.</translation>
    </message>
    <message>
        <source>Start from a Template…</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Mit einer Vorlage beginnen…</translation>
    </message>
    <message>
        <source>Choose a ready-made agent to start from (File › New Agent); saving asks where to put it</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Einen fertigen Agenten als Ausgangspunkt wählen (Datei › Neuer Agent); beim Speichern wird gefragt, wohin</translation>
    </message>
    <message>
        <source>Explore the Examples</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Beispiele erkunden</translation>
    </message>
    <message>
        <source>Close this page and look at the examples</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Diese Seite schließen und die Beispiele ansehen</translation>
    </message>
    <message>
        <source>Read the User Guide</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Handbuch lesen</translation>
    </message>
    <message>
        <source>How to write an agent Claude uses well (Help › User Guide)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Wie man einen Agenten schreibt, den Claude gut nutzt (Hilfe › Handbuch)</translation>
    </message>
    <message>
        <source>This page comes back with Help › Welcome.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Diese Seite kommt mit Hilfe › Willkommen zurück.</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Willkommen</translation>
    </message>
    <message>
        <source>What the examples are, where agents belong, and what to do next</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Was die Beispiele sind, wohin Agenten gehören und was als Nächstes zu tun ist</translation>
    </message>
</context>
<context>
    <name>YamlEditor</name>
    <message>
        <source>One item a line, for example:
- name: value</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ein Eintrag pro Zeile, zum Beispiel:
- name: wert</translation>
    </message>
    <message>
        <source>Not applied yet: Claude Code could not read this. Check the colons, quotes and indentation.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Noch nicht übernommen: Claude Code kann das nicht lesen. Prüfen Sie Doppelpunkte, Anführungszeichen und Einrückung.</translation>
    </message>
</context>
<context>
    <name>fileio</name>
    <message>
        <source>“{name}” does not exist (it may have been moved, renamed or deleted).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ gibt es nicht (vielleicht verschoben, umbenannt oder gelöscht).</translation>
    </message>
    <message>
        <source>You do not have permission to open “{name}”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Sie haben keine Berechtigung, „{name}“ zu öffnen.</translation>
    </message>
    <message>
        <source>“{name}” cannot be opened: {reason}.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ lässt sich nicht öffnen: {reason}.</translation>
    </message>
    <message>
        <source>“{name}” is a folder, not an agent file.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ ist ein Ordner, keine Agentendatei.</translation>
    </message>
    <message>
        <source>“{name}” is not an ordinary file (it is a pipe or a device), so it cannot be an agent file.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ ist keine gewöhnliche Datei (sondern eine Pipe oder ein Gerät), also keine Agentendatei.</translation>
    </message>
    <message>
        <source>“{name}” is {size}. Agent files are small text files (the largest known is 64 KB), so Agent Editor opens files up to {limit} only.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ ist {size} groß. Agentendateien sind kleine Textdateien (die größte bekannte hat 64 KB), daher öffnet Agent Editor nur Dateien bis {limit}.</translation>
    </message>
    <message>
        <source>“{name}” cannot be read: {reason}.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ lässt sich nicht lesen: {reason}.</translation>
    </message>
    <message>
        <source>“{name}” is larger than {limit}; it is not an agent file.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ ist größer als {limit}; das ist keine Agentendatei.</translation>
    </message>
    <message>
        <source>“{name}” is empty. An agent file starts with a header between two --- lines.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ ist leer. Eine Agentendatei beginnt mit einem Kopf zwischen zwei ---‑Zeilen.</translation>
    </message>
    <message>
        <source>“{name}” is saved in an encoding Claude Code cannot read (UTF-16). Open it in another text editor, save it again as UTF-8, then open it here.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ ist in einer Kodierung gespeichert, die Claude Code nicht lesen kann (UTF-16). Öffnen Sie sie in einem anderen Texteditor, speichern Sie sie als UTF-8 und öffnen Sie sie dann hier.</translation>
    </message>
    <message>
        <source>“{name}” is not a text file, so it cannot be an agent file.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ ist keine Textdatei, also keine Agentendatei.</translation>
    </message>
    <message>
        <source>“{name}” is saved in an encoding Claude Code cannot read (it is not UTF-8; the first letter it cannot read is on line {line}). Open it in another text editor, save it again as UTF-8, then open it here. Nothing was changed.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ ist in einer Kodierung gespeichert, die Claude Code nicht lesen kann (nicht UTF-8; das erste unlesbare Zeichen steht in Zeile {line}). Öffnen Sie sie in einem anderen Texteditor, speichern Sie sie als UTF-8 und öffnen Sie sie dann hier. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>“{name}” is read-only, so it was not changed. Save it under another name (File › Save As), or make it writable and save again.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ ist schreibgeschützt und wurde nicht geändert. Speichern Sie unter einem anderen Namen (Datei › Speichern unter) oder heben Sie den Schreibschutz auf und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>The folder for “{name}” no longer exists, so it was not saved.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Den Ordner für „{name}“ gibt es nicht mehr, daher wurde nicht gespeichert.</translation>
    </message>
    <message>
        <source>The folder of “{name}” is read-only, so it was not saved. Save it somewhere else (File › Save As).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Ordner von „{name}“ ist schreibgeschützt, daher wurde nicht gespeichert. Speichern Sie an einem anderen Ort (Datei › Speichern unter).</translation>
    </message>
    <message>
        <source>“{name}” was not saved: {reason}.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ wurde nicht gespeichert: {reason}.</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">die Festplatte ist voll</translation>
    </message>
    <message>
        <source>“{name}” was not saved ({reason}); the file on disk is unchanged.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ wurde nicht gespeichert ({reason}); die Datei auf der Festplatte ist unverändert.</translation>
    </message>
</context>
<context>
    <name>header</name>
    <message>
        <source>Line {line} holds a value that contains itself (an “*” name used inside its own “&amp;” value). Put the value in double quotes.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zeile {line} enthält einen Wert, der sich selbst enthält (ein „*“-Name in seinem eigenen „&amp;“-Wert). Setzen Sie den Wert in doppelte Anführungszeichen.</translation>
    </message>
    <message>
        <source>Claude Code cannot read the header&apos;s settings as they are written.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code kann die Einstellungen im Kopf so, wie sie geschrieben sind, nicht lesen.</translation>
    </message>
    <message>
        <source>The header must be a list of “name: value” lines (for example “name: my-agent”).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Kopf muss aus Zeilen der Form „name: wert“ bestehen (zum Beispiel „name: mein-agent“).</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zeile {line}</translation>
    </message>
    <message>
        <source>The header</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Kopf</translation>
    </message>
    <message>
        <source>{where} has “: ” inside a value that is spread over several lines. Put the whole value in double quotes, or remove the colon.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where} hat „: “ in einem Wert, der über mehrere Zeilen geht. Setzen Sie den ganzen Wert in doppelte Anführungszeichen oder entfernen Sie den Doppelpunkt.</translation>
    </message>
    <message>
        <source>{where} is not a “name: value” line. If it continues the value above, indent it with two spaces; otherwise add the missing colon.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where} ist keine Zeile der Form „name: wert“. Setzt sie den Wert darüber fort, rücken Sie sie um zwei Leerzeichen ein; sonst ergänzen Sie den fehlenden Doppelpunkt.</translation>
    </message>
    <message>
        <source>{where} is indented with a tab. Indent header lines with spaces only.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where} ist mit einem Tabulator eingerückt. Rücken Sie Kopfzeilen nur mit Leerzeichen ein.</translation>
    </message>
    <message>
        <source>{where} has a value starting with “*”. Put the value in double quotes.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where} hat einen Wert, der mit „*“ beginnt. Setzen Sie den Wert in doppelte Anführungszeichen.</translation>
    </message>
    <message>
        <source>{where} has a value starting with “!”. Put the value in double quotes.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where} hat einen Wert, der mit „!“ beginnt. Setzen Sie den Wert in doppelte Anführungszeichen.</translation>
    </message>
    <message>
        <source>{where} has a backslash (\) inside double quotes that Claude Code cannot read. Write it as two backslashes (\\), or use single quotes.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where} hat einen Rückstrich (\) in doppelten Anführungszeichen, den Claude Code nicht lesen kann. Schreiben Sie zwei Rückstriche (\\) oder verwenden Sie einfache Anführungszeichen.</translation>
    </message>
    <message>
        <source>{where}: a quote is opened but never closed. Add the closing quote.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where}: ein Anführungszeichen wird geöffnet, aber nie geschlossen. Ergänzen Sie das schließende.</translation>
    </message>
    <message>
        <source>{where}: the header ends in the middle of a value. Check the quotes and brackets.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where}: der Kopf endet mitten in einem Wert. Prüfen Sie Anführungszeichen und Klammern.</translation>
    </message>
    <message>
        <source>{where} starts a value with a sign that cannot start a value there (such as @ or `). Put the value in double quotes.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where} beginnt einen Wert mit einem Zeichen, das dort keinen Wert beginnen darf (etwa @ oder `). Setzen Sie den Wert in doppelte Anführungszeichen.</translation>
    </message>
    <message>
        <source>{where} is not lined up with the lines around it. Every field starts at the left edge; lines that belong to a value are indented with spaces.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where} steht nicht in einer Flucht mit den Zeilen daneben. Jedes Feld beginnt am linken Rand; Zeilen, die zu einem Wert gehören, sind mit Leerzeichen eingerückt.</translation>
    </message>
    <message>
        <source>{where} cannot be read. Check its quotes, colons and indentation.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{where} lässt sich nicht lesen. Prüfen Sie Anführungszeichen, Doppelpunkte und Einrückung.</translation>
    </message>
</context>
<context>
    <name>schema</name>
    <message>
        <source>Name</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Name</translation>
    </message>
    <message>
        <source>The agent&apos;s identity. Claude Code knows the agent by this name, not by the file name. Use lowercase letters and hyphens, like backend-architect.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Kennung des Agenten. Claude Code kennt den Agenten unter diesem Namen, nicht unter dem Dateinamen. Kleinbuchstaben und Bindestriche verwenden, etwa backend-architect.</translation>
    </message>
    <message>
        <source>Description</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Beschreibung</translation>
    </message>
    <message>
        <source>What Claude reads to decide when to use this agent. Say what it is for and when to call it; examples help.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Was Claude liest, um zu entscheiden, wann es diesen Agenten nutzt. Sagen Sie, wofür er da ist und wann er gerufen werden soll; Beispiele helfen.</translation>
    </message>
    <message>
        <source>Model</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Modell</translation>
    </message>
    <message>
        <source>Which Claude model runs this agent. Not set: the same model as your conversation. Each choice is explained in the list; you may also type a full model id, such as claude-opus-5.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Welches Claude-Modell diesen Agenten ausführt. Nicht gesetzt: dasselbe Modell wie Ihre Unterhaltung. Jede Wahl ist in der Liste erklärt; Sie können auch eine vollständige Modellkennung eingeben, etwa claude-opus-5.</translation>
    </message>
    <message>
        <source>The same model as your conversation (the default).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Dasselbe Modell wie Ihre Unterhaltung (Standard).</translation>
    </message>
    <message>
        <source>Claude Sonnet: a good balance of ability and speed for most work.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Sonnet: eine gute Mischung aus Können und Tempo für die meiste Arbeit.</translation>
    </message>
    <message>
        <source>Claude Opus: the most capable, for hard design and reasoning; slower and costs more.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Opus: das fähigste, für schwierige Entwürfe und Überlegungen; langsamer und teurer.</translation>
    </message>
    <message>
        <source>Claude Haiku: the fastest and least expensive, for simple, repetitive work.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Haiku: das schnellste und günstigste, für einfache, sich wiederholende Arbeit.</translation>
    </message>
    <message>
        <source>A model name Claude Code also accepts; what it runs depends on your Claude Code version and plan.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ein Modellname, den Claude Code ebenfalls annimmt; was dahinter läuft, hängt von Ihrer Version und Ihrem Tarif ab.</translation>
    </message>
    <message>
        <source>Color</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Farbe</translation>
    </message>
    <message>
        <source>The color Claude Code shows for this agent. Any other value is ignored.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Farbe, in der Claude Code diesen Agenten zeigt. Jeder andere Wert wird ignoriert.</translation>
    </message>
    <message>
        <source>Tools</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Werkzeuge</translation>
    </message>
    <message>
        <source>What this agent may do: read files, change them, run commands, search the web. &quot;All tools&quot; gives it every tool, including the tools of services you connected to Claude Code (MCP tools).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Was dieser Agent tun darf: Dateien lesen, ändern, Befehle ausführen, im Web suchen. „Alle Werkzeuge“ gibt ihm jedes Werkzeug, auch die Werkzeuge der Dienste, die Sie mit Claude Code verbunden haben (MCP-Werkzeuge).</translation>
    </message>
    <message>
        <source>Tools not allowed</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Verbotene Werkzeuge</translation>
    </message>
    <message>
        <source>Tools this agent may never use, even when it has all tools.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Werkzeuge, die dieser Agent nie verwenden darf, auch wenn er alle Werkzeuge hat.</translation>
    </message>
    <message>
        <source>Permission mode</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Berechtigungsmodus</translation>
    </message>
    <message>
        <source>Whether this agent asks you before it acts. Each choice is explained in the list.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ob dieser Agent Sie fragt, bevor er handelt. Jede Wahl ist in der Liste erklärt.</translation>
    </message>
    <message>
        <source>Asks you before actions that need permission, as Claude Code usually does.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Fragt Sie vor Aktionen, die eine Erlaubnis brauchen, wie Claude Code es sonst tut.</translation>
    </message>
    <message>
        <source>Changes files without asking; still asks before running commands.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ändert Dateien ohne zu fragen; fragt weiterhin, bevor er Befehle ausführt.</translation>
    </message>
    <message>
        <source>Claude Code checks each action and asks you only about the risky ones.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code prüft jede Aktion und fragt Sie nur bei den riskanten.</translation>
    </message>
    <message>
        <source>Never asks: whatever your settings do not already allow is refused.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Fragt nie: was Ihre Einstellungen nicht schon erlauben, wird abgelehnt.</translation>
    </message>
    <message>
        <source>Acts without asking you about anything. Use only for agents you trust completely.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Handelt, ohne Sie irgendetwas zu fragen. Nur für Agenten, denen Sie völlig vertrauen.</translation>
    </message>
    <message>
        <source>Only looks and plans: it reads and proposes, and changes nothing.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Schaut nur und plant: liest, schlägt vor und ändert nichts.</translation>
    </message>
    <message>
        <source>Asks you before every action; nothing is approved for it.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Fragt Sie vor jeder Aktion; nichts ist vorab erlaubt.</translation>
    </message>
    <message>
        <source>Most turns</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Höchstens Schritte</translation>
    </message>
    <message>
        <source>The most steps the agent may take before it stops and reports back.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Wie viele Schritte der Agent höchstens machen darf, bevor er anhält und berichtet.</translation>
    </message>
    <message>
        <source>Skills</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Fähigkeiten (Skills)</translation>
    </message>
    <message>
        <source>Skills to load into the agent, by name.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Skills, die der Agent laden soll, nach Namen.</translation>
    </message>
    <message>
        <source>Connected services (MCP servers)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Verbundene Dienste (MCP-Server)</translation>
    </message>
    <message>
        <source>Connected services (MCP servers, such as GitHub or a database) this agent can use: the name of a server from your Claude Code settings, or a name with its settings.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Verbundene Dienste (MCP-Server, etwa GitHub oder eine Datenbank), die dieser Agent nutzen kann: der Name eines Servers aus Ihren Claude-Code-Einstellungen, oder ein Name mit seinen Einstellungen.</translation>
    </message>
    <message>
        <source>Hooks</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Hooks</translation>
    </message>
    <message>
        <source>Commands that run at moments in the agent&apos;s work, written like the hooks in settings. They run programs on your computer.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Befehle, die zu bestimmten Zeitpunkten der Arbeit des Agenten laufen, geschrieben wie die Hooks in den Einstellungen. Sie führen Programme auf Ihrem Computer aus.</translation>
    </message>
    <message>
        <source>Hooks run shell commands on your computer whenever this agent works. Read them before you use an agent from someone else.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Hooks führen Befehle auf Ihrem Computer aus, wann immer dieser Agent arbeitet. Lesen Sie sie, bevor Sie einen Agenten von jemand anderem verwenden.</translation>
    </message>
    <message>
        <source>Memory</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Gedächtnis</translation>
    </message>
    <message>
        <source>Where the agent keeps what it learns, so it remembers it next time.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Wo der Agent aufbewahrt, was er lernt, damit er es beim nächsten Mal noch weiß.</translation>
    </message>
    <message>
        <source>In your home folder: remembered in every project.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">In Ihrem Benutzerordner: in jedem Projekt bekannt.</translation>
    </message>
    <message>
        <source>In the project: shared with everyone who works on it.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Im Projekt: geteilt mit allen, die daran arbeiten.</translation>
    </message>
    <message>
        <source>In the project, on this computer only: not shared.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Im Projekt, nur auf diesem Computer: nicht geteilt.</translation>
    </message>
    <message>
        <source>Run in background</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Im Hintergrund ausführen</translation>
    </message>
    <message>
        <source>Run this agent in the background while the conversation goes on.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Diesen Agenten im Hintergrund ausführen, während die Unterhaltung weitergeht.</translation>
    </message>
    <message>
        <source>Effort</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Aufwand</translation>
    </message>
    <message>
        <source>How hard the model thinks before answering.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Wie gründlich das Modell nachdenkt, bevor es antwortet.</translation>
    </message>
    <message>
        <source>Quick answers, little thinking.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Schnelle Antworten, wenig Nachdenken.</translation>
    </message>
    <message>
        <source>Some thinking before answering.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Etwas Nachdenken vor der Antwort.</translation>
    </message>
    <message>
        <source>Thinks carefully; slower.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Denkt sorgfältig nach; langsamer.</translation>
    </message>
    <message>
        <source>Thinks very carefully; slower still.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Denkt sehr sorgfältig nach; noch langsamer.</translation>
    </message>
    <message>
        <source>As much thinking as the model allows; the slowest.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">So viel Nachdenken, wie das Modell erlaubt; am langsamsten.</translation>
    </message>
    <message>
        <source>Isolation</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Isolierung</translation>
    </message>
    <message>
        <source>Worktree: the agent works in its own copy of the project&apos;s repository, so its changes stay apart until you take them.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Worktree: Der Agent arbeitet in einer eigenen Kopie des Projekt-Repositorys, sodass seine Änderungen getrennt bleiben, bis Sie sie übernehmen.</translation>
    </message>
    <message>
        <source>Works in its own copy of the repository (a git worktree).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Arbeitet in einer eigenen Kopie des Repositorys (ein Git-Worktree).</translation>
    </message>
    <message>
        <source>First prompt</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Erste Nachricht</translation>
    </message>
    <message>
        <source>A message sent to the agent when it starts, before any task.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Eine Nachricht, die der Agent beim Start erhält, vor jeder Aufgabe.</translation>
    </message>
    <message>
        <source>Read only</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nur lesen</translation>
    </message>
    <message>
        <source>Look at files without changing them.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Dateien ansehen, ohne sie zu ändern.</translation>
    </message>
    <message>
        <source>Editing</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Bearbeiten</translation>
    </message>
    <message>
        <source>Change and create files.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Dateien ändern und anlegen.</translation>
    </message>
    <message>
        <source>Running commands</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Befehle ausführen</translation>
    </message>
    <message>
        <source>Run programs on your computer.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Programme auf Ihrem Computer ausführen.</translation>
    </message>
    <message>
        <source>Web</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Web</translation>
    </message>
    <message>
        <source>Read pages and search the web.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Seiten lesen und im Web suchen.</translation>
    </message>
    <message>
        <source>Working with you</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Mit Ihnen arbeiten</translation>
    </message>
    <message>
        <source>Ask questions, plan and keep a to-do list.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Fragen stellen, planen und eine Aufgabenliste führen.</translation>
    </message>
    <message>
        <source>Other agents and skills</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Andere Agenten und Skills</translation>
    </message>
    <message>
        <source>Hand work to other agents, use skills.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Arbeit an andere Agenten geben, Skills nutzen.</translation>
    </message>
    <message>
        <source>Tasks and scheduling</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Aufgaben und Zeitpläne</translation>
    </message>
    <message>
        <source>Background tasks and timed jobs.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Hintergrundaufgaben und zeitgesteuerte Aufträge.</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Erweitert</translation>
    </message>
    <message>
        <source>Separate copies of the repository, and finding more tools.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Getrennte Kopien des Repositorys, und weitere Werkzeuge finden.</translation>
    </message>
    <message>
        <source>Reads a file.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Liest eine Datei.</translation>
    </message>
    <message>
        <source>Finds files by their names (such as every .py file).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Findet Dateien nach ihrem Namen (etwa alle .py-Dateien).</translation>
    </message>
    <message>
        <source>Searches inside files for words or patterns.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Sucht in Dateien nach Wörtern oder Mustern.</translation>
    </message>
    <message>
        <source>Asks the code&apos;s language tools about definitions, uses and errors.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Fragt die Sprachwerkzeuge des Codes nach Definitionen, Verwendungen und Fehlern.</translation>
    </message>
    <message>
        <source>Changes part of a file.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ändert einen Teil einer Datei.</translation>
    </message>
    <message>
        <source>Creates a file, or replaces all of one.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Legt eine Datei an oder ersetzt sie ganz.</translation>
    </message>
    <message>
        <source>Changes cells of a Jupyter notebook.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ändert Zellen eines Jupyter-Notebooks.</translation>
    </message>
    <message>
        <source>Runs commands on your computer, in a terminal.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Führt Befehle auf Ihrem Computer aus, in einem Terminal.</translation>
    </message>
    <message>
        <source>Watches a running command and reports what it prints.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Beobachtet einen laufenden Befehl und meldet, was er ausgibt.</translation>
    </message>
    <message>
        <source>Reads a web page.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Liest eine Webseite.</translation>
    </message>
    <message>
        <source>Searches the web.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Sucht im Web.</translation>
    </message>
    <message>
        <source>Asks you a question with answers to choose from.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Stellt Ihnen eine Frage mit Antworten zur Auswahl.</translation>
    </message>
    <message>
        <source>Keeps a to-do list of the steps of its work.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Führt eine Aufgabenliste der Schritte seiner Arbeit.</translation>
    </message>
    <message>
        <source>Switches to planning: it reads and proposes, and changes nothing.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Wechselt ins Planen: liest, schlägt vor und ändert nichts.</translation>
    </message>
    <message>
        <source>Shows you its plan and asks before it starts the work.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zeigt Ihnen seinen Plan und fragt, bevor er mit der Arbeit beginnt.</translation>
    </message>
    <message>
        <source>Hands part of the work to another agent.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Gibt einen Teil der Arbeit an einen anderen Agenten.</translation>
    </message>
    <message>
        <source>Uses one of your skills.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Nutzt einen Ihrer Skills.</translation>
    </message>
    <message>
        <source>Sends a message to another agent that is running.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Schickt einer anderen laufenden Instanz eine Nachricht.</translation>
    </message>
    <message>
        <source>Adds a task to the shared task list.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Fügt der gemeinsamen Aufgabenliste eine Aufgabe hinzu.</translation>
    </message>
    <message>
        <source>Reads one task of the task list.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Liest eine Aufgabe der Aufgabenliste.</translation>
    </message>
    <message>
        <source>Lists the tasks of the task list.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Listet die Aufgaben der Aufgabenliste.</translation>
    </message>
    <message>
        <source>Changes a task&apos;s state or details.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ändert Status oder Einzelheiten einer Aufgabe.</translation>
    </message>
    <message>
        <source>Reads what a command or agent running in the background printed.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Liest, was ein im Hintergrund laufender Befehl oder Agent ausgegeben hat.</translation>
    </message>
    <message>
        <source>Stops a command or agent running in the background.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Hält einen im Hintergrund laufenden Befehl oder Agenten an.</translation>
    </message>
    <message>
        <source>Schedules a prompt to run at set times.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Plant eine Nachricht zu festen Zeiten.</translation>
    </message>
    <message>
        <source>Removes a scheduled prompt.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Entfernt eine geplante Nachricht.</translation>
    </message>
    <message>
        <source>Lists the scheduled prompts.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Listet die geplanten Nachrichten.</translation>
    </message>
    <message>
        <source>Starts working in a separate copy of the repository (a git worktree).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Arbeitet ab jetzt in einer getrennten Kopie des Repositorys (ein Git-Worktree).</translation>
    </message>
    <message>
        <source>Leaves that separate copy again.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Verlässt diese getrennte Kopie wieder.</translation>
    </message>
    <message>
        <source>Finds and loads tools that are not loaded at the start, such as many MCP tools.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Findet und lädt Werkzeuge, die beim Start nicht geladen sind, etwa viele MCP-Werkzeuge.</translation>
    </message>
    <message>
        <source>“Task” is the old name of “Agent”; it still works, but new versions of Claude Code call it Agent.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„Task“ ist der alte Name von „Agent“; er funktioniert noch, aber neue Versionen von Claude Code nennen es Agent.</translation>
    </message>
    <message>
        <source>“MultiEdit” no longer exists in Claude Code; “Edit” does the same work.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„MultiEdit“ gibt es in Claude Code nicht mehr; „Edit“ erledigt dieselbe Arbeit.</translation>
    </message>
    <message>
        <source>“NotebookRead” no longer exists; “Read” opens notebooks too.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„NotebookRead“ gibt es nicht mehr; „Read“ öffnet auch Notebooks.</translation>
    </message>
    <message>
        <source>“LS” no longer exists; “Glob” lists files (or “Bash” can run ls).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„LS“ gibt es nicht mehr; „Glob“ listet Dateien (oder „Bash“ kann ls ausführen).</translation>
    </message>
    <message>
        <source>“BashOutput” is now “TaskOutput”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„BashOutput“ heißt jetzt „TaskOutput“.</translation>
    </message>
    <message>
        <source>“KillShell” is now “TaskStop”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„KillShell“ heißt jetzt „TaskStop“.</translation>
    </message>
    <message>
        <source>red</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">rot</translation>
    </message>
    <message>
        <source>blue</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">blau</translation>
    </message>
    <message>
        <source>green</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">grün</translation>
    </message>
    <message>
        <source>yellow</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">gelb</translation>
    </message>
    <message>
        <source>purple</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">lila</translation>
    </message>
    <message>
        <source>orange</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">orange</translation>
    </message>
    <message>
        <source>pink</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">pink</translation>
    </message>
    <message>
        <source>cyan</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">cyan</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>The instructions are empty, so the agent gets nothing to work from but its description. Write what it should do in the Instructions pane.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Anweisungen sind leer, also hat der Agent nichts als seine Beschreibung. Schreiben Sie im Bereich „Anweisungen“, was er tun soll.</translation>
    </message>
    <message>
        <source>The header starts with --- on line 1 but is never closed, so Claude Code ignores this file. Add a line with only --- after the last field.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Kopf beginnt mit --- in Zeile 1, wird aber nie geschlossen, daher ignoriert Claude Code diese Datei. Fügen Sie nach dem letzten Feld eine Zeile mit nur --- ein.</translation>
    </message>
    <message>
        <source>This file has no header, so Claude Code ignores it. An agent file starts with a line ---, then name: and description: lines, then another --- line.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Diese Datei hat keinen Kopf, daher ignoriert Claude Code sie. Eine Agentendatei beginnt mit einer Zeile ---, dann Zeilen mit name: und description:, dann wieder eine Zeile ---.</translation>
    </message>
    <message>
        <source>Until then Claude Code ignores this file.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Bis dahin ignoriert Claude Code diese Datei.</translation>
    </message>
    <message>
        <source>(The file uses Windows line endings, which stop Claude Code from rescuing such lines by itself.)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">(Die Datei hat Windows-Zeilenenden; damit kann Claude Code solche Zeilen nicht selbst retten.)</translation>
    </message>
    <message>
        <source>It cannot be mended automatically:</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das lässt sich nicht automatisch reparieren:</translation>
    </message>
    <message>
        <source>The header ends with the line “{shown}” instead of “---”. Claude Code accepts it, but other programs may not find the end of the header.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Kopf endet mit der Zeile „{shown}“ statt „---“. Claude Code akzeptiert das, andere Programme finden das Ende des Kopfs aber vielleicht nicht.</translation>
    </message>
    <message>
        <source>End the header with ---</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Den Kopf mit --- beenden</translation>
    </message>
    <message>
        <source>Line {line} holds “---”, which Claude Code takes as the end of the header: it reads {key} as “{value}” and ignores the rest of that line and the lines after it. Write a dash (—) instead.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zeile {line} enthält „---“, was Claude Code als Ende des Kopfs nimmt: es liest {key} als „{value}“ und ignoriert den Rest der Zeile und alle Zeilen danach. Schreiben Sie stattdessen einen Gedankenstrich (—).</translation>
    </message>
    <message>
        <source>Line {line} holds “---”, which Claude Code takes as the end of the header: it ignores the rest of that line and the lines after it. Write a dash (—) instead.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Zeile {line} enthält „---“, was Claude Code als Ende des Kopfs nimmt: es ignoriert den Rest der Zeile und alle Zeilen danach. Schreiben Sie stattdessen einen Gedankenstrich (—).</translation>
    </message>
    <message>
        <source>Replace --- with a dash (—)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">--- durch einen Gedankenstrich (—) ersetzen</translation>
    </message>
    <message>
        <source>Put the values that hold “: ” in quotes</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Werte mit „: “ in Anführungszeichen setzen</translation>
    </message>
    <message>
        <source>Claude Code reads the {label} as it is, but other programs that read agent files may not. Click “Put the {label} in quotes”: Claude Code reads it the same, and so does every other program.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code liest „{label}“ so, wie es ist, andere Programme für Agentendateien vielleicht nicht. Klicken Sie auf „{label} in Anführungszeichen setzen“: Claude Code liest es gleich, und jedes andere Programm auch.</translation>
    </message>
    <message>
        <source>The value holds “: ” or a sign that has a meaning of its own in the header&apos;s format, YAML (such as # [ ] { } * &amp; ! | &gt; % @), without quotes around it. Claude Code puts such a value in quotes itself; strict YAML readers stop there.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Wert enthält „: “ oder ein Zeichen, das im Format des Kopfs, YAML, eine eigene Bedeutung hat (etwa # [ ] { } * &amp; ! | &gt; % @), ohne Anführungszeichen. Claude Code setzt solche Werte selbst in Anführungszeichen; strenge YAML-Leser brechen dort ab.</translation>
    </message>
    <message>
        <source>Put the {label} in quotes</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{label} in Anführungszeichen setzen</translation>
    </message>
    <message>
        <source>The values could not be put in quotes without changing what Claude Code reads.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Werte ließen sich nicht in Anführungszeichen setzen, ohne zu ändern, was Claude Code liest.</translation>
    </message>
    <message>
        <source>Everything after “ #” in the description is read as a note and ignored: Claude Code reads only “{value}”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Alles nach „ #“ in der Beschreibung gilt als Notiz und wird ignoriert: Claude Code liest nur „{value}“.</translation>
    </message>
    <message>
        <source>Keep the whole description (in quotes)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die ganze Beschreibung behalten (in Anführungszeichen)</translation>
    </message>
    <message>
        <source>The {label} is missing, so Claude Code ignores this file. {help}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ fehlt, daher ignoriert Claude Code diese Datei. {help}</translation>
    </message>
    <message>
        <source>The {label} is empty, so Claude Code ignores this file. {help}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ ist leer, daher ignoriert Claude Code diese Datei. {help}</translation>
    </message>
    <message>
        <source>The {label} has no value, so Claude Code ignores it. Fill it in, or remove the line.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ hat keinen Wert, daher ignoriert Claude Code es. Füllen Sie es aus oder entfernen Sie die Zeile.</translation>
    </message>
    <message>
        <source>Remove the empty {label}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Leeres Feld „{label}“ entfernen</translation>
    </message>
    <message>
        <source>Use “{value}”</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{value}“ verwenden</translation>
    </message>
    <message>
        <source>Write “{value}”</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{value}“ schreiben</translation>
    </message>
    <message>
        <source>Rename to “{value}”</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">In „{value}“ umbenennen</translation>
    </message>
    <message>
        <source>a yes/no value</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">ein Ja/Nein-Wert</translation>
    </message>
    <message>
        <source>a number</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">eine Zahl</translation>
    </message>
    <message>
        <source>a list</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">eine Liste</translation>
    </message>
    <message>
        <source>a group of “name: value” lines</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">eine Gruppe von „name: wert“-Zeilen</translation>
    </message>
    <message>
        <source>something other than text</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">etwas anderes als Text</translation>
    </message>
    <message>
        <source>Put it in quotes or add letters.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Setzen Sie ihn in Anführungszeichen oder fügen Sie Buchstaben hinzu.</translation>
    </message>
    <message>
        <source>The name “{shown}” is read as {kind}, not as text, so Claude Code ignores this file. {advice}</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Name „{shown}“ wird als {kind} gelesen, nicht als Text, daher ignoriert Claude Code diese Datei. {advice}</translation>
    </message>
    <message>
        <source>Put the name in quotes</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Den Namen in Anführungszeichen setzen</translation>
    </message>
    <message>
        <source>Claude Code does not accept a name with a colon (“{name}”), so it ignores this file. Use lowercase letters and hyphens.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code nimmt keinen Namen mit Doppelpunkt an („{name}“) und ignoriert diese Datei. Verwenden Sie Kleinbuchstaben und Bindestriche.</translation>
    </message>
    <message>
        <source>Claude Code does not accept a name that starts with a hyphen (“{name}”), so it ignores this file. Use lowercase letters and hyphens.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code nimmt keinen Namen an, der mit einem Bindestrich beginnt („{name}“), und ignoriert diese Datei. Verwenden Sie Kleinbuchstaben und Bindestriche.</translation>
    </message>
    <message>
        <source>Names are meant to be lowercase letters and hyphens. Claude Code accepts “{name}”, but “{fixed}” is the usual form.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Namen bestehen üblicherweise aus Kleinbuchstaben und Bindestrichen. Claude Code nimmt „{name}“ an, üblich ist aber „{fixed}“.</translation>
    </message>
    <message>
        <source>“{name}” is also the name of an agent built into Claude Code; this file replaces it.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{name}“ ist auch der Name eines in Claude Code eingebauten Agenten; diese Datei ersetzt ihn.</translation>
    </message>
    <message>
        <source>The {label} must be text, so Claude Code ignores this file. Click “Put the {label} in quotes”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ muss Text sein, daher ignoriert Claude Code diese Datei. Klicken Sie auf „{label} in Anführungszeichen setzen“.</translation>
    </message>
    <message>
        <source>The {label} must be text, so Claude Code ignores it. Click “Put the {label} in quotes”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ muss Text sein, daher ignoriert Claude Code es. Klicken Sie auf „{label} in Anführungszeichen setzen“.</translation>
    </message>
    <message>
        <source>The description marks line breaks with \n. Claude Code starts a new line at each, but other programs show “\n” as it is. Click “Use real line breaks”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Die Beschreibung markiert Zeilenumbrüche mit \n. Claude Code beginnt an jeder Stelle eine neue Zeile, andere Programme zeigen „\n“ aber so an. Klicken Sie auf „Echte Zeilenumbrüche verwenden“.</translation>
    </message>
    <message>
        <source>Use real line breaks</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Echte Zeilenumbrüche verwenden</translation>
    </message>
    <message>
        <source>Claude Code ignores the model “{value}”: write it as “{fixed}”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code ignoriert das Modell „{value}“: schreiben Sie „{fixed}“.</translation>
    </message>
    <message>
        <source>Claude Code does not know the model “{value}” and uses the conversation&apos;s model instead. Choose one of: {choices}, or a full model id such as claude-opus-5.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code kennt das Modell „{value}“ nicht und nimmt stattdessen das Modell der Unterhaltung. Wählen Sie eines von: {choices}, oder eine vollständige Modellkennung wie claude-opus-5.</translation>
    </message>
    <message>
        <source>Remove the model (use the conversation&apos;s)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Modell entfernen (das der Unterhaltung nehmen)</translation>
    </message>
    <message>
        <source>Claude Code ignores the color “{text}”: colors must be written in lowercase, like “{fixed}”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code ignoriert die Farbe „{text}“: Farben werden kleingeschrieben, etwa „{fixed}“.</translation>
    </message>
    <message>
        <source>Use {color}, the closest color</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{color} verwenden, die ähnlichste Farbe</translation>
    </message>
    <message>
        <source>Remove the color</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Farbe entfernen</translation>
    </message>
    <message>
        <source>Claude Code ignores the color “{text}”; choose one of: {choices}.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code ignoriert die Farbe „{text}“; wählen Sie eine von: {choices}.</translation>
    </message>
    <message>
        <source>The {label} should be tool names separated by commas, or a list of names.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ sollte Werkzeugnamen enthalten, durch Kommas getrennt, oder eine Liste von Namen.</translation>
    </message>
    <message>
        <source>Tool names must be written with the right capital letters: Claude Code has no tool “{base}”, only “{right}”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Werkzeugnamen müssen mit der richtigen Groß- und Kleinschreibung stehen: Claude Code hat kein Werkzeug „{base}“, nur „{right}“.</translation>
    </message>
    <message>
        <source>Claude Code has no tool called “{name}”, so this entry does nothing (it stays in the file).</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code hat kein Werkzeug namens „{name}“, dieser Eintrag bewirkt also nichts (er bleibt in der Datei).</translation>
    </message>
    <message>
        <source>If “{name}” is a service you connected to Claude Code, click “Change “{name}” to “mcp__{server}”” to give the agent all of that service&apos;s tools.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Ist „{name}“ ein Dienst, den Sie mit Claude Code verbunden haben, klicken Sie auf „„{name}“ in „mcp__{server}“ ändern“, um dem Agenten alle Werkzeuge dieses Dienstes zu geben.</translation>
    </message>
    <message>
        <source>Services connected to Claude Code are MCP servers; their tools are named mcp__ and the server&apos;s name (all its tools), or mcp__server__tool for one tool.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Mit Claude Code verbundene Dienste sind MCP-Server; ihre Werkzeuge heißen mcp__ und der Name des Servers (alle seine Werkzeuge), oder mcp__server__werkzeug für ein einzelnes.</translation>
    </message>
    <message>
        <source>Change “{old}” to “{new}”</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">„{old}“ in „{new}“ ändern</translation>
    </message>
    <message>
        <source>This agent acts without asking permission first. Use it only for agents you trust completely.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Dieser Agent handelt, ohne vorher um Erlaubnis zu fragen. Nur für Agenten, denen Sie völlig vertrauen.</translation>
    </message>
    <message>
        <source>Claude Code does not recognise “{value}” for the {label}; write “{fixed}”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code erkennt „{value}“ für das Feld „{label}“ nicht; schreiben Sie „{fixed}“.</translation>
    </message>
    <message>
        <source>Claude Code ignores the {label} “{value}”; choose one of: {choices}.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code ignoriert „{value}“ im Feld „{label}“; wählen Sie eines von: {choices}.</translation>
    </message>
    <message>
        <source>Write {number} as a number</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">{number} als Zahl schreiben</translation>
    </message>
    <message>
        <source>The {label} must be a whole number above 0; Claude Code ignores “{value}”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ muss eine ganze Zahl über 0 sein; Claude Code ignoriert „{value}“.</translation>
    </message>
    <message>
        <source>Write true (Yes)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">true schreiben (Ja)</translation>
    </message>
    <message>
        <source>Write false (No)</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">false schreiben (Nein)</translation>
    </message>
    <message>
        <source>The {label} must be true or false (Yes or No in the form); Claude Code ignores “{value}”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ muss true oder false sein (Ja oder Nein im Formular); Claude Code ignoriert „{value}“.</translation>
    </message>
    <message>
        <source>Make it a list</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Eine Liste daraus machen</translation>
    </message>
    <message>
        <source>The {label} should be a list of names.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ sollte eine Liste von Namen sein.</translation>
    </message>
    <message>
        <source>The {label} should be a list (one “- ” line for each); Claude Code may ignore it as written.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ sollte eine Liste sein (eine „- “-Zeile je Eintrag); so geschrieben ignoriert Claude Code es vielleicht.</translation>
    </message>
    <message>
        <source>The {label} should be a group of “name: value” lines; Claude Code may ignore it as written.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Das Feld „{label}“ sollte eine Gruppe von „name: wert“-Zeilen sein; so geschrieben ignoriert Claude Code es vielleicht.</translation>
    </message>
    <message>
        <source>Claude Code ignores “{key}”. Did you mean “{guess}”?</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code ignoriert „{key}“. Meinten Sie „{guess}“?</translation>
    </message>
    <message>
        <source>Claude Code does not use “{key}”; it stays in the file for you and for other programs.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code verwendet „{key}“ nicht; es bleibt für Sie und andere Programme in der Datei.</translation>
    </message>
    <message>
        <source>Claude Code only reads files ending in .md, so it never reads this one. Rename it to “{name}.md”.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Claude Code liest nur Dateien mit der Endung .md, diese also nie. Benennen Sie sie in „{name}.md“ um.</translation>
    </message>
    <message>
        <source>The name “{name}” is also used by {others}. Claude Code loads only one agent of a name and does not say which: give each a different name.</source>
        <translatorcomment>Machine-assisted translation; please review.</translatorcomment>
        <translation type="unfinished">Der Name „{name}“ wird auch von {others} verwendet. Claude Code lädt nur einen Agenten je Namen und sagt nicht, welchen: Geben Sie jedem einen eigenen Namen.</translation>
    </message>
</context>
</TS>
