"""Running the Alembic migrations from code (``soyuzprom init``, tests).

Each area adds its tables as an Alembic branch off the foundation revision ``0001``, so
"up to date" means ``upgrade heads``.

Example:
    >>> upgrade(make_engine("sqlite:////tmp/x.db"))
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config() -> Config:
    """An Alembic config pointing at the packaged migrations."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision of every area (idempotent).

    Also creates the indexes a bulk import set aside and could not rebuild (the process
    was killed): see ``importers._indexes``.
    """
    from soyuzprom.importers import _indexes

    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "heads")
        _indexes.restore(connection)
