"""What the MkDocs hook and the macros share: one BuildState per build, inside one Session per
process (which, under `mkdocs serve`, outlives the rebuilds).

MkDocs loads hooks and the mkdocs-macros module separately; both reach the build in progress
here, so the data is read and validated exactly once per build.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from macros.data.dataset import Dataset
from macros.data.history import History
from macros.data.load import FileCache
from macros.data.problems import Problem
from macros.render.held import HeldHtml
from macros.render.jinja import Renderer
from macros.render.page_table import GeneratedPage
from macros.site.markdown_reuse import MarkdownReuse
from macros.site.reuse import OutputReuse
from macros.site.timings import Timings


@dataclass
class BuildState:
    """Everything one build knows: its data, its renderer and held HTML, and its bookkeeping."""

    dataset: Dataset
    renderer: Renderer
    held: HeldHtml
    timings: Timings
    problems: list[Problem] = field(default_factory=list)  # data errors shown while serving
    edit_paths: dict[str, str | None] = field(default_factory=dict)  # page src_uri → data file to edit
    generated: dict[str, GeneratedPage] = field(default_factory=dict)  # page src_uri → what writes it
    history: History = field(default_factory=lambda: History(False, "not read"))

    @classmethod
    def create(cls, dataset: Dataset, timings: Timings, problems: list[Problem], site_url: str = "",
               history: History | None = None, repo_url: str = "") -> BuildState:
        held = HeldHtml()
        history = history or History(False, "not read")
        return cls(dataset, Renderer(dataset, held, site_url, history, repo_url), held, timings, problems,
                   history=history)


@dataclass
class Session:
    """One MkDocs process: its command, the serve-time cache and last good data, and the build."""

    command: str = "build"
    file_cache: FileCache = field(default_factory=FileCache)
    last_good: Dataset | None = None
    build: BuildState | None = None
    reuse: OutputReuse | None = None  # under `mkdocs serve --dirty`: unchanged pages keep their output
    markdown_reuse: MarkdownReuse | None = None  # … and pages that show no changed record keep their Markdown

    def current(self) -> BuildState:
        if self.build is None:
            raise RuntimeError("the data is not loaded: is macros/site/hook.py listed under hooks in mkdocs.yml?")
        return self.build


session = Session()
