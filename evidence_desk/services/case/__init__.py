"""Case records: incidents, persons, places, testimonies, vocabularies, timeline."""
