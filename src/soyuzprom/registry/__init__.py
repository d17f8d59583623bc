"""The registry: regions, organizations, identifiers, ownership, products, persons, classifiers."""
