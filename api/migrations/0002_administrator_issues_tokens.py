"""Administrators issue and revoke partner tokens (the roles themselves come from bulletins 0002)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CODENAMES = ("add_apitoken", "change_apitoken", "view_apitoken")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("api")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    administrator, _ = Group.objects.get_or_create(name="Administrator")
    administrator.permissions.add(*Permission.objects.filter(content_type__app_label="api", codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("api", "0001_initial"), ("bulletins", "0002_roles")]
    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
