"""One typed Settings object; every setting is documented and read from the environment.

Environment variables carry the prefix ``SOYUZPROM_`` (``SOYUZPROM_DATABASE_URL=...``).

Example:
    >>> s = Settings(data_dir=Path("/tmp/sp"))
    >>> s.effective_database_url
    'sqlite:////tmp/sp/soyuzprom.db'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime configuration of soyuzprom."""

    model_config = SettingsConfigDict(env_prefix="SOYUZPROM_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default=Path("var"),
        description="Directory of the embedded database and working files (imports, caches).",
    )
    database_url: str | None = Field(
        default=None,
        description=(
            "SQLAlchemy URL. Empty means the embedded SQLite file <data_dir>/soyuzprom.db; "
            "postgresql+psycopg://user@host/db selects the server mode."
        ),
    )
    host: str = Field(default="127.0.0.1", description="Address the web server binds to.")
    port: int = Field(default=8000, description="Port of the web server.")
    default_author: str = Field(
        default="system", description="Author recorded in the audit trail when none is given."
    )
    page_size_max: int = Field(default=500, description="Largest page a list endpoint returns.")
    sql_echo: bool = Field(default=False, description="Log every SQL statement (debugging).")

    @property
    def effective_database_url(self) -> str:
        """The database URL actually used: explicit URL or the embedded SQLite file."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'soyuzprom.db').resolve()}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings, read once from the environment."""
    return Settings()
