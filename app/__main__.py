"""``python -m app`` runs the ``relata`` command."""

from app.cli import main

raise SystemExit(main())
