"""Upload one file through the admin upload page in a process of its own, configured by its environment.

Usage: python -m tests.delivery.admin_upload USERNAME FILE; prints the response status and the seconds taken.
The fault tests run it to upload with a broker of their own (one they can stop) without touching the
Celery app of the test process.
"""

import os
import sys
import time
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fupin_portal.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402


def main(username: str, path: str) -> None:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    upload = SimpleUploadedFile(Path(path).name, Path(path).read_bytes())
    started = time.perf_counter()
    response = client.post(reverse("admin:bulletins_bulletin_upload"), {"files": [upload]})
    print(response.status_code, f"{time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
