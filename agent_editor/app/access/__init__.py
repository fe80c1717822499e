"""Keyboard and screen-reader access shared by both windows: the Tab order, accessible
names and the list of keyboard shortcuts."""
