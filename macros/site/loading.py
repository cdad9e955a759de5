"""Loading: read and validate the data once per build, stop the build on any data error (or, while
serving, keep the last good data and show the errors), and start the build's state."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from macros.data.dataset import load_dataset
from macros.data.history import read_history
from macros.data.problems import DataError, format_report
from macros.site.state import BuildState, session
from macros.site.timings import Timings

log = logging.getLogger("mkdocs.hooks.trade_truce_tracker")

# Data warnings go to their own stream: they must be seen, but must not fail `--strict`.
data_log = logging.getLogger("trade_truce_tracker.data")
if not data_log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("DATA WARNING - %(message)s"))
    data_log.addHandler(_handler)
    data_log.propagate = False


def load_build(config: MkDocsConfig) -> None:
    """Read the data under the project of `config` into a new BuildState (session.build)."""
    root = Path(config.config_file_path).resolve().parent
    timings = Timings()
    problems = []
    try:
        with timings.timed("load_and_validate"):
            dataset = load_dataset(root, cache=session.file_cache if session.command == "serve" else None)
    except DataError as err:
        report = format_report(err.problems)
        if session.command != "serve" or session.last_good is None:
            raise PluginError("The data has errors; nothing was built.\n" + report) from None
        # While serving, a traceback and a frozen browser help nobody: keep showing the last
        # good data, print the report, and put it on every page until the file is fixed.
        log.error("The data has errors; pages show the last good data until they are fixed.\n" + report)
        problems = err.problems
        dataset = session.last_good
    else:
        session.last_good = dataset
        for warning in dataset.warnings:
            data_log.warning(str(warning))
    with timings.timed("history"):
        history = read_history(root)
    session.build = BuildState.create(dataset, timings, problems, config.site_url or "", history,
                                      config.repo_url or "")
