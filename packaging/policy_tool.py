"""``relata-policy``: write the machine-wide policy file from installer properties.

Why a separate small program: Windows Installer cannot write a JSON file with
property values in it, and writing JSON from NSIS or a shell script means hand
escaping quotes and backslashes. So every installer (MSI custom action, NSIS
``ExecWait``, Linux ``install.sh --server-url``) runs this tool, which

* accepts ``key=value`` pairs for the keys in :data:`app.config.KNOWN_KEYS`
  only, typed from :class:`app.config.Settings` (``sync_interval_min=5`` is
  written as a number, ``update_check=false`` as a boolean);
* skips empty values, so an installer can always pass ``server_url=[SERVERURL]``
  and an unset property leaves the file alone;
* merges into an existing file, keeping keys IT set by other means;
* checks the result with :func:`app.config.read_json_layer` - the same reader
  the app uses - before atomically replacing the file, so a bad value fails the
  install (exit 2 with a message) instead of every later app start.

Usage::

    relata-policy [--file PATH] [--set KEY=VALUE ...] [--show]

Without ``--file`` the system location of this platform is used
(``/etc/relata/policy.json``, ``%PROGRAMDATA%\\Relata\\policy.json``,
``/Library/Application Support/Relata/policy.json``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.config import KNOWN_KEYS, Settings, policy_locations, read_json_layer
from app.domain.errors import UserError

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def _key_types() -> dict[str, Any]:
    hints = typing.get_type_hints(Settings)
    return {key: hints[key] for key in KNOWN_KEYS}


def parse_assignment(text: str) -> tuple[str, Any] | None:
    """``key=value`` to a typed pair; ``None`` when the value is empty.

    Raises:
        UserError: unknown key, missing ``=`` or a value of the wrong type.
    """
    key, sep, raw = text.partition("=")
    key = key.strip().lower()
    if not sep:
        raise UserError("policy.syntax", f"expected KEY=VALUE, got {text!r}")
    if key not in KNOWN_KEYS:
        known = ", ".join(sorted(KNOWN_KEYS))
        raise UserError(
            "policy.unknown_key", f"unknown key (known: {known})", field=key
        )
    raw = raw.strip()
    if not raw:
        return None
    kind = _key_types()[key]
    if kind is bool:
        if raw.lower() in _TRUE | _FALSE:
            return key, raw.lower() in _TRUE
    elif kind is int:
        try:
            return key, int(raw)
        except ValueError:
            pass
    else:
        return key, raw
    raise UserError("policy.bad_value", f"invalid value {raw!r}", field=key, value=raw)


def merge_policy(path: Path, assignments: Sequence[str]) -> dict[str, Any]:
    """Merge ``assignments`` into the JSON object at ``path`` (which may be missing)."""
    current: dict[str, Any] = {}
    if path.is_file():
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(loaded, dict):
            raise UserError("policy.unreadable", f"{path}: expected a JSON object")
        current = loaded
    for text in assignments:
        pair = parse_assignment(text)
        if pair is not None:
            current[pair[0]] = pair[1]
    return current


def write_policy(path: Path, values: dict[str, Any]) -> None:
    """Validate ``values`` with the app's own reader, then replace ``path`` atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".policy-", suffix=".json", dir=path.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(values, fh, indent=2, ensure_ascii=False, sort_keys=True)
            fh.write("\n")
        read_json_layer(tmp)  # raises UserError exactly as the app would
        tmp.chmod(0o644)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line of ``relata-policy``; exit 2 on any invalid input."""
    parser = argparse.ArgumentParser(
        prog="relata-policy",
        description="Write Relata's machine-wide policy file (keys set there are "
        "locked for users).",
    )
    parser.add_argument(
        "--file",
        type=Path,
        default=policy_locations()[0],
        help="policy file (default: %(default)s)",
    )
    parser.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="set a key; an empty value is ignored (repeatable)",
    )
    parser.add_argument("--show", action="store_true", help="print the result")
    args = parser.parse_args(argv)
    try:
        before = merge_policy(args.file, [])
        values = merge_policy(args.file, args.assignments)
        if values != before:
            write_policy(args.file, values)
    except (UserError, OSError, ValueError) as exc:
        print(f"relata-policy: {exc}", file=sys.stderr)
        return 2
    if args.show:
        print(json.dumps(values, indent=2, ensure_ascii=False, sort_keys=True))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
