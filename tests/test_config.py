"""Settings layers: command line > environment > policy (locked) > user > defaults."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import platformdirs
import pytest

from app.config import (
    KNOWN_KEYS,
    Settings,
    load_settings,
    policy_locations,
    save_user_settings,
)
from app.domain.errors import UserError


class Layers:
    """Files and environment for one test; nothing comes from the real machine."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.user = root / "user" / "settings.json"
        self.policy = root / "policy" / "policy.json"
        self.environ: dict[str, str] = {}

    def write(self, path: Path, values: dict[str, Any]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), "utf-8")

    def load(self, cli: dict[str, Any] | None = None, **kw: Any) -> Settings:
        return load_settings(
            cli=cli,
            environ=self.environ,
            policy_paths=[self.policy],
            user_path=self.user,
            **kw,
        )


@pytest.fixture
def layers(tmp_path: Path) -> Layers:
    return Layers(tmp_path)


def test_defaults(layers: Layers) -> None:
    s = layers.load()
    data_dir = Path(platformdirs.user_data_dir("Relata", appauthor=False))
    assert s.data_dir == data_dir
    assert s.db_path == data_dir / "relata.db"
    assert s.backup_dir == data_dir / "backups"
    assert (s.language, s.server_url, s.sync_interval_min, s.update_check) == (
        "",
        "",
        5,
        True,
    )
    assert (s.backup_daily, s.backup_weekly, s.backup_monthly) == (12, 10, 9)
    assert s.locked == frozenset()


@pytest.mark.parametrize(
    ("user", "policy", "env", "cli", "expected"),
    [
        ("u", None, None, None, "u"),
        ("u", "p", None, None, "p"),
        ("u", "p", "e", None, "e"),
        ("u", "p", "e", "c", "c"),
        (None, None, "e", "c", "c"),
        ("u", None, "e", None, "e"),
        ("u", None, None, "c", "c"),
        (None, "p", None, "c", "c"),
    ],
)
def test_precedence(
    layers: Layers,
    user: str | None,
    policy: str | None,
    env: str | None,
    cli: str | None,
    expected: str,
) -> None:
    if user:
        layers.write(layers.user, {"server_url": f"https://{user}.example"})
    if policy:
        layers.write(layers.policy, {"server_url": f"https://{policy}.example"})
    if env:
        layers.environ["RELATA_SERVER_URL"] = f"https://{env}.example"
    s = layers.load({"server_url": f"https://{cli}.example"} if cli else None)
    assert s.server_url == f"https://{expected}.example"
    assert ("server_url" in s.locked) == bool(policy)


def test_policy_keys_are_locked_against_the_user_file(layers: Layers) -> None:
    layers.write(
        layers.policy, {"server_url": "https://crm.corp", "update_check": False}
    )
    layers.write(
        layers.user,
        {"server_url": "https://mine", "update_check": True, "language": "en"},
    )
    s = layers.load()
    assert s.locked == {"server_url", "update_check"}
    assert (s.server_url, s.update_check, s.language) == (
        "https://crm.corp",
        False,
        "en",
    )


def test_command_line_value_none_does_not_unlock(layers: Layers) -> None:
    layers.write(layers.policy, {"server_url": "https://crm.corp"})
    layers.write(layers.user, {"server_url": "https://mine"})
    assert layers.load({"server_url": None}).server_url == "https://crm.corp"


def test_first_policy_file_found_wins(layers: Layers, tmp_path: Path) -> None:
    second = tmp_path / "exe" / "policy.json"
    layers.write(second, {"language": "de", "server_url": "https://second"})
    s = load_settings(
        environ={},
        policy_paths=[tmp_path / "missing.json", second, layers.policy],
        user_path=layers.user,
    )
    assert (s.language, s.locked) == ("de", {"language", "server_url"})
    layers.write(layers.policy, {"language": "en"})
    s = load_settings(
        environ={}, policy_paths=[layers.policy, second], user_path=layers.user
    )
    assert (s.language, s.server_url, s.locked) == ("en", "", {"language"})


def test_types_are_coerced(layers: Layers) -> None:
    layers.environ.update(
        {
            "RELATA_SYNC_INTERVAL_MIN": "15",
            "RELATA_UPDATE_CHECK": "off",
            "RELATA_BACKUP_DAILY": " 3 ",
            "RELATA_DATA_DIR": "~/relata-data",
        }
    )
    layers.write(layers.user, {"backup_weekly": 4, "update_check": "yes"})
    s = layers.load()
    assert (s.sync_interval_min, s.update_check, s.backup_daily) == (15, False, 3)
    assert s.backup_weekly == 4
    assert s.data_dir == Path.home() / "relata-data"
    assert s.db_path == Path.home() / "relata-data" / "relata.db"


def test_paths_follow_data_dir_unless_given(layers: Layers, tmp_path: Path) -> None:
    layers.write(layers.user, {"data_dir": str(tmp_path / "d"), "backup_dir": "/b"})
    s = layers.load()
    assert (s.data_dir, s.db_path, s.backup_dir) == (
        tmp_path / "d",
        tmp_path / "d" / "relata.db",
        Path("/b"),
    )
    s = layers.load({"db_path": tmp_path / "x.db"})
    assert s.db_path == tmp_path / "x.db"


