"""The "Done when" of issue 6, clicked through offscreen and photographed.

A server is set up and started with the README's commands (``relata-server
init``, ``team add``, ``user add``, ``serve``); two laptops (two client
databases, each with the full main window) sign in. Both edit the same
organisation offline — different fields and one field differently — and sync:
the record is merged, the second laptop gets one real conflict in its inbox.
That laptop keeps its value from the inbox; after one sync each, both laptops
show it. Screenshots of every step go to the folder given.

Run: ``QT_QPA_PLATFORM=offscreen python -m bench.sync_demo /tmp/shots_sync
[--lang de]``; prints one JSON line with what it checked.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SERVER_PASSWORD = "demo password 2026"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _server_cli(db_url: str, *args: str) -> None:
    """``relata-server --db URL ARGS`` as an administrator would type it."""
    env = {**os.environ, "RELATA_SERVER_PASSWORD": SERVER_PASSWORD}
    subprocess.run(
        [sys.executable, "-m", "server.cli", "--db", db_url, *args],
        check=True,
        env=env,
        stdout=subprocess.DEVNULL,
    )


def _serve(db_url: str, port: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "server.cli",
            "--db",
            db_url,
            "serve",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "RELATA_SERVER_LOG": "warning"},
    )
    for _ in range(400):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError("relata-server did not start")


def run(folder: Path, *, language: str = "en") -> dict[str, Any]:
    """Walk through the scenario; screenshots go to ``folder``."""
    import keyring
    from keyring.backend import KeyringBackend
    from PySide6.QtCore import QCoreApplication, QEvent

    from app.db.database import open_database
    from app.domain.addresses import (
        AddressData,
        ChannelData,
        ChannelKind,
        ListFilter,
        OrganisationData,
    )
    from app.main import make_app
    from app.services.container import build_services
    from app.tasks.runner import TaskRunner
    from app.views.address_book import ORGANISATIONS
    from app.views.i18n import install_translations
    from app.views.main_window import MainWindow

    class _Keyring(KeyringBackend):
        """Stands in for the OS keyring of the two laptops (different users)."""

        priority = 1

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    folder.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="relata-sync-demo-"))
    db_url = f"sqlite:///{work / 'relata-server.db'}"
    _server_cli(db_url, "init", "--admin", "admin")
    _server_cli(db_url, "team", "add", "Nord")
    _server_cli(db_url, "user", "add", "anna", "--name", "Anna Meier", "--team", "Nord")
    _server_cli(
        db_url, "user", "add", "beat", "--name", "Beat Keller", "--team", "Nord"
    )
    port = _free_port()
    proc = _serve(db_url, port)
    url = f"http://127.0.0.1:{port}"
    previous_keyring = keyring.get_keyring()
    keyring.set_keyring(_Keyring())
    app = make_app([])
    translators = install_translations(app, language)
    runner = TaskRunner()
    shots: list[str] = []
    checks: dict[str, Any] = {}
    laptops: dict[str, Any] = {}
    try:
        for user in ("anna", "beat"):
            database = open_database(
                work / user / "relata.db", backup_dir=work / user / "backups"
            )
            services = build_services(database)
            window = MainWindow(services, runner)
            window.resize(1280, 800)
            window.show()
            services.sync.sign_in(
                url, user, SERVER_PASSWORD, device_name=f"{user}-laptop"
            )
            laptops[user] = (database, services, window)

        def sync(user: str) -> Any:
            _db, services, window = laptops[user]
            report, changes = services.sync.sync()
            window.sig_data_changed.emit(changes, None)
            window.sync_ui.controller.refresh_status()
            return report

        def shot(user: str, name: str) -> None:
            window = laptops[user][2]
            for _ in range(4):
                app.processEvents()
            path = folder / f"{name}_{language}.png"
            window.grab().save(str(path))
            shots.append(str(path))

        anna, beat = laptops["anna"][1], laptops["beat"][1]
        org, _ = anna.addresses.create_organisation(
            OrganisationData(
                name="Muster AG",
                addresses=(
                    AddressData(
                        street="Bahnhofstrasse",
                        house_number="12",
                        postcode="8001",
                        city="Zürich",
                    ),
                ),
                channels=(ChannelData(ChannelKind.PHONE, "044 123 45 67"),),
            )
        )
        sync("anna"), sync("beat")
        # offline on both laptops
        for services, changes in (
            (anna, {"notes": "Rückruf Montag", "customer_number": "K-1001"}),
            (beat, {"notes": "Offerte bis Freitag", "legal_form": "GmbH"}),
        ):
            data = services.addresses.get_organisation(org.id).data()
            services.addresses.update_organisation(
                org.id, dataclasses.replace(data, **changes)
            )
        sync("anna")
        report = sync("beat")
        checks["conflicts_on_second_push"] = report.new_conflicts
        merged = beat.addresses.get_organisation(org.id)
        checks["merged"] = {
            "customer_number": merged.customer_number,
            "legal_form": merged.legal_form,
            "notes": merged.notes,
        }
        beat_window = laptops["beat"][2]
        beat_window.sync_ui.show_page()
        page = beat_window.sync_ui.page
        page.refresh()
        page.table.selectRow(0)
        checks["inbox"] = {
            "theirs": page.detail.theirs.text(),
            "mine": page.detail.mine.text(),
            "original": page.detail.original.text(),
        }
        shot("beat", "sync_conflict")
        page.detail.btn_mine.click()  # keep mine, from the inbox
        sync("beat"), sync("anna")
        for user in ("anna", "beat"):
            window = laptops[user][2]
            window.show_addresses(ORGANISATIONS)
            window.addresses.open_organisation(org.id)
            shot(user, f"sync_resolved_{user}")
        checks["after"] = {
            user: laptops[user][1].addresses.get_organisation(org.id).notes
            for user in ("anna", "beat")
        }
        checks["open_conflicts"] = {
            user: len(laptops[user][1].sync.conflicts()) for user in ("anna", "beat")
        }
        checks["organisations"] = {
            user: laptops[user][1].addresses.count_organisations(ListFilter())
            for user in ("anna", "beat")
        }
    finally:
        for database, _services, window in laptops.values():
            window.close()
            window.deleteLater()
            database.engine.dispose()
        runner.shutdown()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        proc.terminate()
        proc.wait(timeout=20)
        for translator in translators:
            app.removeTranslator(translator)
        keyring.set_keyring(previous_keyring)
    return {"screenshots": shots, **checks}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    print(json.dumps(run(args.folder, language=args.lang), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
