"""The safety net in the app: drafts of unsaved work, recovery after a crash, saved versions.

``install`` starts it for the app's document registry with a data folder (the app's
``QStandardPaths.AppDataLocation`` unless told otherwise): ``drafts.DraftKeeper`` keeps
the unsaved text of every modified document, ``history.HistoryKeeper`` keeps the previous
content of a file on each save. ``recovery`` offers the drafts a crashed run left behind;
``versions`` compares an earlier version (or git's, or the file on disk) with the open text.
"""
