from django.urls import include, path
from rest_framework.routers import DefaultRouter

from api import views

app_name = "api"

router = DefaultRouter()
router.register("bulletins", views.BulletinViewSet, basename="bulletin")
router.register("metrics", views.MetricViewSet, basename="metric")
router.register("programs", views.ProgramViewSet, basename="program")
router.register("regions", views.RegionViewSet, basename="region")
router.register("removals", views.RemovalViewSet, basename="removal")
router.register("uploads", views.UploadViewSet, basename="upload")

urlpatterns = [
    path("exports/metrics.csv", views.MetricCSVView.as_view(), name="metric-export-csv"),
    path("exports/metrics.ndjson", views.MetricNDJSONView.as_view(), name="metric-export-ndjson"),
    path("", include(router.urls)),
]
