"""The detail panel of one item: form, metadata, preview, similar items."""
