"""Chat messages from messenger exports: the conversation view."""
