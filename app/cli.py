"""The ``relata`` command: the GUI by default, subcommands for batch work."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import MutableMapping, Sequence
from pathlib import Path
from typing import Any

from app import __version__
from app.cli_exchange import add_parsers as add_exchange_parsers
from app.cli_exchange import run_export, run_import
from app.config import Settings, load_settings
from app.domain.errors import UserError


def build_parser() -> argparse.ArgumentParser:
    """Arguments of ``relata``."""
    parser = argparse.ArgumentParser(
        prog="relata", description="Relata — the offline-first CRM."
    )
    parser.add_argument("--version", action="version", version=f"relata {__version__}")
    parser.add_argument("--db", type=Path, help="open this database file")
    parser.add_argument("--lang", choices=["en", "de"], help="user interface language")
    parser.add_argument(
        "--temp-profile",
        action="store_true",
        help="use a throw-away data folder (database, settings, logs)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the main window, render it and exit (for CI and packaging)",
    )
    parser.add_argument(
        "--screenshots", type=Path, metavar="DIR", help="with --smoke-test: write PNGs"
    )
    sub = parser.add_subparsers(dest="command")
    add_exchange_parsers(sub)
    demo = sub.add_parser("demo", help="fill a database with realistic demo data")
    demo.add_argument("--db", dest="demo_db", type=Path, required=True)
    demo.add_argument("--organisations", type=int, default=200)
    demo.add_argument("--persons", type=int, default=1000)
    demo.add_argument("--seed", type=int, default=1)
    sync = sub.add_parser("sync", help="exchange changes with the server once")
    sync.add_argument("--db", dest="sync_db", type=Path, required=True)
    sync.add_argument(
        "--server", required=True, help="server URL, e.g. https://crm.example.ch"
    )
    sync.add_argument("--user", help="user name (default: RELATA_SYNC_USER or prompt)")
    sync.add_argument("--ca-bundle", default="", help="CA bundle for TLS proxies")
    return parser


def _settings(args: argparse.Namespace) -> Settings:
    cli: dict[str, Any] = {}
    if args.db is not None:
        cli["db_path"] = args.db
    if args.lang:
        cli["language"] = args.lang
    return load_settings(cli=cli, temp_profile=args.temp_profile)


def _sync(args: argparse.Namespace) -> int:
    """``relata sync``: sign in if needed (prompt or RELATA_SYNC_USER/PASSWORD), one cycle."""
    import getpass

    from app.db.database import open_database
    from app.services.container import build_services

    path: Path = args.sync_db
    database = open_database(path, backup_dir=path.parent / "backups")
    try:
        sync = build_services(
            database, server_url=args.server, ca_bundle=args.ca_bundle
        ).sync
        status = sync.status()
        if not status.signed_in or status.server_url != args.server.rstrip("/"):
            user = args.user or os.environ.get("RELATA_SYNC_USER") or input("User: ")
            password = os.environ.get("RELATA_SYNC_PASSWORD") or getpass.getpass()
            sync.sign_in(args.server, user, password, device_name="relata sync")
        started = time.perf_counter()
        report, _changes = sync.sync()
        status = sync.status()
    finally:
        database.close(backup=False)
    print(
        json.dumps(
            {
                "pushed": report.pushed,
                "received": report.received,
                "new_conflicts": report.new_conflicts,
                "open_conflicts": status.conflicts,
                "pending": status.pending,
                "seconds": round(time.perf_counter() - started, 2),
            }
        )
    )
    return 0


def _demo(args: argparse.Namespace) -> int:
    from app.db.database import open_database
    from app.services.container import build_services

    if args.organisations < 0 or args.persons < 0:
        print(
            "relata demo: --organisations and --persons must be 0 or more",
            file=sys.stderr,
        )
        return 2
    path: Path = args.demo_db
    database = open_database(path, backup_dir=path.parent / "backups")
    started = time.perf_counter()
    try:
        result = build_services(database).generate_demo(
            organisations=args.organisations, persons=args.persons, seed=args.seed
        )
    finally:
        database.close(backup=False)
    print(
        json.dumps(
            {
                "organisations": result.organisations,
                "persons": result.persons,
                "seconds": round(time.perf_counter() - started, 2),
                "db_mb": round(path.stat().st_size / 1e6, 1),
                "db": str(path),
            }
        )
    )
    return 0


def _headless_if_no_display(environ: MutableMapping[str, str]) -> None:
    """Let ``--smoke-test`` run on a machine without a display (CI, build hosts).

    Without a display Qt's default Linux platform aborts the process before
    Python can report anything; the offscreen platform renders the same.
    """
    if (
        sys.platform.startswith("linux")
        and "QT_QPA_PLATFORM" not in environ
        and not environ.get("DISPLAY")
        and not environ.get("WAYLAND_DISPLAY")
    ):
        environ["QT_QPA_PLATFORM"] = "offscreen"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``relata``."""
    args = build_parser().parse_args(argv)
    if args.screenshots and not args.smoke_test:
        print("relata: --screenshots needs --smoke-test", file=sys.stderr)
        return 2
    try:
        if args.command == "demo":
            return _demo(args)
        if args.command == "import":
            return run_import(args)
        if args.command == "export":
            return run_export(args)
        if args.command == "sync":
            return _sync(args)
        settings = _settings(args)
        if args.smoke_test:
            _headless_if_no_display(os.environ)
        from app.main import run_gui, setup_logging

        setup_logging(settings)
        return run_gui(
            settings,
            smoke_test=args.smoke_test,
            screenshots=args.screenshots,
            on_started=lambda seconds: print(f"startup_s={seconds:.3f}", flush=True),
        )
    except UserError as exc:
        print(f"relata: {exc}", file=sys.stderr)
        return 2
