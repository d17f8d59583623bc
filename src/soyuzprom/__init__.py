"""soyuzprom: industrial cooperation of Russian regions and Belarus."""

__version__ = "0.1.0"
