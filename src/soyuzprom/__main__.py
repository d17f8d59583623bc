"""``python -m soyuzprom`` runs the CLI."""

from soyuzprom.cli import main

main()
