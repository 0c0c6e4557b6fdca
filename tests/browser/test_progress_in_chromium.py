"""The bulletin list follows the worker: statuses change on screen without a reload."""

import pytest

from bulletins.models import Bulletin
from tests.factories import BulletinFactory, StaffUserFactory

PASSWORD = "correct horse battery staple"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_list_shows_a_bulletin_move_from_uploaded_to_parsed(live_server, browser_page):
    StaffUserFactory(username="editor", password=PASSWORD)
    bulletin = BulletinFactory(title="进度测试简报", status=Bulletin.Status.UPLOADED)
    page = browser_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/bulletins/bulletin/")
    badge = page.locator(f".bulletin-status[data-bulletin='{bulletin.pk}']")
    assert badge.inner_text() == "已上传"

    Bulletin.objects.filter(pk=bulletin.pk).update(status=Bulletin.Status.PARSED)  # as the worker would

    # A function, not an expression string: Playwright evaluates strings with eval(), which the CSP forbids.
    page.wait_for_function(
        "(pk) => document.querySelector(`.bulletin-status[data-bulletin='${pk}']`).textContent === '已解析'",
        arg=bulletin.pk,
        timeout=10000,
    )
