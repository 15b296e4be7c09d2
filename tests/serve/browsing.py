"""The browser page of the web tests: offline, every CSP violation and script error fails."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
CSP_LISTENER = """document.addEventListener("securitypolicyviolation", (event) =>
  console.error("CSP violation: " + event.violatedDirective + " " + event.blockedURI));"""


def open_page(browser: Any, live_server: str, width: int = 1280,
              height: int = 900) -> Iterator[Any]:
    """A page at ``width`` × ``height`` that may load only from the live server."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  base_url=live_server)
    # Pages must work offline: any request off the server is a failure.
    context.route("**/*", lambda route: route.continue_()
                  if route.request.url.startswith(live_server) else route.abort())
    errors: list[str] = []
    # A Content-Security-Policy violation (an inline style or script the policy blocks) is
    # reported as an event; log it to the console so every page of every test is checked.
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text)
            if "Content Security Policy" in message.text or "CSP violation" in message.text
            else None)
    yield page
    context.close()
    assert not errors, errors


def shoot(page: Any, name: str, full_page: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)
