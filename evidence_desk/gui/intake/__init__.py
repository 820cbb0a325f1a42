"""Importing files from the window: the dialog and its background controller."""
