"""Reading news into documents: plain text, HTML pages, RSS/Atom feeds, directories, URLs.

Readers are pure (bytes in, :class:`~soyuzprom.press.ingest.model.RawDocument` out); the only
network access goes through :mod:`soyuzprom.press.ingest.fetch`; storing and the batch loop
live in :mod:`soyuzprom.press.ingest.store` and :mod:`soyuzprom.press.pipeline`.
"""
