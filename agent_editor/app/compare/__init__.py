"""The compare window and its widgets: the session that owns a comparison, the field table,
bodies side by side, section notes, the overview of many, variant headers and colours."""
