"""Comparing variants of an agent: fields, tool sets, words, bodies, sections, carrying a
change across, the overview of many, and the HTML report. Pure Python: imports only
``agent_editor.agentfile``, never Qt or ``agent_editor.app``."""
