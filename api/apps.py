from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "合作方接口 Partner API"

    def ready(self) -> None:
        from api import schema  # noqa: F401  registers the token scheme with drf-spectacular
