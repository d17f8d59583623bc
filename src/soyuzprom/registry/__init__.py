"""Registry: regions, organizations, identifiers and classifiers."""
