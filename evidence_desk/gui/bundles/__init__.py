"""Bundle export, verification and import from the window."""
