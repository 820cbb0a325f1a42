"""The catalogue views: table and grid, filters, sidebar, thumbnails, edits."""
