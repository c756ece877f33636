"""What validate and install print: safe text, capped lists, editor and JSON forms."""

from __future__ import annotations

import json

from helpers import example_data, write_json

from workerimpact.cli import main
from workerimpact.safetext import printable, quote


def test_printable_escapes_terminal_controls_bidi_and_newlines():
    hostile = "a\x1b[31mred\x1b]0;pwned\x07\nfake.json: line 1, ok\u202eevil\u2028x"
    safe = printable(hostile)
    assert "\x1b" not in safe and "\n" not in safe and "\u202e" not in safe
    assert safe == (
        "a\\u001b[31mred\\u001b]0;pwned\\u0007\\nfake.json: line 1, ok\\u202eevil\\u2028x"
    )


def test_quote_is_json_style_and_short():
    assert quote(True) == "true" and quote(None) == "null"
    assert quote({"op": "in"}) == '{"op": "in"}'
    assert len(quote("x" * 1_000_000)) <= 80
    assert len(quote(list(range(1_000_000)))) <= 80


def test_hostile_values_never_reach_the_terminal_raw(tmp_path, capsys):
    data = example_data()
    data["id"] = "bad\x1b]0;pwned\x07\nfake.json: line 1, ok: all good"
    data["sections"][0]["questions"][0]["\u202ekey\x1b[2J"] = 1
    path = write_json(tmp_path / "q.json", data)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\u202e" not in err and "\x07" not in err
    assert not any(line.startswith("fake.json") for line in err.splitlines())


def test_at_most_100_problems_per_file_then_a_count(tmp_path, capsys):
    data = example_data()
    data.update({f"unknown_{index}": index for index in range(20_000)})
    path = write_json(tmp_path / "q.json", data)
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 102
    # The object is cut to its first 1,000 fields (one problem says so) and those checked.
    assert "this object holds 20,011 fields" in lines[0]
    assert lines[-2] == f"{path}: and 890 more problems"
    assert lines[-1] == "990 problems in 1 file"


def test_past_1000_structural_problems_the_rest_are_counted(tmp_path, capsys):
    data = example_data()
    question = data["sections"][0]["questions"][2]
    data["sections"][0]["questions"] = [
        {**question, "id": f"q{index}", "colour": "red"} for index in range(1_500)
    ]
    path = write_json(tmp_path / "q.json", data)
    assert main(["validate", "--json", str(path)]) == 1
    problems = json.loads(capsys.readouterr().out)["files"][0]["problems"]
    assert problems[-1]["more"] == 499
    assert problems[-1]["message"].startswith("500 more problems of the same kinds")
    assert len(problems) == 1_001 + 2  # and two rules naming the questions now missing


def test_json_output_lists_each_problem_with_line_and_column(tmp_path, capsys):
    data = example_data()
    data["language"] = "en_US"
    path = write_json(tmp_path / "q.json", data)
    assert main(["validate", "--json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["valid"] is False
    [problem] = report["files"][0]["problems"]
    assert problem["path"] == "language"
    assert problem["line"] == 8 and problem["column"] == 3
    assert problem["message"].startswith('"en_US" is not a language tag; did you mean "en-US"?')


def test_warnings_are_printed_but_the_file_is_valid(tmp_path, capsys):
    data = example_data()
    data["rules"][1]["condition"]["of"][1]["of"].update(options=["2", "3"], match="all")
    path = write_json(tmp_path / "q.json", data)
    assert main(["validate", "--format=gnu", str(path)]) == 0
    captured = capsys.readouterr()
    assert ": warning: this can never be true" in captured.err
    assert "valid" in captured.out


def test_install_into_an_unusable_data_folder_says_so(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("WORKERIMPACT_HOME", str(blocker / "home"))
    path = write_json(tmp_path / "q.json", example_data())
    assert main(["install", str(path)]) == 1
    err = capsys.readouterr().err
    assert "cannot install the questionnaire here (Not a directory)" in err
    assert "Traceback" not in err


def test_new_given_a_questionnaire_file_says_to_install_it(tmp_path, capsys):
    path = write_json(tmp_path / "mine.json", example_data())
    assert main(["new", str(path), "-o", str(tmp_path / "a.json")]) == 1
    err = capsys.readouterr().err
    assert f'"{path}" is a questionnaire file, not a questionnaire id: install it first' in err


def test_infinite_numbers_are_refused_by_install_with_a_place(tmp_path, capsys):
    path = tmp_path / "q.json"
    text = json.dumps(example_data(), indent=2).replace('"factor": 0.85', '"factor": 1e999')
    path.write_text(text, encoding="utf-8")
    assert main(["install", "--format=gnu", str(path)]) == 1
    err = capsys.readouterr().err
    assert ": error: the number 1e999 is too large" in err
    assert err.startswith(f"{path}:")


def test_quote_escapes_backslashes_and_quotes_like_json_and_keeps_joiners():
    assert quote('C:\\new "x"') == '"C:\\\\new \\"x\\""'
    assert printable("می\u200cخواهم") == "می\u200cخواهم"  # a Persian word keeps its joiner
    assert printable("a\u200bb\u200fc") == "a\\u200bb\\u200fc"


def test_a_huge_hostile_id_is_quoted_short_everywhere(tmp_path, capsys):
    data = example_data()
    data["sections"][0]["questions"][0]["id"] = "q\x1b[2J" + "x" * 1_000_000
    path = write_json(tmp_path / "q.json", data)
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert len(err) < 5_000
    assert "\x1b" not in err
    assert all(len(line) < 600 for line in err.splitlines())
