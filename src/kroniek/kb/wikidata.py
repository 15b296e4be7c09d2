def import_wikidata(*a): pass
