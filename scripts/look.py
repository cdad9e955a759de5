"""Look at the built site as a reader would: screenshots of the key pages at 1280 and 375 px in the
light and dark palettes, and a table of what a reader would trip over on each (tests/reading.py).

    .venv/bin/python scripts/look.py [--site site] [--out test-artifacts/look] [PATH ...]
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, CHROMIUM_FLAGS, serve_directory  # noqa: E402
from tests.reading import READER_PAGES, SCHEMES, WIDTHS, read_page  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=READER_PAGES)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--out", type=Path, default=ROOT / "test-artifacts" / "look")
    parser.add_argument("--full", action="store_true", help="whole-page screenshots")
    parser.add_argument("--no-contrast", action="store_true", help="skip axe's contrast rule (faster)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.out.mkdir(parents=True, exist_ok=True)
    total = 0
    with serve_directory(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", CHROMIUM), args=CHROMIUM_FLAGS)
        for path in args.paths:
            for width in WIDTHS:
                for scheme in SCHEMES:
                    context = browser.new_context(viewport={"width": width, "height": 900},
                                                  color_scheme="dark" if scheme == "dark" else "light")
                    page = context.new_page()
                    page.goto(base + path, wait_until="load")
                    name = f"{(path.strip('/') or 'home').replace('/', '_')}-{width}-{scheme}"
                    page.screenshot(path=str(args.out / f"{name}.png"), full_page=args.full)
                    reading = read_page(page, path, width, scheme, contrast=not args.no_contrast)
                    for kind, items in reading.problems().items():
                        total += len(items)
                        print(f"{name}: {kind}: {len(items)}: {items[:4]}")
                    context.close()
        browser.close()
    print(f"{total} findings; screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
