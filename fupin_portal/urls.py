from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import path

from bulletins import views

admin.site.site_header = "扶贫简报数据门户"
admin.site.site_title = "扶贫简报数据门户"

urlpatterns = [
    path("", views.home, name="home"),
    path("bulletins/<int:pk>/", views.bulletin_detail, name="bulletin-detail"),
    path("admin/", admin.site.urls),
]

# Original uploads, for the embedded development server only (static() is empty unless DEBUG);
# a deployment serves MEDIA_ROOT itself.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
