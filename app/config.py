"""Settings from five layers, highest first.

command line > environment (``RELATA_*``) > machine-wide policy (IT; locked)
> user settings file > defaults.

The policy file is JSON in the system location (``/etc/relata/policy.json``,
``%PROGRAMDATA%\\Relata\\policy.json``, ``/Library/Application Support/Relata/
policy.json``) or ``policy.json`` next to the executable. Keys it sets are
*locked*: the settings dialog shows them read-only and user settings cannot
override them.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from app.domain.errors import UserError

APP_NAME = "Relata"
ENV_PREFIX = "RELATA_"


@dataclass(frozen=True)
class Settings:
    """Effective settings.

    Attributes:
        data_dir: where the database, attachments and logs live.
        db_path: the database file (default ``data_dir/relata.db``).
        backup_dir: where backups go (default ``data_dir/backups``).
        language: ``""`` = system locale, else ``en`` or ``de``.
        server_url: central server for sync, empty = offline only.
        ca_bundle: custom CA bundle for company proxies.
        sync_interval_min: minutes between background syncs.
        backup_daily/weekly/monthly: backup retention.
        backup_interval_min: minutes a backup stays fresh; closing Relata
            within them makes none (0: a backup on every close).
        update_check: whether to look for new versions.
        import_max_mb: largest file an import accepts, in MB (IT may lower it).
        locked: keys set by the machine-wide policy.
    """

    data_dir: Path
    db_path: Path
    backup_dir: Path
    language: str = ""
    server_url: str = ""
    ca_bundle: str = ""
    sync_interval_min: int = 5
    backup_daily: int = 12
    backup_weekly: int = 10
    backup_monthly: int = 9
    backup_interval_min: int = 30
    update_check: bool = True
    import_max_mb: int = 200
    locked: frozenset[str] = field(default_factory=frozenset)


_SIMPLE = {
    "language": str,
    "server_url": str,
    "ca_bundle": str,
    "sync_interval_min": int,
    "backup_daily": int,
    "backup_weekly": int,
    "backup_monthly": int,
    "backup_interval_min": int,
    "update_check": bool,
    "import_max_mb": int,
}
_PATHS = ("data_dir", "db_path", "backup_dir")
KNOWN_KEYS = frozenset(_SIMPLE) | frozenset(_PATHS)


def policy_locations() -> list[Path]:
    """Where IT may put the machine-wide policy file, in the order looked at."""
    exe_dir = Path(sys.executable).resolve().parent
    if sys.platform == "win32":
        base = Path(os.environ.get("PROGRAMDATA", r"C:\ProgramData")) / APP_NAME
    elif sys.platform == "darwin":
        base = Path("/Library/Application Support") / APP_NAME
    else:
        base = Path("/etc/relata")
    return [base / "policy.json", exe_dir / "policy.json"]


def user_settings_path() -> Path:
    """The user's own settings file."""
    return (
        Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "settings.json"
    )


def _coerce(key: str, value: Any, source: str) -> Any:
    """``value`` as the type of setting ``key``, or :class:`UserError`.

    Files hold JSON values, the environment strings; both are checked strictly
    (``2.5`` or ``true`` is no number of minutes, ``42`` no URL) so a typo in a
    policy file is reported instead of silently becoming another value.
    """
    if key in _PATHS:
        if isinstance(value, (str, Path)) and str(value).strip():
            return Path(str(value).strip()).expanduser()
    else:
        kind = _SIMPLE[key]
        if kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower() if isinstance(value, (str, int)) else ""
            if text in {"1", "true", "yes", "on"}:
                return True
            if text in {"0", "false", "no", "off"}:
                return False
        elif kind is int:
            number: int | None = None
            if isinstance(value, int) and not isinstance(value, bool):
                number = value
            elif isinstance(value, str) and value.strip().isdecimal():
                number = int(value.strip())
            if number is not None and number >= 0:
                return number
        elif isinstance(value, str):
            return value
    raise UserError(
        "config.bad_value",
        f"{source}: setting '{key}' has an invalid value {value!r}",
        field=key,
        value=value,
    )


def read_json_layer(path: Path) -> dict[str, Any]:
    """Known keys from a JSON settings/policy file; a missing file is empty."""
    if not path.is_file():
        return {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            "config.unreadable", f"{path}: cannot read settings: {exc}", value=str(path)
        ) from exc
    if not isinstance(raw, dict):
        raise UserError("config.unreadable", f"{path}: expected a JSON object")
    # null means "not set here", as a missing key does
    return {
        k: _coerce(k, v, str(path))
        for k, v in raw.items()
        if k in KNOWN_KEYS and v is not None
    }


def env_layer(environ: Mapping[str, str]) -> dict[str, Any]:
    """Known keys from ``RELATA_<KEY>`` environment variables."""
    out: dict[str, Any] = {}
    for key in KNOWN_KEYS:
        name = ENV_PREFIX + key.upper()
        if name in environ:
            out[key] = _coerce(key, environ[name], name)
    return out


def load_settings(
    *,
    cli: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
    policy_paths: list[Path] | None = None,
    user_path: Path | None = None,
    temp_profile: bool = False,
) -> Settings:
    """Merge the five layers into effective :class:`Settings`.

    With ``temp_profile`` the user file is not read and data lives in a new
    temporary folder; only the command line can point paths elsewhere.
    """
    environ = os.environ if environ is None else environ
    policy: dict[str, Any] = {}
    for path in policy_paths if policy_paths is not None else policy_locations():
        if path.is_file():
            policy = read_json_layer(path)
            break
    user = {} if temp_profile else read_json_layer(user_path or user_settings_path())
    env = env_layer(environ)
    if temp_profile:
        # A temporary profile must never open the real database: only the
        # command line may name paths; policy and environment ones are skipped.
        policy = {k: v for k, v in policy.items() if k not in _PATHS}
        env = {k: v for k, v in env.items() if k not in _PATHS}
    merged: dict[str, Any] = {}
    for layer in (user, policy, env, dict(cli or {})):
        merged.update({k: v for k, v in layer.items() if v is not None})
    for key in policy:  # a locked key: only command line and environment beat it
        if key not in (cli or {}) and ENV_PREFIX + key.upper() not in environ:
            merged[key] = policy[key]
    if temp_profile:
        merged.setdefault("data_dir", Path(tempfile.mkdtemp(prefix="relata-")))
    data_dir = Path(
        merged.pop("data_dir", None)
        or platformdirs.user_data_dir(APP_NAME, appauthor=False)
    )
    settings = Settings(
        data_dir=data_dir,
        db_path=merged.pop("db_path", None) or data_dir / "relata.db",
        backup_dir=merged.pop("backup_dir", None) or data_dir / "backups",
        locked=frozenset(policy),
    )
    known = {f.name for f in fields(Settings)}
    return replace(settings, **{k: v for k, v in merged.items() if k in known})


def save_user_settings(values: Mapping[str, Any], path: Path | None = None) -> None:
    """Write only the given keys to the user's settings file (atomically)."""
    path = path or user_settings_path()
    current = json.loads(path.read_text("utf-8")) if path.is_file() else {}
    current.update({k: str(v) if isinstance(v, Path) else v for k, v in values.items()})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(current, indent=2, ensure_ascii=False), "utf-8")
    os.replace(tmp, path)
