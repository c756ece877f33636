"""Fuzzing ``validate`` and ``install`` with mutated built-in questionnaires.

Whatever a consultant does to a real questionnaire (a key renamed, a value replaced, a
character typed or deleted anywhere), the command ends with exit 0 or 1, never a
traceback, and every problem it prints names the file, the line and the column.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workerimpact.cli import main

BUILTINS = sorted((Path(__file__).resolve().parent.parent / "questionnaires").glob("*.json"))
TEXTS = [path.read_text(encoding="utf-8") for path in BUILTINS]
DATA = [json.loads(text) for text in TEXTS]

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
SNIPPETS = [
    ",", '"', "{", "}", "[", "]", ":", "\\", "//", "'", "\u201c", "\u201d", "\n", "\r", "\t",
    "\x1b[31m", "\u202e", "1e999", "NaN", "-Infinity", "True", "None", "9" * 500, "\ufeff",
]  # fmt: skip


def _paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    found = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            found += _paths(child, prefix + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += _paths(child, prefix + (index,))
    return found


PATHS = [_paths(data)[1:] for data in DATA]


@st.composite
def data_mutations(draw) -> str:
    which = draw(st.integers(0, len(DATA) - 1))
    data = copy.deepcopy(DATA[which])
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(PATHS[which]))
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            key = path[-1]
            parent[key]  # noqa: B018 - an earlier mutation may have removed the path
        except (KeyError, IndexError, TypeError):
            continue
        action = draw(st.sampled_from(["replace", "delete", "rename", "duplicate"]))
        if action == "replace":
            parent[key] = draw(values)
        elif action == "delete":
            del parent[key]
        elif action == "rename" and isinstance(parent, dict):
            parent[key + draw(st.sampled_from(["x", "_", "s", " "]))] = parent.pop(key)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
    return json.dumps(data, indent=2, ensure_ascii=False)


@st.composite
def text_mutations(draw) -> str:
    text = TEXTS[draw(st.integers(0, len(TEXTS) - 1))]
    for _ in range(draw(st.integers(1, 3))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        snippet = draw(st.sampled_from(SNIPPETS))
        if action == "insert":
            text = text[:position] + snippet + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 5)) :]
        else:
            text = text[:position] + snippet + text[position + len(snippet) :]
    return text


def run(command: str, text: str) -> tuple[int, str, Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.json"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        err = io.StringIO()
        home = os.environ.get("WORKERIMPACT_HOME")
        os.environ["WORKERIMPACT_HOME"] = str(Path(folder) / "home")
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = main([command, "--format=gnu", str(path)])
        finally:
            if home is None:
                del os.environ["WORKERIMPACT_HOME"]
            else:
                os.environ["WORKERIMPACT_HOME"] = home
        return code, err.getvalue(), path


def check_output(code: int, err: str, path: Path) -> None:
    assert code in (0, 1), err
    assert "Traceback" not in err
    located = re.compile(re.escape(str(path)) + r":\d+:\d+: (error|warning): \S")
    summary = re.compile(r"^(\d+ problems? in \d+ files?|.*: and [\d,]+ more problems?)")
    lines = err.splitlines()
    for line in lines:
        assert located.match(line) or summary.match(line), line
    assert "\x1b" not in err and "\u202e" not in err
    if code == 1:
        assert any(located.match(line) for line in lines), err


@SETTINGS
@given(data_mutations())
def test_validate_mutated_builtins(text):
    check_output(*run("validate", text))


@SETTINGS
@given(text_mutations())
def test_validate_builtins_with_typing_mistakes(text):
    check_output(*run("validate", text))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data_mutations() | text_mutations())
def test_install_mutated_builtins(text):
    code, err, path = run("install", text)
    check_output(code, err, path)
