"""Items in the catalogue: listing, editing, similarity, removal, verification."""
