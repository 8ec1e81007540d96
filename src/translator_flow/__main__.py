"""``python -m translator_flow`` runs the CLI."""

from .cli import main

if __name__ == "__main__":  # pragma: no cover
    main()
