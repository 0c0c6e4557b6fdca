from django.conf import settings
from django.contrib import admin
from django.urls import path
from django.views.static import serve

from bulletins import views

admin.site.site_header = "扶贫简报数据门户"
admin.site.site_title = "扶贫简报数据门户"

urlpatterns = [
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    # Original uploads, for the embedded development server only; a deployment serves MEDIA_ROOT itself.
    urlpatterns += [path(f"{settings.MEDIA_URL}<path:path>", serve, {"document_root": settings.MEDIA_ROOT})]
