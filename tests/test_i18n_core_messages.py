"""Storage, signing, review and scoring-model messages in Spanish, read back from the CLI.

Bad input in Spanish: a damaged library, a locked one, a questionnaire breaking the
findings-floor model's rules, a missing identity file, an unknown review. Each gives its
Spanish sentence, the usual exit code and no English left.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

import pytest
from helpers import REPOSITORY

from workerimpact.cli import main
from workerimpact.consultation.signed import KINDS
from workerimpact.locales.es import MESSAGES
from workerimpact.storage.backups import _FAILED
from workerimpact.storage.opening import _NOT_OPENED


@pytest.fixture(autouse=True)
def spanish(monkeypatch):
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "es")


def _run(capsys, *arguments: str) -> tuple[int, str]:
    code = main(list(arguments))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_constants_translated_where_they_are_printed():
    for english in (_FAILED, _NOT_OPENED, *KINDS.values(), "meeting", "measure", "request"):
        assert english in MESSAGES, english


def test_a_damaged_library_is_explained_in_spanish(capsys, data_home: Path):
    data_home.mkdir(mode=0o700, exist_ok=True)
    library = data_home / "library.sqlite3"
    library.write_bytes(b"not a database at all" * 300)
    library.chmod(0o600)
    code, text = _run(capsys, "library", "list")
    assert code == 1
    assert "El archivo de la biblioteca" in text and "está dañado" in text
    assert "no es una biblioteca de WorkerImpact" in text
    assert "is damaged" not in text and "Traceback" not in text


def test_a_locked_library_is_explained_in_spanish(capsys, data_home: Path):
    assert _run(capsys, "library", "list")[0] == 0  # makes the library
    descriptor = os.open(data_home / "library.lock", os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        code, text = _run(
            capsys,
            "library",
            "import",
            str(REPOSITORY / "docs/examples/call-centre-monitoring.json"),
        )
    finally:
        os.close(descriptor)
    assert code == 1
    assert "ya está abierta en otra ventana u orden de WorkerImpact" in text
    assert "already open" not in text


def test_findings_floor_rules_of_a_questionnaire_in_spanish(capsys, tmp_path: Path):
    data = json.loads((REPOSITORY / "questionnaires/health-safety.json").read_text("utf-8"))
    rule = data["rules"][0]
    rule.pop("severity_reason", None)
    rule["minimum_level"] = "high"
    path = tmp_path / "cuestionario.json"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    code, text = _run(capsys, "validate", str(path))
    assert code == 1
    assert 'necesita un "severity_reason"' in text
    assert "la gravedad es el piso" in text
    assert "needs a" not in text and "the severity is the floor" not in text


def test_signing_and_review_errors_in_spanish(capsys, tmp_path: Path):
    fingerprint = "ab" * 32
    code, text = _run(
        capsys, "trust", "add", str(tmp_path / "nada.pem"), "--fingerprint", fingerprint
    )
    assert code == 1 and "no se puede leer el archivo" in text
    code, text = _run(capsys, "review", "show", "zzz")
    assert code == 1 and 'No hay ninguna evaluación "zzz" en la biblioteca.' in text
    (tmp_path / "roto.json").write_text("{", encoding="utf-8")
    code, text = _run(capsys, "validate", str(tmp_path / "roto.json"))
    assert code == 1 and "falta un } o ] de cierre" in text


def test_a_message_may_have_a_placeholder_called_message():
    from workerimpact.i18n import language, t

    with language("es"):
        text = t("The library {path} reported an error: {message}.", path="x", message="y")
    assert text == "La biblioteca x informó de un error: y."


def test_verify_upgrade_and_questionnaires_in_spanish(capsys, tmp_path: Path):
    damaged = tmp_path / "informe.pdf"
    damaged.write_bytes(b"%PDF-1.4 nothing more")
    code, text = _run(capsys, "verify", str(damaged))
    assert code == 1 and "el PDF está dañado y no se puede leer" in text
    assessment = tmp_path / "nueva.json"
    assert _run(capsys, "new", "-o", str(assessment), "--system", "PickRate")[0] == 0
    code, text = _run(capsys, "upgrade", str(assessment), "-o", str(tmp_path / "otra.json"))
    assert code == 1 and "ya usa los cuestionarios más nuevos" in text
    code, text = _run(capsys, "questionnaires")
    assert code == 0 and "Vigilancia de los trabajadores y sus datos  (incluido)" in text
    assert "Worker surveillance and data" not in text


def test_the_systems_reasons_are_spanish_too(capsys, tmp_path: Path):
    import errno

    from workerimpact.i18n import SYSTEM_REASONS, language, os_reason

    for reason in SYSTEM_REASONS:
        assert reason in MESSAGES, reason
    missing = FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), "x.json")
    with language("es"):
        assert os_reason(missing) == "no existe ese archivo o carpeta"
        assert os_reason(OSError("odd")) == "odd"
    assert os_reason(missing) == "No such file or directory"


def test_a_review_reads_in_spanish(capsys, tmp_path: Path):
    assessment = tmp_path / "nueva.json"
    assert _run(capsys, "new", "-o", str(assessment), "--system", "PickRate")[0] == 0
    assert _run(capsys, "library", "import", str(assessment))[0] == 0
    assessment_id = json.loads(_run(capsys, "library", "list", "--json")[1])[0]["id"]
    assert _run(capsys, "review", "start", assessment_id, "--reviewers", "Comité")[0] == 0
    code, text = _run(capsys, "review", "opinion", assessment_id, "--verdict", "with_conditions")
    assert code == 0 and "se guardó la opinión: favorable con condiciones" in text
    code, text = _run(capsys, "review", "show", assessment_id)
    assert "Revisan: Comité" in text and "Opinión: favorable con condiciones" in text
    assert "Opinion" not in text and "favourable" not in text
