"""The case-records interface: docks, editors, timeline."""
