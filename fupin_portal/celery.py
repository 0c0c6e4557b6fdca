"""The Celery application.

Workers run ``celery -A fupin_portal worker``; configuration comes from Django settings
under the ``CELERY_`` prefix, so one environment configures the portal and its workers.
"""
import os

from celery import Celery

from fupin_portal import worker_limits  # noqa: F401 -- each pool child caps its memory as it starts

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fupin_portal.settings")

app = Celery("fupin_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
