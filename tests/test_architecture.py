"""Standing rules of the codebase, checked rather than hoped for.

- The core (`workerimpact`) never imports Qt: every core module imports, and the CLI runs,
  with PySide6 made unimportable.
- The committed JSON Schemas are the ones the models generate, and built-in files use them.
- `pip install .` gives a package that finds its built-in questionnaires.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest
from helpers import EXAMPLE, REPOSITORY

from workerimpact.paths import builtin_questionnaires_dir
from workerimpact.schema import SCHEMA_NAMES, json_schema

NO_QT = textwrap.dedent(
    """
    import importlib, importlib.abc, pkgutil, sys

    class RefuseQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6", "ui"):
                raise ImportError(f"{name} is not allowed in the core")
            return None

    sys.meta_path.insert(0, RefuseQt())
    import workerimpact
    for module in pkgutil.walk_packages(workerimpact.__path__, "workerimpact."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    from workerimpact.cli import main
    codes = [main(["validate", sys.argv[1]]), main(["questionnaires", "--json"]),
             main(["new", "-o", sys.argv[2]]), main(["score", sys.argv[2], "--json"])]
    assert not [name for name in sys.modules if name.startswith(("PySide6", "shiboken6"))]
    print("codes", codes)
    """
)


def test_core_imports_and_cli_run_without_qt(tmp_path, data_home):
    result = subprocess.run(
        [sys.executable, "-c", NO_QT, str(EXAMPLE), str(tmp_path / "a.json")],
        capture_output=True,
        text=True,
        env={**os.environ, "WORKERIMPACT_HOME": str(data_home)},
        cwd=REPOSITORY,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "codes [0, 0, 0, 0]" in result.stdout


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_committed_schemas_match_the_models(name):
    committed = json.loads((REPOSITORY / "schemas" / f"{name}.schema.json").read_text("utf-8"))
    assert committed == json_schema(name), (
        f"schemas/{name}.schema.json is stale: "
        f"run `workerimpact schema {name} > schemas/{name}.schema.json`"
    )


def test_builtin_questionnaires_reference_the_schema():
    files = sorted(builtin_questionnaires_dir().glob("*.json"))
    assert len(files) >= 3
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["$schema"] == "../schemas/questionnaire.schema.json", path
        assert (path.parent / data["$schema"]).resolve().is_file()


def test_documented_example_is_the_example_file():
    text = (REPOSITORY / "docs" / "questionnaire-format.md").read_text(encoding="utf-8")
    block = text.split("```json\n", 1)[1].split("```", 1)[0]
    assert json.loads(block) == json.loads(EXAMPLE.read_text(encoding="utf-8"))


def test_wheel_carries_the_builtin_questionnaires_and_finds_them(tmp_path, data_home):
    """Build the wheel, unpack it away from the source tree, and run the CLI from it."""
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(tmp_path / "dist"), str(REPOSITORY)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0, build.stderr
    wheel = next((tmp_path / "dist").glob("workerimpact-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "workerimpact/builtin_questionnaires/job-quality.json" in names
    assert "workerimpact/builtin_schemas/questionnaire.schema.json" in names
    assert any(name.startswith("workerimpact/assets/fonts/") for name in names)
    assert "ui/__init__.py" in names
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    # Run from an unrelated folder with only the unpacked wheel (plus the venv's
    # third-party packages) importable, so the repository cannot be found by accident.
    result = subprocess.run(
        [sys.executable, "-I", "-c",
         f"import sys; sys.path.insert(0, {str(unpacked)!r}); "
         "from workerimpact.cli import main; raise SystemExit(main(['questionnaires', '--json']))"],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
        env={**os.environ, "WORKERIMPACT_HOME": str(data_home)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    paths = [Path(entry["path"]) for entry in json.loads(result.stdout)]
    assert len(paths) >= 3
    assert all(path.is_relative_to(unpacked) for path in paths), paths
