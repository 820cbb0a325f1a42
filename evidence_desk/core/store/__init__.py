"""The object store: originals by SHA-256, written once, never altered."""
