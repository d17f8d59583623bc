"""Cross-cutting records and mechanics: sources, provenance, audit, documents, claims, imports."""
