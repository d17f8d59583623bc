"""The cooperation graph: links, projects, agreements with commitments, indicators."""
