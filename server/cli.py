"""``relata-server``: set up, administer and run the central server.

The database URL comes from ``--db`` or ``RELATA_SERVER_DB``
(``sqlite:///crm.db`` or ``postgresql+psycopg://user@host/db``). Passwords are
prompted, or read from ``RELATA_SERVER_PASSWORD`` for scripts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import getpass
import json
import os
import sys
from collections.abc import Sequence

from app.domain.errors import UserError
from server import auth
from server.purge import purge
from server.scope import Role

DEFAULT_DB = "sqlite:///relata-server.db"


def build_parser() -> argparse.ArgumentParser:
    """Arguments of ``relata-server``."""
    parser = argparse.ArgumentParser(
        prog="relata-server", description="Relata central sync server."
    )
    parser.add_argument(
        "--db",
        default=os.environ.get("RELATA_SERVER_DB", DEFAULT_DB),
        help="database URL (default: %(default)s)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", help="create or upgrade the schema; first admin")
    init.add_argument("--admin", help="user name of the first administrator")
    sub.add_parser("migrate", help="upgrade the schema")
    user = sub.add_parser("user", help="manage users").add_subparsers(
        dest="action", required=True
    )
    add = user.add_parser("add", help="add a user (password prompted)")
    add.add_argument("username")
    add.add_argument("--role", choices=[r.value for r in Role], default="rep")
    add.add_argument("--name", default="", help="display name")
    add.add_argument("--email", default="")
    add.add_argument("--team", action="append", default=[], help="team (repeatable)")
    for name, text in (
        ("disable", "disable a user and sign out all devices"),
        ("enable", "enable a disabled user"),
        ("reset-password", "set a new password (prompted), sign out everywhere"),
    ):
        user.add_parser(name, help=text).add_argument("username")
    access = user.add_parser("set-access", help="change role and/or teams")
    access.add_argument("username")
    access.add_argument("--role", choices=[r.value for r in Role])
    access.add_argument("--team", action="append", help="team (repeatable)")
    user.add_parser("list", help="list users")
    team = sub.add_parser("team", help="manage teams and territories").add_subparsers(
        dest="action", required=True
    )
    team.add_parser("add", help="add a team").add_argument("name")
    purge = sub.add_parser(
        "purge", help="delete tombstones older than --days (run nightly)"
    )
    purge.add_argument("--days", type=int, default=180)
    serve = sub.add_parser("serve", help="run the server (uvicorn)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--tls-cert", help="certificate (PEM) to serve HTTPS")
    serve.add_argument("--tls-key", help="private key (PEM) of --tls-cert")
    serve.add_argument(
        "--automation-interval",
        type=float,
        default=300.0,
        help="seconds between runs of scheduled workflows (0 = off)",
    )
    return parser


def _password(prompt: str) -> str:
    env = os.environ.get("RELATA_SERVER_PASSWORD")
    if env:
        return env
    first = getpass.getpass(prompt)
    if getpass.getpass("Repeat: ") != first:
        raise UserError("password.mismatch", "The passwords differ.")
    return first


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``relata-server``."""
    args = build_parser().parse_args(argv)
    from server.db import make_server_engine, needs_upgrade, upgrade

    engine = make_server_engine(args.db)
    try:
        if args.command in ("init", "migrate"):
            upgrade(engine)
            if args.command == "init" and args.admin:
                auth.add_user(
                    engine,
                    username=args.admin,
                    password=_password(f"Password for {args.admin}: "),
                    role=Role.ADMIN,
                )
                print(f"relata-server: administrator {args.admin!r} created")
            print(f"relata-server: schema up to date ({engine.url.render_as_string()})")
            return 0
        if needs_upgrade(engine):
            print("relata-server: run `relata-server init` first", file=sys.stderr)
            return 2
        if args.command == "user":
            return _user(engine, args)
        if args.command == "team":
            auth.add_team(engine, args.name)
            print(f"relata-server: team {args.name!r} added")
            return 0
        if args.command == "purge":
            done = purge(engine, horizon=dt.timedelta(days=max(args.days, 1)))
            print(
                f"relata-server: purged {done.rows} tombstones, {done.ops} op ids, "
                f"{done.batches} batches (purge rev {done.purge_rev})"
            )
            return 0
        return _serve(engine, args)
    except UserError as exc:
        print(f"relata-server: {exc.message}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()


def _user(engine: object, args: argparse.Namespace) -> int:
    from sqlalchemy import Engine

    assert isinstance(engine, Engine)
    if args.action == "add":
        auth.add_user(
            engine,
            username=args.username,
            password=_password(f"Password for {args.username}: "),
            role=Role(args.role),
            display_name=args.name,
            email=args.email,
            teams=args.team,
        )
        print(f"relata-server: user {args.username!r} added")
    elif args.action in ("disable", "enable"):
        auth.set_disabled(engine, args.username, disabled=args.action == "disable")
        print(f"relata-server: user {args.username!r} {args.action}d")
    elif args.action == "reset-password":
        auth.reset_password(
            engine, args.username, _password(f"New password for {args.username}: ")
        )
        print(f"relata-server: password of {args.username!r} reset")
    elif args.action == "set-access":
        auth.set_user_access(
            engine,
            args.username,
            role=Role(args.role) if args.role else None,
            teams=args.team,
        )
        print(f"relata-server: access of {args.username!r} changed")
    else:
        print(json.dumps(auth.list_users(engine), indent=2))
    return 0


def _serve(engine: object, args: argparse.Namespace) -> int:
    import uvicorn
    from sqlalchemy import Engine

    from server.app import create_app

    assert isinstance(engine, Engine)
    if bool(args.tls_cert) != bool(args.tls_key):
        print("relata-server: give both --tls-cert and --tls-key", file=sys.stderr)
        return 2
    app = create_app(engine, automation_interval=args.automation_interval)
    # Everything loaded so far lives as long as the server: the garbage
    # collector need not walk it again. Without this each full collection
    # (every few pushes) took 130-260 ms, often inside a push's turn.
    gc.freeze()
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        ssl_certfile=args.tls_cert,
        ssl_keyfile=args.tls_key,
        log_level=os.environ.get("RELATA_SERVER_LOG", "info"),
        access_log=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
