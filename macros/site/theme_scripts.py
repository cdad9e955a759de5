"""Material's script bundle, held until a reader does something (see overrides/main.html).

The bundle (search, the palette switch's memory, a table of contents that follows the page)
is about 330 ms of script on a slow phone before anyone asks anything of it: most of the key
pages' blocking time on mobile. The theme's script block is rendered as usual; this filter
changes only the bundle's tag into one the browser neither fetches nor runs, keeping its URL
for the loader to use.
"""

from __future__ import annotations

import re

from markupsafe import Markup

HELD_TYPE = "text/x-ttt-later"
_BUNDLE_TAG = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')


def hold_theme_bundle(scripts: str) -> Markup:
    """The theme's script tags with the bundle held; unchanged if the bundle tag is not found
    (a theme update that renames it then loads as before rather than breaking)."""
    return Markup(_BUNDLE_TAG.sub(lambda m: f'<script type="{HELD_TYPE}" src="{m.group(1)}"></script>',
                                  str(scripts), count=1))
