"""The reviewer's desk: a bulletin's text with every extraction highlighted, beside editable records."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin import ModelAdmin
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from bulletins import access
from bulletins.highlight import highlighted_text, spans_for
from bulletins.models import Bulletin
from bulletins.services import (
    TransitionError,
    bulletin_mark_reviewed,
    bulletin_publish,
    bulletin_request_reparse,
)
from measures.forms import MetricAddForm, MetricReviewForm, ProgramReviewForm
from measures.models import Metric, Program
from measures.services import (
    metric_review_create,
    metric_review_delete,
    metric_review_update,
    program_review_delete,
    program_review_update,
)


def review_view(model_admin: ModelAdmin, request: HttpRequest, bulletin_id: int) -> HttpResponse:
    bulletin = get_object_or_404(model_admin.get_queryset(request), pk=bulletin_id)
    if not request.user.has_perm("measures.view_metric"):
        raise PermissionDenied
    if request.method == "POST" and not access.may_change(request.user, bulletin):
        raise PermissionDenied
    metrics = Metric.objects.filter(bulletin=bulletin).select_related("region", "program").order_by("start", "id")
    can_edit = request.user.has_perm("measures.change_metric") and access.may_change(request.user, bulletin)
    formset_class = forms.modelformset_factory(Metric, form=MetricReviewForm, extra=0, can_delete=can_edit)
    formset = formset_class(
        request.POST if request.method == "POST" and "save" in request.POST else None,
        queryset=metrics,
        form_kwargs={"bulletin": bulletin},
        prefix="metric",
    )
    program_formset = forms.modelformset_factory(Program, form=ProgramReviewForm, extra=0, can_delete=can_edit)(
        request.POST if request.method == "POST" and "save_programs" in request.POST else None,
        queryset=Program.objects.filter(bulletin=bulletin).prefetch_related("regions").order_by("start", "id"),
        prefix="program",
    )
    add_form = MetricAddForm(
        request.POST if request.method == "POST" and "add" in request.POST else None,
        bulletin=bulletin,
        prefix="add",
    )
    if request.method == "POST":
        try:
            done = _handle_post(request, bulletin, formset, add_form, program_formset)
        except (PermissionDenied, TransitionError, ValidationError) as error:
            messages.error(request, getattr(error, "message", None) or "; ".join(getattr(error, "messages", [])))
            done = False
        if done:
            model_admin.log_change(request, bulletin, done)
            messages.success(request, done)
            return HttpResponseRedirect(request.path)
    mentions = list(bulletin.region_mentions.select_related("region"))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": f"审核：{bulletin}",
        "bulletin": bulletin,
        "text": highlighted_text(bulletin.text, spans_for(bulletin, mentions)),
        "formset": formset,
        "program_formset": program_formset,
        "can_reparse": request.user.has_perm("bulletins.reparse_bulletin"),
        "add_form": add_form,
        "can_edit": can_edit,
        "can_publish": request.user.has_perm("bulletins.publish_bulletin"),
        "mentions": mentions,
        "transitions": bulletin.transitions.select_related("by")[:20],
        "twins": access.bulletins_visible_to(request.user)
        .filter(text_sha256=bulletin.text_sha256)
        .exclude(pk=bulletin.pk)
        if bulletin.text_sha256
        else Bulletin.objects.none(),
    }
    return render(request, "admin/bulletins/bulletin/review.html", context)


def _handle_post(request, bulletin: Bulletin, formset, add_form, program_formset) -> str | bool:
    user = request.user
    if "save_programs" in request.POST:
        if not program_formset.is_valid():
            messages.error(request, "项目字段填写不正确。")
            return False
        changed = 0
        for form in program_formset.forms:
            if program_formset.can_delete and program_formset._should_delete_form(form):
                program_review_delete(program=form.instance, by=user)
                changed += 1
            elif form.has_changed():
                changes = {f: form.cleaned_data[f] for f in form.changed_data if f != "region_codes"}
                changes["regions"] = form.cleaned_data["region_codes"]
                program_review_update(program=Program.objects.get(pk=form.instance.pk), changes=changes, by=user)
                changed += 1
        return f"已保存 {changed} 个项目的修改。"
    if "reparse" in request.POST:
        bulletin_request_reparse(bulletin=bulletin, by=user)
        return "已重新排队解析；人工修改的指标和项目会保留。"
    if "save" in request.POST:
        if not formset.is_valid():
            messages.error(request, "有字段填写不正确，请检查标红的行。")
            return False
        changed = deleted = 0
        for form in formset.forms:
            if form.instance.pk is None:
                continue
            if formset.can_delete and formset._should_delete_form(form):
                metric_review_delete(metric=form.instance, by=user)
                deleted += 1
            elif form.has_changed():
                metric_review_update(
                    metric=Metric.objects.get(pk=form.instance.pk),
                    changes={f: form.cleaned_data[f] for f in form.changed_data},
                    by=user,
                )
                changed += 1
        return f"已保存：修改 {changed} 条，删除 {deleted} 条指标。"
    if "add" in request.POST:
        if not add_form.is_valid():
            messages.error(request, "新增指标的字段填写不正确。")
            return False
        data = add_form.cleaned_data
        metric_review_create(
            bulletin=bulletin, start=data["start"], end=data["end"],
            fields={k: v for k, v in data.items() if k not in ("start", "end")}, by=user,
        )
        return "已新增一条指标。"
    if "reviewed" in request.POST:
        bulletin_mark_reviewed(bulletin=bulletin, by=user)
        return "已标记为审核完成。"
    if "publish" in request.POST:
        bulletin_publish(bulletin=bulletin, by=user)
        return "已发布。"
    return False


def status_view(model_admin: ModelAdmin, request: HttpRequest) -> JsonResponse:
    """Statuses of the listed bulletins, polled by the list page while the worker runs."""
    ids = [int(i) for i in request.GET.get("ids", "").split(",") if i.strip().isdigit()][:200]
    rows = model_admin.get_queryset(request).filter(pk__in=ids).values_list("pk", "status", "error_message")
    labels = dict(Bulletin.Status.choices)
    return JsonResponse(
        {str(pk): {"status": status, "label": str(labels[status]), "error": error} for pk, status, error in rows}
    )


def review_url(bulletin: Bulletin) -> str:
    return reverse("admin:bulletins_bulletin_review", args=[bulletin.pk])
