"""The HTML statement in a real browser: axe-core finds nothing at WCAG 2.2 AA, it reflows.

Debian's chromium (installed by scripts/bootstrap.sh), driven by Playwright; never
`playwright install`, which downloads a browser. axe-core is the copy bundled with
axe-playwright-python.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright
from report_samples import warehouse_assessment
from test_report_copies import hostile_assessment

from workerimpact.report.copies import export_copy

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture(scope="module")
def browser():
    assert CHROMIUM.exists(), "chromium is missing: run scripts/bootstrap.sh test"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("html")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WORKERIMPACT_HOME", str(folder / "home"))
        warehouse = warehouse_assessment()
    made = {}
    for name, assessment in (("warehouse", warehouse), ("hostile", hostile_assessment())):
        made[name] = folder / f"{name}.html"
        export_copy(assessment, made[name], "html")
    return made


def _violations(browser, url: str) -> list[str]:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": WCAG_22_AA}, "resultTypes": ["violations"]},
    )
    page.close()
    assert [url_ for url_ in requests if not url_.startswith("file:")] == []
    return [
        f"{item['id']}: {item['help']} ({len(item['nodes'])} elements)"
        for item in results.response["violations"]
    ]


@pytest.mark.parametrize("name", ["warehouse", "hostile"])
def test_no_axe_violations(browser, pages, name: str) -> None:
    assert _violations(browser, pages[name].as_uri()) == []


def test_axe_does_find_violations(browser, tmp_path: Path) -> None:
    """The check can fail: a page with an unlabelled image and low contrast is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text(
        '<!DOCTYPE html><html><head><title>x</title></head><body><img src="data:,">'
        '<p style="color:#bbb;background:#fff">faint</p></body></html>',
        encoding="utf-8",
    )
    found = " ".join(_violations(browser, bad.as_uri()))
    assert "image-alt" in found and "color-contrast" in found and "html-has-lang" in found


@pytest.mark.parametrize("width", [640, 320])
def test_reflows_without_scrolling_sideways(browser, pages, width: int) -> None:
    """640 CSS pixels is a 1280-pixel window at 200% zoom; 320 is WCAG's reflow width."""
    for path in pages.values():
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(path.as_uri())
        scroll, client = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        page.close()
        assert scroll <= client, f"{path.name} scrolls sideways at {width}px"


def test_zoomed_text_is_larger(browser, pages) -> None:
    """Text sizes in rem follow the reader's zoom: nothing is fixed in pixels."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(pages["warehouse"].as_uri())
    normal = page.evaluate("getComputedStyle(document.querySelector('h1')).fontSize")
    page.evaluate("document.documentElement.style.fontSize = '200%'")
    zoomed = page.evaluate("getComputedStyle(document.querySelector('h1')).fontSize")
    page.close()
    assert float(zoomed.removesuffix("px")) == 2 * float(normal.removesuffix("px"))
