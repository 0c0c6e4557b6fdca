from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from bulletins.templatetags.figures import plain_number
from measures.models import Metric, Program, Region


class PlainNumberInput(forms.TextInput):
    """Shows 10000000 rather than 10000000.000000; the comparison for "changed" stays on Decimals."""

    def format_value(self, value):
        return plain_number(value) if isinstance(value, Decimal) else super().format_value(value)


class RegionCodeField(forms.ModelChoiceField):
    """A division by its 6-digit code: a text box, since a select of 3,400 divisions helps nobody."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("queryset", Region.objects.all())
        kwargs.setdefault("to_field_name", "code")
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput(attrs={"size": 7, "placeholder": "500155"}))
        super().__init__(**kwargs)


class MetricReviewForm(forms.ModelForm):
    region = RegionCodeField(label=_("地区代码"))

    class Meta:
        model = Metric
        fields = ("value", "value_max", "unit", "qualifier", "indicator", "region", "program")
        widgets = {
            "value": PlainNumberInput(attrs={"size": 10}),
            "value_max": PlainNumberInput(attrs={"size": 8}),
            "unit": forms.TextInput(attrs={"size": 5}),
            "indicator": forms.TextInput(attrs={"size": 16}),
        }

    def __init__(self, *args, bulletin=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.region_id:
            # The field speaks in codes; the model's initial value is the primary key.
            self.initial["region"] = self.instance.region.code
        programs = Program.objects.filter(bulletin=bulletin) if bulletin else Program.objects.none()
        self.fields["program"].queryset = programs
        self.fields["program"].required = False


class MetricAddForm(MetricReviewForm):
    start = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    end = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta(MetricReviewForm.Meta):
        fields = ("start", "end", *MetricReviewForm.Meta.fields)


class ProgramReviewForm(forms.ModelForm):
    region_codes = forms.CharField(
        label=_("地区代码"), required=False, widget=forms.TextInput(attrs={"size": 20}),
        help_text=_("以空格分隔的 6 位区划代码"),
    )

    class Meta:
        model = Program
        fields = ("title", "category")
        widgets = {"title": forms.TextInput(attrs={"size": 24})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["region_codes"] = " ".join(r.code for r in self.instance.regions.all())

    def clean_region_codes(self) -> list[Region]:
        codes = self.cleaned_data["region_codes"].split()
        regions = list(Region.objects.filter(code__in=codes))
        unknown = set(codes) - {r.code for r in regions}
        if unknown:
            raise forms.ValidationError(_("未知的区划代码：%(codes)s"), params={"codes": " ".join(sorted(unknown))})
        return regions
