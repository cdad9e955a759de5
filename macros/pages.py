"""MkDocs hook: load the data once, stop the build on any data error, generate the pages and API.

Listed under `hooks:` in mkdocs.yml. Generated pages hold only a macro call with a record id;
the record's text never enters a template.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads hooks by path; make `macros` importable as a package.
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from macros.build_context import current, set_current  # noqa: E402
from macros.dataset import load_dataset  # noqa: E402
from macros.exports import api_files  # noqa: E402
from macros.problems import DataError, format_report  # noqa: E402

# Data warnings go to their own stream: they must be seen, but must not fail `--strict`.
data_log = logging.getLogger("trade_truce_tracker.data")
if not data_log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("DATA WARNING - %(message)s"))
    data_log.addHandler(_handler)
    data_log.propagate = False


@event_priority(100)  # before mkdocs-macros, whose define_env reads the data
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).resolve().parent
    try:
        dataset = load_dataset(root)
    except DataError as err:
        raise PluginError("The data has errors; nothing was built.\n" + format_report(err.problems)) from None
    for warning in dataset.warnings:
        data_log.warning(str(warning))
    set_current(dataset)
    return config


def _page(config: MkDocsConfig, path: str, macro_call: str) -> File:
    return File.generated(config, path, content=f"---\nrender_macros: true\n---\n\n{{{{ {macro_call} }}}}\n")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    data = current()
    generated = [
        _page(config, "timeline/index.md", "timeline()"),
        _page(config, "rounds/index.md", "rounds_index()"),
        _page(config, "issues/index.md", "issues_index()"),
        _page(config, "people/index.md", "people_index()"),
    ]
    generated += [_page(config, f"rounds/{r.id}.md", f'round_page("{r.id}")') for r in data.rounds]
    generated += [_page(config, f"issues/{i.id}.md", f'issue_page("{i.id}")') for i in data.issues]
    generated += [File.generated(config, path, content=text) for path, text in api_files(data).items()]
    for file in generated:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(f"docs/{file.src_uri} would hide a generated page: delete it")
        files.append(file)
    return files
