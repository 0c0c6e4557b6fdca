"""The worst hostile page (tests/hostile/files/script_everywhere.html) in a real browser: nothing of it runs.

Its payloads set ``window.__pwned`` or open a dialog; both are watched on the review desk and on the
public page. The Content-Security-Policy is shown to be enforced by an inline script that the browser
refuses, while the desk's own script (static/bulletins/review.js) keeps working.
"""

from pathlib import Path

import pytest

from bulletins.models import Bulletin
from bulletins.services import bulletin_parse, bulletin_upload_bytes
from tests.factories import StaffUserFactory, published

WORST = Path(__file__).resolve().parent.parent / "hostile" / "files" / "script_everywhere.html"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def watched(browser_page):
    """The page with every dialog and CSP report it raises written down (dialogs are dismissed)."""
    dialogs, violations = [], []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    browser_page.on("dialog", on_dialog)
    browser_page.on("console", lambda m: "Content Security Policy" in m.text and violations.append(m.text))
    return browser_page, dialogs, violations


@pytest.fixture
def worst_bulletin() -> Bulletin:
    bulletin = bulletin_upload_bytes(name="<svg onload=alert(1)>.html", data=WORST.read_bytes()).bulletin
    bulletin = bulletin_parse(bulletin_id=bulletin.pk)
    assert bulletin.status == Bulletin.Status.PARSED
    return bulletin


def log_in(page, base_url: str) -> None:
    StaffUserFactory(username="hostile-reviewer", password=PASSWORD)
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", "hostile-reviewer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def nothing_ran(page) -> bool:
    return page.evaluate("typeof window.__pwned === 'undefined'")


def inline_script_is_refused(page) -> bool:
    """Add an inline script the way injected markup would: with the policy enforced it never runs."""
    page.evaluate("""() => {
        const probe = document.createElement('script');
        probe.textContent = 'window.__inlineRan = true;';
        document.body.appendChild(probe);
    }""")
    return page.evaluate("window.__inlineRan !== true")


# serialized_rollback: the divisions and roles that migrations load survive this test
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_review_desk_shows_the_worst_page_as_text_and_runs_none_of_it(live_server, watched, worst_bulletin):
    page, dialogs, violations = watched
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/admin/bulletins/bulletin/{worst_bulletin.pk}/review/")
    page.wait_for_load_state("load")

    assert "<script>alert(1)</script>雷山县" in page.inner_text("#review-text")  # shown, as text
    assert nothing_ran(page) and dialogs == []
    assert violations == []  # the desk itself needs nothing the policy forbids
    figure = page.locator(".hl-metric", has_text="1200万元").first
    figure.click()  # review.js still works: the figure's row is selected
    assert "selected" in page.locator("tr.metric-row.selected").first.get_attribute("class")

    assert inline_script_is_refused(page)
    page.wait_for_timeout(200)
    assert violations, "the browser reported no CSP violation for the refused inline script"


# serialized_rollback: the divisions and roles that migrations load survive this test
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_public_page_of_the_worst_bulletin_runs_none_of_it(live_server, watched, worst_bulletin):
    page, dialogs, violations = watched
    bulletin = published(worst_bulletin)
    for path in (f"/bulletins/{bulletin.pk}/", "/bulletins/?q=%E9%9B%B7%E5%B1%B1", "/metrics/", "/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        page.mouse.move(200, 200)  # hover handlers, had any survived
        assert nothing_ran(page), path
    page.goto(f"{live_server.url}/bulletins/{bulletin.pk}/")
    assert "<script>alert(1)</script>" in page.inner_text("main")
    assert dialogs == [] and violations == []
    assert inline_script_is_refused(page)


# serialized_rollback: the divisions and roles that migrations load survive this test
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_admin_pages_need_nothing_the_policy_forbids(live_server, watched, worst_bulletin):
    page, dialogs, violations = watched
    log_in(page, live_server.url)
    for path in ("/admin/", "/admin/bulletins/bulletin/", f"/admin/bulletins/bulletin/{worst_bulletin.pk}/change/",
                 "/admin/bulletins/bulletin/upload/", f"/admin/bulletins/bulletin/{worst_bulletin.pk}/history/",
                 "/admin/measures/metric/"):
        page.goto(live_server.url + path)
        page.wait_for_load_state("load")
        assert violations == [], path
    assert nothing_ran(page) and dialogs == []
