"""Qt widgets, item models and dialogs. The only package (with the entry point) that imports Qt."""
