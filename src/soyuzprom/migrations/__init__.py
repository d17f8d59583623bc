"""Alembic migrations; see :mod:`soyuzprom.migrate` for running them."""
