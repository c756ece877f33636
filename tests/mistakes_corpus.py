# ruff: noqa: E501 - a table of file edits and messages reads best one per line
"""Realistic mistakes a consultant makes in a questionnaire file, each as an edit of the
documented example's text: (name, old text, new text). ``test_mistakes_corpus.py`` holds
the exact message expected for each."""

from __future__ import annotations

EDITS: list[tuple[str, str, str]] = [
    # --- JSON syntax -------------------------------------------------------------------
    (
        "trailing comma in a list",
        '"score": 0, "exclusive": true}\n',
        '"score": 0, "exclusive": true},\n',
    ),
    (
        "trailing comma in an object",
        'Shared Prosperity Guidelines (2023): scale"\n',
        'Shared Prosperity Guidelines (2023): scale",\n',
    ),
    (
        "curly quotes from Word",
        '"title": "What the tool monitors"',
        '"title": \u201cWhat the tool monitors\u201d',
    ),
    ("a // comment", '"language": "en",', '"language": "en", // English'),
    ("a /* */ comment", '"rules": [', '/* the rules */ "rules": ['),
    ("a # comment", '"language": "en",', '"language": "en",\n  # English'),
    ("single quotes", '"version": "1.0.0"', "'version': '1.0.0'"),
    ("key without quotes", '"version": "1.0.0"', 'version: "1.0.0"'),
    (
        "True in capitals",
        '"required": true,\n          "dimension": "decisions"',
        '"required": True,\n          "dimension": "decisions"',
    ),
    ("None for null", '"minimum": 0,', '"minimum": None,'),
    ("text without quotes", '"unit": "workers"', '"unit": workers'),
    ("missing comma between fields", '"version": "1.0.0",', '"version": "1.0.0"'),
    ("missing colon", '"version": "1.0.0"', '"version" "1.0.0"'),
    ("unclosed text", '"unit": "workers",', '"unit": "workers,'),
    (
        "line break inside text",
        '"title": "How results are used"',
        '"title": "How results\nare used"',
    ),
    ("tab inside text", '"title": "How results are used"', '"title": "How results\tare used"'),
    (
        "Windows path backslash",
        '"source": "Partnership on AI',
        '"source": "C:\\docs\\Partnership on AI',
    ),
    ("quote inside text", '"label": "Never"', '"label": "Never "ever""'),
    ("missing closing brace at the end", "\n}\n", "\n"),
    ("extra closing brace", "\n}\n", "\n}\n}\n"),
    ("bad unicode escape", '"label": "Sometimes"', '"label": "Some\\u00ztimes"'),
    # --- numbers -----------------------------------------------------------------------
    (
        "score of 1e999",
        '"label": "Pay or bonuses", "score": 3',
        '"label": "Pay or bonuses", "score": 1e999',
    ),
    ("negative infinity", '"minimum": 0,', '"minimum": -1e999,'),
    ("NaN as a score", '"label": "Coaching", "score": 1', '"label": "Coaching", "score": NaN'),
    ("Infinity as a factor", '"factor": 0.85', '"factor": Infinity'),
    ("a 5,000-digit integer", '"minimum": 0,', '"minimum": ' + "9" * 5000 + ","),
    (
        "a 401-digit score",
        '"label": "Pay or bonuses", "score": 3',
        '"label": "Pay or bonuses", "score": ' + "1" * 401,
    ),
    (
        "score above the limit",
        '"label": "Pay or bonuses", "score": 3',
        '"label": "Pay or bonuses", "score": 3000',
    ),
    ("negative score", '"label": "Coaching", "score": 1', '"label": "Coaching", "score": -1'),
    (
        "score written as text",
        '"label": "Coaching", "score": 1',
        '"label": "Coaching", "score": "1"',
    ),
    ("factor above 2", '"factor": 0.85', '"factor": 3'),
    ("bands that do not increase", '"high": 50', '"high": 20'),
    # --- names and allowed values --------------------------------------------------------
    (
        "misspelt field",
        '"required": true,\n          "dimension": "decisions"',
        '"reqired": true,\n          "dimension": "decisions"',
    ),
    ("field in capitals", '"unit": "workers"', '"Unit": "workers"'),
    ("misspelt question type", '"type": "multiple_choice"', '"type": "multiple-choice"'),
    ("unknown question type", '"type": "multiple_choice"', '"type": "dropdown"'),
    ("misspelt severity", '"severity": "severe"', '"severity": "sever"'),
    ("severity critical", '"severity": "severe"', '"severity": "critical"'),
    (
        "misspelt role",
        '"role": "mitigation",\n          "source": "DOL AI best',
        '"role": "mitigations",\n          "source": "DOL AI best',
    ),
    (
        "role risks",
        '"role": "risk",\n          "source": "DOL AI best',
        '"role": "risks",\n          "source": "DOL AI best',
    ),
    (
        "misspelt operator",
        '{"op": "in", "question": "records_calls", "options": ["yes"]},\n        {"op": "in", "question": "written_notice"',
        '{"op": "inn", "question": "records_calls", "options": ["yes"]},\n        {"op": "in", "question": "written_notice"',
    ),
    (
        "expression without op",
        '{"op": "in", "question": "records_calls", "options": ["yes"]},\n        {"op": "in", "question": "written_notice"',
        '{"question": "records_calls", "options": ["yes"]},\n        {"op": "in", "question": "written_notice"',
    ),
    ("language with underscore", '"language": "en"', '"language": "en_US"'),
    ("language in capitals", '"language": "en"', '"language": "EN"'),
    ("id with a space", '"id": "call-centre-monitoring"', '"id": "call centre monitoring"'),
    (
        "format marker typo",
        '"format": "workerimpact-questionnaire/1"',
        '"format": "workerimpact-questionaire/1"',
    ),
    (
        "newer format",
        '"format": "workerimpact-questionnaire/1"',
        '"format": "workerimpact-questionnaire/2"',
    ),
    ("missing title", '"title": "Call-centre speech analytics",', ""),
    ("empty title", '"title": "Call-centre speech analytics"', '"title": ""'),
    (
        "required as text",
        '"required": true,\n          "dimension": "decisions"',
        '"required": "yes",\n          "dimension": "decisions"',
    ),
    # --- references and meaning -----------------------------------------------------------
    (
        "rule names a misspelt question",
        '{"op": "in", "question": "records_calls", "options": ["yes"]},\n        {"op": "in", "question": "written_notice"',
        '{"op": "in", "question": "record_calls", "options": ["yes"]},\n        {"op": "in", "question": "written_notice"',
    ),
    (
        "rule names a misspelt option",
        '"options": ["pay", "discipline"]',
        '"options": ["pay", "disipline"]',
    ),
    (
        "rule names an unknown option",
        '"options": ["pay", "discipline"]',
        '"options": ["pay", "firing"]',
    ),
    (
        "misspelt dimension",
        '"dimension": "decisions",\n          "role": "mitigation"',
        '"dimension": "decision",\n          "role": "mitigation"',
    ),
    ("duplicate question id", '"id": "human_review"', '"id": "used_for"'),
    ("duplicate option id", '{"id": "2", "label": "Sometimes"', '{"id": "1", "label": "Sometimes"'),
    ("duplicate key", '"unit": "workers",', '"unit": "workers",\n          "unit": "staff",'),
    (
        "yes_no with other options",
        '{"id": "no", "label": "No", "score": 0}\n          ]\n        },\n        {\n          "id": "written_notice"',
        '{"id": "maybe", "label": "Maybe", "score": 0}\n          ]\n        },\n        {\n          "id": "written_notice"',
    ),
    (
        "show_if on a later question",
        '"minimum": 0,',
        '"minimum": 0,\n          "show_if": {"op": "answered", "question": "used_for"},',
    ),
    (
        "show_if on itself",
        '"minimum": 0,',
        '"minimum": 0,\n          "show_if": {"op": "answered", "question": "workers_affected"},',
    ),
    (
        "match all on a one-answer question",
        '{"op": "in", "question": "human_review", "options": ["3"]}',
        '{"op": "in", "question": "human_review", "options": ["2", "3"], "match": "all"}',
    ),
    (
        "in on a number question",
        '{"op": "in", "question": "written_notice", "options": ["no"]}',
        '{"op": "in", "question": "workers_affected", "options": ["no"]}',
    ),
    ("minimum above maximum", '"minimum": 0,', '"minimum": 10,\n          "maximum": 5,'),
    (
        "options on a number question",
        '"unit": "workers",',
        '"unit": "workers",\n          "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],',
    ),
    (
        "exclusive on a single choice",
        '{"id": "after", "label": "Only after it started", "score": 1}',
        '{"id": "after", "label": "Only after it started", "score": 1, "exclusive": true}',
    ),
    ("version written as a number", '"version": "1.0.0"', '"version": 1.0'),
    (
        "skip logic written as a sentence",
        '"show_if": {"op": "in", "question": "records_calls", "options": ["yes"]}',
        '"show_if": "records_calls is yes"',
    ),
    (
        "number compared with quoted text",
        '{"op": "in", "question": "written_notice", "options": ["no"]}',
        '{"op": "compare", "left": {"op": "answer", "question": "workers_affected"}, "cmp": ">", "right": "100"}',
    ),
    ("two commas in a row", '"version": "1.0.0",', '"version": "1.0.0",,'),
]
