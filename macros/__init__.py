"""Trade Truce Tracker: the data layer, views, renderers and site hooks behind the site.

mkdocs-macros loads this package (`module_name: macros`) and calls `define_env`; the data is
loaded and validated by the hook in macros/site/hook.py. See CONTRIBUTING.md, "Architecture".
"""

from __future__ import annotations

from typing import Any


def define_env(env: Any) -> None:
    # Imported here, not at the top: `python -m macros.check` imports this package too and
    # should not pay for the renderer.
    from macros.site.macros_entry import define_env as define

    define(env)
