"""The admin of a bulletin and its records, asking bulletins.access at every door.

Django's own views ask ``get_queryset`` and ``has_*_permission(request, obj)``; django-simple-history's
two history views look objects up by themselves and check only the model-wide view permission, and
its revert saves the whole historical row (status included) past our services. Both history views
are wrapped here: an object the person may not see is a 404, a revert needs change permission on
that very object and goes through ``save_model`` (the services) with the editable fields only.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Model
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from bulletins import access


class RecordAccessAdmin(SimpleHistoryAdmin):
    """A SimpleHistoryAdmin whose every view obeys bulletins.access."""

    access_via = ""  # path from the model to its bulletin: "" for Bulletin, "bulletin__" for its records

    def get_queryset(self, request: HttpRequest):
        return access.visible(request.user, super().get_queryset(request), via=self.access_via)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if obj is None:
            return super().has_view_permission(request)
        return access.may_view(request.user, obj)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if obj is None:
            return super().has_change_permission(request)
        return access.may_change(request.user, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if obj is None:
            return super().has_delete_permission(request)
        return access.may_delete(request.user, obj)

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Not found and not yours to see answer alike, and plainly: a 404, not a redirect with a message.
        raise Http404

    def _live_or_deleted(self, request: HttpRequest, object_id: str) -> Model | None:
        """The object if the person may see it; None if it was deleted and they may see every upload."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied  # the role has no access to this kind of record at all
        obj = self.get_object(request, unquote(object_id))
        if obj is not None:
            return obj
        try:
            exists = self.model.objects.filter(pk=unquote(object_id)).exists()
        except (ValueError, ValidationError):
            raise Http404 from None
        if not exists and access.sees_every_upload(request.user):
            return None
        raise Http404

    def history_view(self, request: HttpRequest, object_id: str, extra_context=None) -> HttpResponse:
        self._live_or_deleted(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request: HttpRequest, object_id: str, version_id: str, extra_context=None):
        live = self._live_or_deleted(request, object_id)
        versions = self.model.history.filter(**{self.model._meta.pk.attname: unquote(object_id)})
        try:
            found = versions.filter(history_id=unquote(version_id)).exists()
        except (ValueError, ValidationError):
            found = False
        if not found:
            raise Http404
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        if live is None or not self.has_change_permission(request, live):
            raise PermissionDenied
        return self._revert(request, live)

    def _revert(self, request: HttpRequest, live: Model) -> HttpResponse:
        """The version's values as the person submitted them, applied to the live object like an edit."""
        form = self.get_form(request, live, change=True)(request.POST, request.FILES, instance=live)
        if not form.is_valid():
            messages.error(request, _("请改正标出的错误后再保存。"))
            return HttpResponseRedirect(request.path)
        obj = self.save_form(request, form, change=True)
        self.save_model(request, obj, form, change=True)
        self.save_related(request, form, [], change=True)
        self.log_change(request, obj, self.construct_change_message(request, form, []))
        info = self.model._meta.app_label, self.model._meta.model_name
        return HttpResponseRedirect(reverse(f"admin:{info[0]}_{info[1]}_change", args=[obj.pk]))
