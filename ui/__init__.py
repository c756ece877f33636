"""WorkerImpact's desktop window (PySide6): thin views over the ``workerimpact`` core.

Every action calls the core (library, session, scoring, report) and renders the value it
returns. Library and session calls run on one single-worker executor (``ui.tasks``); views
refresh themselves from the values those calls return. Start it with ``ui.app.run``.
"""
