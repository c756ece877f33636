"""The command line's help, usage lines and argparse's own errors in Spanish.

``--language es`` (anywhere on the line) or WORKERIMPACT_LANGUAGE=es chooses the language
before the parser is built, so every help text, "usage:" and argparse's error sentences
come out in Spanish; exit codes stay argparse's (0 for help, 2 for wrong usage).
"""

from __future__ import annotations

import argparse
import ast
import inspect
import re

import pytest

from workerimpact.cli import main
from workerimpact.cli.commands import build_parser
from workerimpact.cli.parser_language import ARGPARSE_MESSAGES, subcommand_parsers
from workerimpact.i18n import language
from workerimpact.locales.es import MESSAGES

ENGLISH_WORDS = (
    "usage:",
    "positional arguments",
    "options:",
    "show this help message and exit",
    "the following arguments are required",
    "invalid choice",
    "unrecognized arguments",
)


def _run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stopped:
        main(list(arguments))
    captured = capsys.readouterr()
    return int(stopped.value.code or 0), captured.out + captured.err


def _every_parser() -> list[argparse.ArgumentParser]:
    parser = build_parser()
    return [parser, *subcommand_parsers(parser)]


def test_main_help_is_in_spanish(capsys):
    code, text = _run(capsys, "--language", "es", "--help")
    assert code == 0
    assert text.startswith("uso: workerimpact")
    assert "opciones:" in text and "mostrar esta ayuda y salir" in text
    assert "Evalúe cómo afecta a los trabajadores un sistema de IA" in text
    assert "ver la lista de cuestionarios incluidos e instalados" in text
    for english in ENGLISH_WORDS:
        assert english not in text, english


def test_the_environment_chooses_the_help_language_too(capsys, monkeypatch):
    monkeypatch.setenv("WORKERIMPACT_LANGUAGE", "es")
    code, text = _run(capsys, "library", "list", "--help")
    assert code == 0
    assert "uso: workerimpact library list" in text
    assert "ver la papelera en su lugar" in text
    # And English is back in force for the next command.
    monkeypatch.delenv("WORKERIMPACT_LANGUAGE")
    monkeypatch.setenv("LANG", "C")
    _code, english = _run(capsys, "library", "list", "--help")
    assert "usage: workerimpact library list" in english
    assert "show this help message and exit" in english


@pytest.mark.parametrize(
    ("arguments", "spanish"),
    [
        (["validate"], "faltan estos argumentos obligatorios: RUTA"),
        (["frob"], "argumento ORDEN: valor no válido: 'frob' (elija entre"),
        (["score", "a.json", "--bogus"], "argumentos que no se reconocen: --bogus"),
        (["export", "a.json", "-o"], "argumento -o/--output: falta un valor"),
        (["new", "-o", "x.json", "--stage", "zz"], "argumento --stage: valor no válido"),
    ],
)
def test_usage_errors_are_in_spanish_with_exit_code_2(capsys, arguments, spanish):
    code, text = _run(capsys, *arguments, "--language=es")
    assert code == 2
    assert text.startswith("uso: workerimpact")
    assert spanish in text
    assert ": error: " in text
    for english in ENGLISH_WORDS:
        assert english not in text, english


def test_every_command_takes_language_and_its_help_is_spanish(capsys):
    with language("es"):
        parsers = _every_parser()
    assert len(parsers) > 40
    for parser in parsers:
        assert "--language" in parser._option_string_actions, parser.prog
        words = parser.prog.split()[1:]
        code, text = _run(capsys, *words, "--help", "--lang", "es")
        assert code == 0, parser.prog
        assert text.startswith("uso: "), parser.prog
        for english in ENGLISH_WORDS:
            assert english not in text, (parser.prog, english)


def test_every_help_text_of_every_command_has_its_spanish():
    missing = []
    for parser in _every_parser():
        texts = [parser.description, *(action.help for action in parser._actions)]
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                texts += [choice.help for choice in action._choices_actions]
        missing += [text for text in texts if text and text not in MESSAGES]
        for action in parser._actions:
            names = action.metavar if isinstance(action.metavar, tuple) else (action.metavar,)
            missing += [name for name in names if name and name not in MESSAGES]
    assert not missing, missing


def test_usage_placeholders_are_spanish(capsys):
    code, text = _run(capsys, "export", "--help", "--language", "es")
    assert code == 0
    assert "-o ARCHIVO" in text and "ARCHIVO_O_ID" in text and "--language IDIOMA" in text
    assert "FILE" not in text


def _percent_fields(text: str) -> list[str]:
    return sorted(re.findall(r"%(?:\(\w+\))?[sr]", text))


def test_argparse_words_are_translated_with_their_placeholders():
    source = inspect.getsource(argparse)
    asked = {
        node.args[0].value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in ("_", "ngettext")
        and node.args
        and isinstance(node.args[0], ast.Constant)
    }
    # The words this Python's argparse asks for are the ones listed (a few are
    # version-specific; the program's own set-up errors are not listed).
    assert {"usage: ", "options", "the following arguments are required: %s"} <= asked
    for english in ARGPARSE_MESSAGES:
        spanish = MESSAGES[english]
        assert _percent_fields(spanish) == _percent_fields(english), english
        assert spanish != english or "%(prog)s" in english, english


def test_argparse_is_left_as_it_was(capsys):
    _run(capsys, "--language", "es", "--help")
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]
    assert argparse.ngettext("a", "b", 2) == "b"  # type: ignore[attr-defined]
