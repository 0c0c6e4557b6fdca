from django.apps import AppConfig


class MeasuresConfig(AppConfig):
    name = "measures"
    verbose_name = "指标 Measures"

    def ready(self) -> None:
        from django.db.models import CharField

        from measures.indicator_words import ILike

        CharField.register_lookup(ILike)
