from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from bulletins import views
from fupin_portal.views import healthz
from measures import views as measure_views

admin.site.site_header = _("扶贫简报数据门户")
admin.site.site_title = _("扶贫简报数据门户")

urlpatterns = [
    path("", views.home, name="home"),
    path("bulletins/", views.bulletin_listing, name="bulletin-list"),
    path("bulletins/<int:pk>/", views.bulletin_detail, name="bulletin-detail"),
    path("bulletins/<int:pk>/original", views.original_download, name="bulletin-original"),
    path("metrics/", measure_views.metric_explorer, name="metric-explorer"),
    path("metrics.csv", measure_views.metric_csv, name="metric-csv"),
    path("regions/<str:code>/", measure_views.region_detail, name="region-detail"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("healthz", healthz, name="healthz"),
]

# MEDIA_ROOT is never served as such: originals go through bulletin-original, which checks who may see them.
