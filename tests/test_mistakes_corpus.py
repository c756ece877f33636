# ruff: noqa: E501 - a table of file edits and messages reads best one per line
"""A corpus of realistic consultant mistakes, each with the exact problem expected.

Each case edits the documented example's text the way a person would (``mistakes_corpus``)
and expects exactly these problems: line, column, error or warning, and message. A change
of wording shows up here, to be read and approved.
"""

from __future__ import annotations

import pytest
from helpers import EXAMPLE
from mistakes_corpus import EDITS

from workerimpact.cli import main
from workerimpact.loader import check_questionnaire_file

EXPECTED: dict[str, list[tuple[int, int, str, str]]] = {
    "trailing comma in a list": [
        (
            86,
            84,
            "error",
            "not valid JSON: a comma after the last item (a trailing comma); remove this comma",
        ),
    ],
    "trailing comma in an object": [
        (
            66,
            84,
            "error",
            "not valid JSON: a comma after the last item (a trailing comma); remove this comma",
        ),
    ],
    "curly quotes from Word": [
        (
            28,
            16,
            "error",
            'not valid JSON: the curly quote “ is not a JSON quote (word processors put them in); use straight double quotes "',
        ),
    ],
    "a // comment": [
        (
            8,
            21,
            "error",
            "not valid JSON: JSON has no comments; remove the comment (or put the note in a field)",
        ),
    ],
    "a /* */ comment": [
        (
            105,
            3,
            "error",
            "not valid JSON: JSON has no comments; remove the comment (or put the note in a field)",
        ),
    ],
    "a # comment": [
        (
            9,
            3,
            "error",
            "not valid JSON: JSON has no comments; remove the comment (or put the note in a field)",
        ),
    ],
    "single quotes": [
        (
            5,
            3,
            "error",
            "not valid JSON: JSON text and keys use double quotes (\"), not single quotes (')",
        ),
    ],
    "key without quotes": [
        (5, 3, "error", 'not valid JSON: a key needs double quotes: write "version"'),
    ],
    "True in capitals": [
        (78, 23, "error", "not valid JSON: JSON writes true in lower case; write true"),
    ],
    "None for null": [
        (64, 22, "error", "not valid JSON: JSON writes null in lower case; write null"),
    ],
    "text without quotes": [
        (65, 19, "error", 'not valid JSON: text needs double quotes: write "workers"'),
    ],
    "missing comma between fields": [
        (
            6,
            3,
            "error",
            "not valid JSON: expected a comma (or a closing bracket) before this, found a double quote; is a comma missing between two items?",
        ),
    ],
    "missing colon": [
        (
            5,
            13,
            "error",
            "not valid JSON: expected a colon (:) after the key, found a double quote",
        ),
    ],
    "unclosed text": [
        (
            65,
            28,
            "error",
            "not valid JSON: a line break inside text in double quotes: close the quote before the line ends, or write \\n for a line break",
        ),
    ],
    "line break inside text": [
        (
            72,
            28,
            "error",
            "not valid JSON: a line break inside text in double quotes: close the quote before the line ends, or write \\n for a line break",
        ),
    ],
    "tab inside text": [
        (72, 28, "error", "not valid JSON: a tab inside text in double quotes; write \\t instead"),
    ],
    "Windows path backslash": [
        (
            66,
            24,
            "error",
            "not valid JSON: a backslash (\\) in text starts an escape such as \\n; write \\\\ for a backslash itself (as in a Windows path)",
        ),
    ],
    "quote inside text": [
        (
            97,
            42,
            "error",
            'not valid JSON: a double quote inside text ends the text early; write \\" for a quote inside text',
        ),
    ],
    "missing closing brace at the end": [
        (
            134,
            1,
            "error",
            "not valid JSON: the file ends before the JSON is complete: a closing } or ] is missing",
        ),
    ],
    "extra closing brace": [
        (
            135,
            1,
            "error",
            "not valid JSON: more text after the end of the JSON: remove it, or check for a closing } or ] too many before this point",
        ),
    ],
    "bad unicode escape": [
        (
            98,
            40,
            "error",
            "not valid JSON: \\u in text must be followed by four hexadecimal digits, as in \\u00e9",
        ),
    ],
    "score of 1e999": [
        (84, 63, "error", "the number 1e999 is too large; write a number between -1e308 and 1e308"),
    ],
    "negative infinity": [
        (
            64,
            22,
            "error",
            "the number -1e999 is too large; write a number between -1e308 and 1e308",
        ),
    ],
    "NaN as a score": [
        (83, 62, "error", "NaN is not a number JSON allows; write a number, or null for no value"),
    ],
    "Infinity as a factor": [
        (
            16,
            19,
            "error",
            "Infinity is not a number JSON allows; write a number, or null for no value",
        ),
    ],
    "a 5,000-digit integer": [
        (
            64,
            22,
            "error",
            "the number 99999999999999999999999999999… is 5,000 characters long; write a number between -1e308 and 1e308",
        ),
    ],
    "a 401-digit score": [
        (
            84,
            63,
            "error",
            "the number 11111111111111111111111111111… is 401 characters long; write a number between -1e308 and 1e308",
        ),
    ],
    "score above the limit": [
        (84, 54, "error", 'must be at most 1000; found 3000 (in option "pay")'),
    ],
    "negative score": [
        (83, 53, "error", 'must be at least 0; found -1 (in option "coaching")'),
    ],
    "score written as text": [
        (83, 53, "error", 'expected a number, got text ("1") (in option "coaching")'),
    ],
    "factor above 2": [
        (16, 9, "error", 'must be at most 2; found 3 (in adjustment "mitigation-credit")'),
    ],
    "bands that do not increase": [
        (10, 5, "error", "bands must increase: moderate < high < severe"),
    ],
    "misspelt field": [
        (
            78,
            11,
            "error",
            'unknown field "reqired"; did you mean "required"? (in question "used_for")',
        ),
    ],
    "field in capitals": [
        (
            65,
            11,
            "error",
            'unknown field "Unit"; did you mean "unit"? (in question "workers_affected")',
        ),
    ],
    "misspelt question type": [
        (
            76,
            11,
            "error",
            '"multiple-choice" is not allowed; did you mean "multiple_choice"? (allowed: "single_choice", "multiple_choice", "yes_no", "scale", "number", "text", "date") (in question "used_for")',
        ),
    ],
    "unknown question type": [
        (
            76,
            11,
            "error",
            '"dropdown" is not allowed; expected one of: "single_choice", "multiple_choice", "yes_no", "scale", "number", "text", "date" (in question "used_for")',
        ),
    ],
    "misspelt severity": [
        (
            112,
            7,
            "error",
            '"sever" is not allowed; did you mean "severe"? (allowed: "low", "moderate", "high", "severe") (in rule "covert-recording")',
        ),
    ],
    "severity critical": [
        (
            112,
            7,
            "error",
            '"critical" is not allowed; expected one of: "low", "moderate", "high", "severe" (in rule "covert-recording")',
        ),
    ],
    "misspelt role": [
        (
            94,
            11,
            "error",
            '"mitigations" is not allowed; did you mean "mitigation"? (allowed: "risk", "mitigation", "info") (in question "human_review")',
        ),
    ],
    "role risks": [
        (
            80,
            11,
            "error",
            '"risks" is not allowed; did you mean "risk"? (allowed: "risk", "mitigation", "info") (in question "used_for")',
        ),
    ],
    "misspelt operator": [
        (
            109,
            9,
            "error",
            'unknown operator "inn"; did you mean "in"? (in rule "covert-recording")',
        ),
    ],
    "expression without op": [
        (
            109,
            9,
            "error",
            'an expression needs an "op" field naming its operator (in rule "covert-recording")',
        ),
    ],
    "language with underscore": [
        (
            8,
            3,
            "error",
            '"en_US" is not a language tag; did you mean "en-US"? write a tag such as "en", "fr" or "en-US" (the language in lower case, then "-" and a region)',
        ),
    ],
    "language in capitals": [
        (
            8,
            3,
            "error",
            '"EN" is not a language tag; did you mean "en"? write a tag such as "en", "fr" or "en-US" (the language in lower case, then "-" and a region)',
        ),
    ],
    "id with a space": [
        (
            4,
            3,
            "error",
            "\"call centre monitoring\" is not a valid id or code: use letters, digits, '_', '-' or '.', starting with a letter or digit, at most 64 characters",
        ),
    ],
    "format marker typo": [
        (
            3,
            3,
            "error",
            '"workerimpact-questionaire/1" is not the questionnaire format marker; did you mean "workerimpact-questionnaire/1"?',
        ),
    ],
    "newer format": [
        (
            3,
            3,
            "error",
            'this questionnaire uses the newer format "workerimpact-questionnaire/2"; this version of WorkerImpact reads "workerimpact-questionnaire/1". Update WorkerImpact to use it.',
        ),
    ],
    "missing title": [
        (1, 1, "error", 'missing required field "title"'),
    ],
    "empty title": [
        (6, 3, "error", "must not be empty"),
    ],
    "required as text": [
        (78, 11, "error", 'expected true or false, got text ("yes") (in question "used_for")'),
    ],
    "rule names a misspelt question": [
        (109, 22, "error", 'unknown question "record_calls"; did you mean "records_calls"?'),
    ],
    "rule names a misspelt option": [
        (
            123,
            65,
            "error",
            'question "used_for" has no option "disipline"; did you mean "discipline"?',
        ),
    ],
    "rule names an unknown option": [
        (
            123,
            65,
            "error",
            'question "used_for" has no option "firing"; its options: "coaching", "pay", "discipline", "none"',
        ),
    ],
    "misspelt dimension": [
        (93, 11, "error", 'unknown dimension "decision"; did you mean "decisions"?'),
    ],
    "duplicate question id": [
        (
            90,
            11,
            "error",
            'the question id "used_for" is already used (first at line 74, column 9, sections[1].questions[0]); question ids must be unique',
        ),
        (124, 42, "error", 'unknown question "human_review"'),
    ],
    "duplicate option id": [
        (98, 14, "error", 'the option id "1" appears twice in question "human_review"'),
    ],
    "duplicate key": [
        (66, 11, "error", 'the key "unit" appears more than once'),
    ],
    "yes_no with other options": [
        (
            39,
            11,
            "error",
            'question "records_calls" is yes_no: its options must be exactly "yes" and "no" (found maybe, yes); use single_choice for other answers',
        ),
    ],
    "show_if on a later question": [
        (
            65,
            11,
            "error",
            'the skip logic of question "workers_affected" reads "used_for", asked later in the questionnaire; skip logic can only read questions asked before it (a later answer is not known yet). Move the question earlier or change the condition',
        ),
    ],
    "show_if on itself": [
        (
            65,
            11,
            "error",
            "skip logic loops back on itself: question workers_affected → question workers_affected",
        ),
    ],
    "match all on a one-answer question": [
        (
            124,
            93,
            "warning",
            'this can never be true: question "human_review" takes one answer, so it cannot have all of "2", "3"; use "match": "any"',
        ),
    ],
    "in on a number question": [
        (
            110,
            9,
            "error",
            '"in" needs a choice question; "workers_affected" is number (use "compare")',
        ),
    ],
    "minimum above maximum": [
        (64, 11, "error", 'question "workers_affected": minimum is above maximum'),
    ],
    "options on a number question": [
        (
            66,
            11,
            "error",
            'question "workers_affected" is number; only choice questions have options',
        ),
    ],
    "exclusive on a single choice": [
        (
            56,
            75,
            "error",
            'question "written_notice": only multiple_choice options can be exclusive',
        ),
    ],
    "version written as a number": [
        (5, 3, "error", 'expected text, got a number (1.0); write it in double quotes: "1.0"'),
    ],
    "skip logic written as a sentence": [
        (
            50,
            11,
            "error",
            'expected an object, got text ("records_calls is yes"); a condition is an object such as {"op": "in", "question": "…", "options": ["…"]} (in question "written_notice")',
        ),
    ],
    "number compared with quoted text": [
        (
            110,
            9,
            "error",
            "this compares number with text, which never match; write the number without quotes: 100",
        ),
    ],
    "two commas in a row": [
        (
            5,
            22,
            "error",
            "not valid JSON: a comma with nothing before it (two commas in a row?); remove it",
        ),
    ],
}


