"""The signing identity: created once, private on disk, exported and imported as PKCS#12."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from workerimpact.cli import main
from workerimpact.errors import InputError
from workerimpact.signing.identity import (
    ensure_identity,
    export_identity,
    import_identity,
    load_identity,
    new_identity,
    normalize_fingerprint,
    readable_fingerprint,
)
from workerimpact.signing.private import signing_dir


def test_identity_is_created_once_and_private(data_home: Path) -> None:
    identity, created = ensure_identity("Dana Reyes", "Northwind Logistics", "HR lead")
    assert created
    again, created_again = ensure_identity("Someone Else")
    assert not created_again and again.fingerprint == identity.fingerprint
    holder = again.holder
    assert (holder.name, holder.organization, holder.role) == (
        "Dana Reyes",
        "Northwind Logistics",
        "HR lead",
    )
    folder = signing_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_fingerprint_read_aloud() -> None:
    fingerprint = "ab" * 32
    spoken = readable_fingerprint(fingerprint)
    assert spoken == "ABAB ABAB ABAB ABAB ABAB ABAB ABAB ABAB"
    assert normalize_fingerprint(spoken) == "ab" * 16
    assert normalize_fingerprint("AB:AB") == ""
    assert normalize_fingerprint("zz" * 20) == ""


def test_pkcs12_round_trip(tmp_path: Path) -> None:
    identity = new_identity("Dana Reyes", "Northwind Logistics")
    exported = tmp_path / "dana.p12"
    export_identity(identity, exported, "correct horse")
    assert stat.S_IMODE(exported.stat().st_mode) == 0o600
    with pytest.raises(InputError, match="password is not the right one"):
        import_identity(exported, "wrong")
    imported = import_identity(exported, "correct horse")
    assert imported.fingerprint == identity.fingerprint
    assert load_identity().fingerprint == identity.fingerprint


def test_bad_names_are_refused() -> None:
    with pytest.raises(InputError, match="a name is needed"):
        new_identity("   ")
    with pytest.raises(InputError, match="control characters"):
        new_identity("Dana\x1b[31m")


def test_identity_cli(tmp_path: Path, capsys, monkeypatch) -> None:
    assert main(["identity"]) == 0
    assert "no signing identity yet" in capsys.readouterr().out
    assert main(["identity", "create", "--name", "Dana Reyes", "--organization", "NW"]) == 0
    out = capsys.readouterr().out
    assert "you sign as: Dana Reyes, NW" in out and "read aloud" in out
    assert main(["identity", "create", "--name", "Other"]) == 1
    assert "--replace" in capsys.readouterr().err
    monkeypatch.setenv("WORKERIMPACT_IDENTITY_PASSWORD", "secret")
    target = tmp_path / "me.p12"
    assert main(["identity", "export", "-o", str(target)]) == 0
    assert main(["identity", "import", str(target), "--replace"]) == 0
    assert "Dana Reyes" in capsys.readouterr().out
    assert main(["trust"]) == 0
    assert "you trust no certificates yet" in capsys.readouterr().out


def test_identity_travels_with_every_backup_and_comes_back(data_home: Path, capsys) -> None:
    import shutil

    from workerimpact.storage import Library

    identity, _ = ensure_identity("Dana Reyes", "Northwind Logistics", "HR lead")
    assert main(["identity", "restore"]) == 1  # no backup holds it yet
    assert "no backup of a signing identity" in capsys.readouterr().err
    with Library.open() as library:
        library.backup()
    copy = data_home / "backups" / "signing"
    assert stat.S_IMODE(copy.stat().st_mode) == 0o700
    names = sorted(path.name for path in copy.iterdir())
    assert names == sorted(path.name for path in signing_dir().iterdir())
    assert all(stat.S_IMODE((copy / name).stat().st_mode) == 0o600 for name in names)
    shutil.rmtree(signing_dir())  # the laptop lost its identity
    assert load_identity() is None
    assert main(["identity", "restore"]) == 0
    assert "restored your signing identity" in capsys.readouterr().out
    assert load_identity().fingerprint == identity.fingerprint
    assert main(["identity", "restore"]) == 1  # never silently replaces one
    assert "--replace" in capsys.readouterr().err
