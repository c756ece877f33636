"""Strict reading of JSON files: every refusal is a located, plain message."""

from __future__ import annotations

import pytest

from workerimpact.errors import InputError
from workerimpact.jsonfile import (
    SourceMap,
    canonical_json,
    format_path,
    nesting_depth,
    read_json_file,
)


def read(path, max_bytes=1_000_000):
    return read_json_file(path, max_bytes=max_bytes, kind="questionnaire")


def only_problem(excinfo) -> str:
    problems = excinfo.value.problems
    assert len(problems) == 1
    return str(problems[0])


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"\xff\xfe{\x00}\x00", "UTF-16"),
        (b"{\x00\x01\x02}", "binary"),
        (b'{"a": "caf\xe9"}', "not UTF-8"),
        (b'{"a": 1,}', "not valid JSON"),
        (b'{"a": NaN}', "NaN is not a number JSON allows"),
        (b'{"a": Infinity}', "Infinity is not a number JSON allows"),
        (b'{"a": ["ok \\ud83d\\ude00", "bad \\ud800"]}', "a[1]: the text holds an escape"),
        (b"[" * 100_000 + b"]" * 100_000, "nested far too deeply"),
    ],
)
def test_refuses_bad_content_with_one_clear_message(tmp_path, content, expected):
    path = tmp_path / "q.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as excinfo:
        read(path)
    message = only_problem(excinfo)
    assert message.startswith(str(path))
    assert expected in message


def test_refuses_missing_file_folder_and_oversized_file(tmp_path):
    with pytest.raises(InputError) as excinfo:
        read(tmp_path / "absent.json")
    assert "no such file" in only_problem(excinfo)
    with pytest.raises(InputError) as excinfo:
        read(tmp_path)
    assert "this is a folder, not a questionnaire file" in only_problem(excinfo)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * 2_000_001)
    with pytest.raises(InputError) as excinfo:
        read(big, max_bytes=2_000_000)
    assert "the file is 2.0 MB; a questionnaire file may be at most 2.0 MB" in only_problem(excinfo)


def test_syntax_error_gives_line_and_column(tmp_path):
    path = tmp_path / "q.json"
    path.write_text('{\n  "a": 1\n  "b": 2\n}', encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read(path)
    assert (
        ": line 3, column 3: not valid JSON: expected a comma (or a closing bracket) before "
        "this, found a double quote; is a comma missing between two items?"
    ) in only_problem(excinfo)


def test_duplicate_keys_are_each_located(tmp_path):
    path = tmp_path / "q.json"
    path.write_text('{"a": 1,\n "b": {"c": 1,\n  "c": 2},\n "a": 3}', encoding="utf-8")
    with pytest.raises(InputError) as excinfo:
        read(path)
    messages = [str(problem) for problem in excinfo.value.problems]
    assert messages == [
        f'{path}: line 4, column 2, a: the key "a" appears more than once',
        f'{path}: line 3, column 3, b.c: the key "c" appears more than once',
    ]


def test_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "q.json"
    path.write_bytes(b'\xef\xbb\xbf{"title": "Zo\xc3\xab"}')
    assert read(path).data == {"title": "Zoë"}


def test_source_map_finds_lines_of_nested_values():
    text = '{\n "sections": [\n  {"id": "a",\n   "questions": [\n    {"id": "q"}\n  ]}\n ]\n}'
    source = SourceMap(text)
    assert source.line_of(("sections",)) == 2
    assert source.line_of(("sections", 0, "questions", 0, "id")) == 5
    # A path that does not exist maps to its deepest existing prefix.
    assert source.line_of(("sections", 0, "questions", 0, "missing")) == 5
    assert source.line_of(("nothing",)) == 1


def test_nesting_depth_counts_arrays_and_objects_only():
    assert nesting_depth({"a": "[[[[{{{{", "b": [[1]]}) == 3
    assert nesting_depth(3) == 0


def test_format_path():
    assert format_path(("sections", 0, "questions", 3, "text")) == "sections[0].questions[3].text"
    assert format_path(()) == ""


def test_canonical_json_sorts_keys_without_whitespace_in_utf8():
    assert canonical_json({"b": 1, "a": ["é", {"d": 2, "c": None}]}) == (
        '{"a":["é",{"c":null,"d":2}],"b":1}'.encode()
    )
