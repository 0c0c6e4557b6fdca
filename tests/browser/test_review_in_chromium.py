"""A reviewer in a real browser: open a parsed bulletin, correct a figure, publish, see it public."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group

from bulletins.services import bulletin_parse, bulletin_upload_bytes
from measures.models import Metric
from tests.factories import UserFactory

# 𪚥 (U+2A6A5) is outside the BMP: one code point for Python, two UTF-16 units for the browser.
TEXT = "𪚥溪村扶贫简报\n\n城口县𪚥溪村建成中蜂养殖场4个，带动860户贫困户养殖中蜂。\n"
PASSWORD = "correct horse battery staple"


@pytest.fixture
def reviewer_and_bulletin():
    reviewer = UserFactory(username="reviewer", is_staff=True, password=PASSWORD)
    reviewer.groups.add(Group.objects.get(name="Reviewer"))
    bulletin = bulletin_upload_bytes(name="chengkou.txt", data=TEXT.encode()).bulletin
    return reviewer, bulletin_parse(bulletin_id=bulletin.pk)


def log_in(page, base_url: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")


# serialized_rollback: the divisions and roles that migrations load survive this test
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_reviewer_corrects_a_value_publishes_and_the_public_page_shows_it(
    live_server, browser_page, reviewer_and_bulletin
):
    _reviewer, bulletin = reviewer_and_bulletin
    figure = Metric.objects.get(bulletin=bulletin, source_text="4个")
    page = browser_page
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/admin/bulletins/bulletin/{bulletin.pk}/review/")

    highlight = page.locator(f".hl-metric[data-metric='{figure.pk}']")
    assert highlight.inner_text() == "4个"  # the highlight sits on its figure despite the non-BMP character
    highlight.click()
    row = page.locator(f"#metric-{figure.pk}")
    assert "selected" in row.get_attribute("class")
    row.locator("input[name$='-value']").fill("6")
    page.click("input[name=save]")
    page.wait_for_selector(".messagelist")
    page.click("input[name=publish]")
    page.wait_for_selector(".messagelist")

    page.goto(f"{live_server.url}/bulletins/{bulletin.pk}/")
    assert page.locator(f"tr[data-metric='{figure.pk}'] td.value").inner_text() == "6"
    figure.refresh_from_db()
    assert (figure.value, figure.by_person) == (Decimal(6), True)


# serialized_rollback: the divisions and roles that migrations load survive this test
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_selecting_text_after_a_character_outside_the_bmp_gives_code_point_offsets(
    live_server, browser_page, reviewer_and_bulletin
):
    _reviewer, bulletin = reviewer_and_bulletin
    page = browser_page
    log_in(page, live_server.url)
    page.goto(f"{live_server.url}/admin/bulletins/bulletin/{bulletin.pk}/review/")
    target = "中蜂养殖场"
    # Select the words in the page exactly as a person dragging the mouse would.
    page.evaluate(
        """(target) => {
            const walker = document.createTreeWalker(document.getElementById('review-text'), NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(target);
                if (at >= 0) {
                    const range = document.createRange();
                    range.setStart(node, at);
                    range.setEnd(node, at + target.length);
                    const selection = window.getSelection();
                    selection.removeAllRanges();
                    selection.addRange(range);
                    return;
                }
            }
        }""",
        target,
    )
    page.wait_for_function("() => document.getElementById('id_add-start').value !== ''")  # a function: no eval()
    start = int(page.input_value("#id_add-start"))
    end = int(page.input_value("#id_add-end"))
    assert bulletin.text[start:end] == target
    assert page.locator("#add-selection").inner_text() == target
