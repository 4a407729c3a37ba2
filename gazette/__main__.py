"""``python -m gazette`` runs the CLI."""

from .cli import main

main()
