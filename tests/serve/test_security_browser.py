"""The Content-Security-Policy is enforced in real Chromium, and its violations are seen
(test_browser.py fails every page on one)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.serve.browsing import CSP_LISTENER

pytestmark = pytest.mark.frog


def test_policy_blocks_inline_script_and_style(browser: Any, live_server: str) -> None:
    context = browser.new_context(base_url=live_server)
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text))
    page.goto("/")
    page.evaluate("""() => {
        const box = document.createElement('div');
        box.innerHTML = '<p id="styled" style="color: rgb(255, 0, 0)">x</p>';
        document.body.appendChild(box);
        const script = document.createElement('script');
        script.textContent = 'window.ranInline = true';
        document.body.appendChild(script);
    }""")
    page.wait_for_function("() => true")
    assert page.evaluate("window.ranInline === undefined")
    assert page.evaluate("getComputedStyle(document.getElementById('styled')).color") \
        != "rgb(255, 0, 0)"
    violations = [text for text in seen if text.startswith("CSP violation")]
    assert any("script-src" in text for text in violations), seen
    assert any("style-src" in text for text in violations), seen
    context.close()
