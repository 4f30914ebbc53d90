"""The frozen desk's entry point: what ``desk-app`` runs (desk_app/cli.py)."""

import sys

from desk_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
