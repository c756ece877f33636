"""WorkerImpact core: questionnaires, rules, scoring, storage and reports, without Qt.

Everything a user can do in the desktop window can be done headless through this package,
which is why the command line and the tests exist. The Qt front-end lives in ``ui``.
"""

__version__ = "0.2.0"
