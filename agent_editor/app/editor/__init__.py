"""The editor window and its widgets: header form, body editor, highlighter, find bar,
preview, problems and the agent list. Widgets show an OpenDocument and send edits into it."""
