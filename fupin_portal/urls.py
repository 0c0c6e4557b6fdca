from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import path

from bulletins import views
from measures import views as measure_views

admin.site.site_header = "扶贫简报数据门户"
admin.site.site_title = "扶贫简报数据门户"

urlpatterns = [
    path("", views.home, name="home"),
    path("bulletins/", views.bulletin_listing, name="bulletin-list"),
    path("bulletins/<int:pk>/", views.bulletin_detail, name="bulletin-detail"),
    path("metrics/", measure_views.metric_explorer, name="metric-explorer"),
    path("metrics.csv", measure_views.metric_csv, name="metric-csv"),
    path("regions/<str:code>/", measure_views.region_detail, name="region-detail"),
    path("admin/", admin.site.urls),
]

# Original uploads, for the embedded development server only (static() is empty unless DEBUG);
# a deployment serves MEDIA_ROOT itself.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