def test_unknown_keys_are_ignored(layers: Layers) -> None:
    layers.write(layers.user, {"colour": "red", "language": "en"})
    layers.environ["RELATA_COLOUR"] = "blue"
    s = layers.load()
    assert s.language == "en"
    assert not hasattr(s, "colour")


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("sync_interval_min", "soon"),
        ("sync_interval_min", 2.5),
        ("sync_interval_min", True),
        ("backup_daily", -1),
        ("update_check", "maybe"),
        ("update_check", 2),
        ("server_url", 42),
        ("language", ["de"]),
        ("data_dir", 7),
    ],
)
def test_bad_value_in_a_file_names_file_and_key(
    layers: Layers, key: str, value: object
) -> None:
    layers.write(layers.user, {key: value})
    with pytest.raises(UserError) as info:
        layers.load()
    assert info.value.code == "config.bad_value"
    assert info.value.field == key
    assert str(layers.user) in str(info.value)
    assert f"'{key}'" in str(info.value)


def test_bad_value_in_policy_names_the_policy_file(layers: Layers) -> None:
    layers.write(layers.policy, {"backup_monthly": "many"})
    with pytest.raises(UserError) as info:
        layers.load()
    assert str(layers.policy) in str(info.value)
    assert info.value.field == "backup_monthly"


def test_bad_value_in_the_environment_names_the_variable(layers: Layers) -> None:
    layers.environ["RELATA_SYNC_INTERVAL_MIN"] = "often"
    with pytest.raises(UserError) as info:
        layers.load()
    assert info.value.code == "config.bad_value"
    assert "RELATA_SYNC_INTERVAL_MIN" in str(info.value)


def test_null_in_a_file_means_not_set(layers: Layers) -> None:
    layers.write(layers.policy, {"server_url": "https://crm.corp"})
    layers.write(layers.user, {"server_url": None, "language": None})
    s = layers.load()
    assert (s.server_url, s.language) == ("https://crm.corp", "")


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '"text"'])
def test_unreadable_file(layers: Layers, content: str) -> None:
    layers.user.parent.mkdir(parents=True)
    layers.user.write_text(content, "utf-8")
    with pytest.raises(UserError) as info:
        layers.load()
    assert info.value.code == "config.unreadable"
    assert str(layers.user) in str(info.value)


def test_temp_profile_uses_a_fresh_temp_dir(layers: Layers) -> None:
    layers.write(layers.user, {"language": "en", "data_dir": "/srv/real"})
    s = layers.load(temp_profile=True)
    try:
        assert s.data_dir.is_dir()
        assert list(s.data_dir.iterdir()) == []
        assert s.data_dir.parent == Path(tempfile.gettempdir())
        assert s.data_dir.name.startswith("relata-")
        assert s.db_path == s.data_dir / "relata.db"
        assert s.backup_dir == s.data_dir / "backups"
        assert s.language == ""  # the user file is not read
        other = layers.load(temp_profile=True)
        shutil.rmtree(other.data_dir)
        assert other.data_dir != s.data_dir
    finally:
        shutil.rmtree(s.data_dir)


def test_temp_profile_never_uses_the_real_database(layers: Layers) -> None:
    """Policy and environment paths point at real data; a temp profile ignores them."""
    layers.write(
        layers.policy,
        {"db_path": "/srv/real/relata.db", "server_url": "https://crm.corp"},
    )
    layers.environ["RELATA_BACKUP_DIR"] = "/srv/real/backups"
    s = layers.load(temp_profile=True)
    try:
        assert s.db_path == s.data_dir / "relata.db"
        assert s.backup_dir == s.data_dir / "backups"
        assert s.server_url == "https://crm.corp"  # other policy keys still apply
        assert s.locked == {"server_url"}
    finally:
        shutil.rmtree(s.data_dir)
    explicit = layers.load({"db_path": Path("/tmp/x.db")}, temp_profile=True)
    shutil.rmtree(explicit.data_dir)
    assert explicit.db_path == Path("/tmp/x.db")


def test_save_user_settings_writes_only_the_given_keys(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "settings.json"
    save_user_settings({"language": "de"}, path)
    assert json.loads(path.read_text("utf-8")) == {"language": "de"}
    save_user_settings(
        {"server_url": "https://crm.example", "data_dir": tmp_path / "d"}, path
    )
    assert json.loads(path.read_text("utf-8")) == {
        "language": "de",
        "server_url": "https://crm.example",
        "data_dir": str(tmp_path / "d"),
    }
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]
    s = load_settings(environ={}, policy_paths=[], user_path=path)
    assert (s.language, s.server_url, s.data_dir) == (
        "de",
        "https://crm.example",
        tmp_path / "d",
    )


def test_save_keeps_umlauts_readable(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_user_settings({"ca_bundle": "/home/jörg/ca.pem"}, path)
    assert "jörg" in path.read_text("utf-8")


def test_policy_locations() -> None:
    locations = policy_locations()
    assert [p.name for p in locations] == ["policy.json", "policy.json"]
    assert locations[1].parent == Path(sys.executable).resolve().parent
    if sys.platform.startswith("linux"):
        assert locations[0] == Path("/etc/relata/policy.json")


def test_every_settings_field_is_a_known_key() -> None:
    fields = set(Settings.__dataclass_fields__) - {"locked"}
    assert fields == KNOWN_KEYS
