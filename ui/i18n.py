"""The window's language: Qt translations from ``ui/i18n/workerimpact_<lang>.ts``.

The ``.ts`` sources are in the repository (made with ``pyside6-lupdate``, see
``docs/translation-es.md``); the ``.qm`` files Qt reads are compiled from them with
``pyside6-lrelease`` by ``scripts/bootstrap.sh``, or at first start into the cache folder when
the installed copy has none (or an older one than its ``.ts``). The choice (Settings →
Language: System, English, Español) is read once at start-up; it applies after a restart.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QStandardPaths, QTranslator

from ui import window_state
from workerimpact import i18n as core_i18n

FOLDER = Path(__file__).with_name("i18n")
LANGUAGES = ("en", "es")
"""The window's languages: English (as written in the code) and Spanish."""
SYSTEM = "system"

_current = "en"
_installed: list[QTranslator] = []


def current_language() -> str:
    """The language the window was started in ("en" or "es")."""
    return _current


def chosen() -> str:
    """The stored choice: "system", "en" or "es"."""
    value = window_state.text(window_state.LANGUAGE, SYSTEM)
    return value if value in (SYSTEM, *LANGUAGES) else SYSTEM


def resolve(choice: str, system_name: str | None = None) -> str:
    """The language to use for ``choice``; "system" follows WORKERIMPACT_LANGUAGE when it
    names a language the window speaks (as the command line does), else the system's
    locale."""
    if choice in LANGUAGES:
        return choice
    if system_name is None:
        asked = core_i18n.supported(os.environ.get(core_i18n.ENVIRONMENT))
        if asked in LANGUAGES:
            return asked
    name = system_name if system_name is not None else QLocale.system().name()
    return "es" if name.lower().startswith("es") else "en"


OVERRIDES = "qtbase_overrides"
"""Our own wording for a few of Qt's dialog strings (``ui/i18n/qtbase_overrides_<lang>.ts``):
US Spanish "archivo" and "carpeta" where Qt's Spanish says "fichero" and "directorio",
and the file dialog labels Qt's Spanish does not reach ("Look in:", "Files of type:")."""


def source(language: str, name: str = "workerimpact") -> Path:
    """The ``.ts`` file of ``language`` (``name``: ours, or ``OVERRIDES``)."""
    return FOLDER / f"{name}_{language}.ts"


def _tool(name: str) -> str | None:
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    return shutil.which(name)


def lupdate_command(ts: Path) -> list[str]:
    """``pyside6-lupdate`` over ``ui/*.py`` into ``ts`` (``scripts/update-translations``).

    ``_t`` (ui/actions.py) is a ``QT_TR_NOOP``: lupdate files its strings under the empty
    context, which ``ui.actions`` translates them with.
    """
    sources = sorted(str(path) for path in FOLDER.parent.glob("*.py"))
    return [
        _tool("pyside6-lupdate") or "pyside6-lupdate",
        "-silent",
        "-extensions",
        "py",
        "-locations",
        "none",
        "-no-obsolete",
        "-tr-function-alias",
        "QT_TR_NOOP+=_t",
        "-source-language",
        "en",
        "-target-language",
        ts.stem.rsplit("_", 1)[-1],
        *sources,
        "-ts",
        str(ts),
    ]


def lrelease() -> str | None:
    """The path of ``pyside6-lrelease`` (next to Python, or on PATH), or None."""
    return _tool("pyside6-lrelease")


def compiled(language: str, name: str = "workerimpact") -> Path | None:
    """The ``.qm`` of ``language``, compiled now into the cache if missing or stale."""
    ts = source(language, name)
    if not ts.exists():
        return None
    built = ts.with_suffix(".qm")
    if built.exists() and built.stat().st_mtime >= ts.stat().st_mtime:
        return built
    cache = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
        or Path.home() / ".cache" / "workerimpact"
    )
    cached = cache / built.name
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    tool = lrelease()
    if tool is None:
        return None
    cache.mkdir(parents=True, exist_ok=True, mode=0o700)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    try:
        subprocess.run(
            [tool, "-silent", str(ts), "-qm", str(partial)],
            check=True,
            capture_output=True,
            timeout=60,
        )
        partial.replace(cached)
    except (OSError, subprocess.SubprocessError):
        partial.unlink(missing_ok=True)
        return None
    return cached


def install(app, choice: str | None = None) -> str:
    """Load the chosen language's translators into ``app``; return the language used.

    Qt's own Spanish (standard buttons and dialogs, ``qtbase_es.qm``) is loaded too when
    PySide6 ships it. English needs nothing.
    """
    global _current
    language = resolve(choice if choice is not None else chosen())
    _current = "en"
    core_i18n.set_default_language("en")
    if language == "en":
        return _current
    path = compiled(language)
    if path is None:
        return _current
    ours = QTranslator(app)
    if not ours.load(str(path)):
        return _current
    app.installTranslator(ours)
    _installed.append(ours)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    base = QTranslator(app)
    if base.load(f"qtbase_{language}", qt_folder):
        app.installTranslator(base)
        _installed.append(base)
    # Installed last, so Qt asks it first: our wording of a few of Qt's own strings.
    overrides_path = compiled(language, OVERRIDES)
    overrides = QTranslator(app)
    if overrides_path is not None and overrides.load(str(overrides_path)):
        app.installTranslator(overrides)
        _installed.append(overrides)
    _current = language
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.UnitedStates))
    # The core's messages the window shows (storage, files, questionnaires) follow it.
    core_i18n.set_default_language(language)
    return _current


def remove(app) -> None:
    """Take the translators ``install`` added out of ``app`` (back to English)."""
    global _current
    while _installed:
        app.removeTranslator(_installed.pop())
    _current = "en"
    core_i18n.set_default_language("en")
    QLocale.setDefault(QLocale.system())


def shown_title(questionnaire, description: bool = False) -> str:
    """A questionnaire's title (or description, else title) in the window's language."""
    from workerimpact.questionnaire import localized

    view = localized(questionnaire, _current) if _current != "en" else questionnaire
    return (view.description or view.title) if description else view.title
