"""Evidence bundles: export, verification, import, report, case records."""