def test_the_corpus_is_large_and_every_case_has_its_expectation():
    assert len(EDITS) >= 60
    assert [name for name, _, _ in EDITS] == list(EXPECTED)
    assert all(EXPECTED[name] for name in EXPECTED), "every mistake is reported"


@pytest.mark.parametrize(("name", "old", "new"), EDITS, ids=[name for name, _, _ in EDITS])
def test_each_mistake_gets_its_exact_message(tmp_path, name, old, new):
    text = EXAMPLE.read_text(encoding="utf-8")
    assert old in text, "the edit must apply to the example"
    path = tmp_path / "q.json"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    questionnaire, problems = check_questionnaire_file(path)
    found = [(p.line, p.column, p.severity, p.message) for p in problems]
    assert found == EXPECTED[name]
    has_error = any(problem.severity == "error" for problem in problems)
    assert (questionnaire is None) == has_error


@pytest.mark.parametrize(("name", "old", "new"), EDITS[::7], ids=[n for n, _, _ in EDITS[::7]])
def test_validate_prints_each_mistake_in_gnu_form(tmp_path, capsys, name, old, new):
    text = EXAMPLE.read_text(encoding="utf-8")
    path = tmp_path / "q.json"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    code = main(["validate", "--format=gnu", str(path)])
    err = capsys.readouterr().err
    line, column, severity, _message = EXPECTED[name][0]
    assert f"{path}:{line}:{column}: {severity}: " in err
    assert code == (1 if any(item[2] == "error" for item in EXPECTED[name]) else 0)
    assert "Traceback" not in err
