"""The first tap on a phone, measured: how long the page takes to answer a reader's first tap on
search and on the menu, at Lighthouse's mobile CPU slowdown (4x), in Debian's Chromium.

The figure is the Event Timing API's duration of the tap (pointerdown to the next paint, as
Interaction to Next Paint counts it), the longest of the tap's events. Each page is loaded fresh,
left to settle (the bundle loads when the browser is idle after first paint, or on the first sign
of a reader), then tapped once.

    .venv/bin/python scripts/first_interaction.py [--site site] [--runs 5] [--settle 3] [PATH ...]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, CHROMIUM_FLAGS, serve_directory  # noqa: E402

PAGES = ["", "timeline/", "rounds/2025-09-madrid/", "deadlines/"]
TARGETS = {"search": "label.md-header__button[for='__search']", "menu": "label.md-header__button[for='__drawer']"}
MOBILE = {"width": 412, "height": 823}
SLOWDOWN = 4  # Lighthouse's mobile preset

# From the tap (pointerdown) to the answer, polled each frame.
_READY = """() => {
  window.__tttReady = null;
  addEventListener("pointerdown", () => {
    const start = performance.now();
    const check = () => {
      const search = document.querySelector("input[data-md-component=search-query]");
      const drawer = document.getElementById("__drawer");
      if (document.activeElement === search || (drawer && drawer.checked)) {
        window.__tttReady = performance.now() - start;
      } else if (performance.now() - start < 5000) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, {capture: true, once: true});
}"""

_OBSERVE = """() => {
  window.__tttEvents = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__tttEvents.push([e.name, e.duration, e.interactionId]);
  }).observe({type: "event", durationThreshold: 16, buffered: true});
}"""


def first_tap(browser, url: str, selector: str, settle: float) -> tuple[float, float | None]:
    """Milliseconds from the first tap to the next paint (the longest event of the tap), and from
    the tap until the page answers it in full: the search box focused, ready for typing (search),
    or the navigation drawer shown (menu)."""
    context = browser.new_context(viewport=MOBILE, is_mobile=True, has_touch=True, device_scale_factor=2)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": SLOWDOWN})
    page.goto(url, wait_until="load")
    page.evaluate(_OBSERVE)
    page.wait_for_timeout(settle * 1000)
    page.evaluate(_READY)
    page.locator(selector).first.tap()
    page.wait_for_timeout(1500)
    events, ready = page.evaluate("[window.__tttEvents, window.__tttReady]")
    context.close()
    taps = [duration for name, duration, interaction in events
            if interaction and name in ("pointerdown", "pointerup", "click", "touchstart", "touchend")]
    return max(taps, default=0.0), ready


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=PAGES)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=3.0, help="seconds between load and the tap")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows = []
    with serve_directory(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", CHROMIUM),
                                             args=CHROMIUM_FLAGS)
        for path in args.paths:
            for target, selector in TARGETS.items():
                results = [first_tap(browser, base + path, selector, args.settle) for _ in range(args.runs)]
                taps = [tap for tap, _ in results]
                ready = [r if r is not None else float("inf") for _, r in results]
                rows.append((path or "(home)", target, statistics.median(taps), max(taps), statistics.median(ready)))
        browser.close()
    if args.markdown:
        print(f"| page | first tap on | tap to next paint, median ms (n={args.runs}) | worst ms | tap to ready, "
              "median ms |\n| --- | --- | ---: | ---: | ---: |")
        for path, target, median, worst, ready in rows:
            print(f"| {path} | {target} | {median:.0f} | {worst:.0f} | {ready:.0f} |")
    else:
        for path, target, median, worst, ready in rows:
            print(f"{path:28} {target:7} tap to paint: median {median:5.0f} ms, worst {worst:5.0f} ms; "
                  f"tap to ready: median {ready:5.0f} ms (n={args.runs}, {SLOWDOWN}x CPU slowdown)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
