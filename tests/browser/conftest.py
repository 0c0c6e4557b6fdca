import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(autouse=True)
def _plain_static_files(settings):
    # The live server finds static files by their source names, not collectstatic's hashed ones.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def browser_page():
    """A page in Debian's headless Chromium, driven by Playwright (no browser download)."""
    if not shutil.which(CHROMIUM):
        pytest.fail("Debian's chromium is required for browser tests: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM work stays outside page steps.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run", "--disable-quic"],
        )
        # A Chinese reader's browser: Chromium's own default (en-US) would get the English interface.
        page = browser.new_page(locale="zh-CN")
        page.set_default_timeout(15000)
        yield page
        browser.close()
        # Queries made while Playwright runs open a connection in its context; close it, or the
        # test database cannot be dropped at the end of the run.
        from django.db import connections

        connections.close_all()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
