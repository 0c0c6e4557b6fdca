"""The three roles: Editor (upload, follow own uploads), Reviewer (check, correct, publish), Administrator."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLES = {
    "Editor": [
        "bulletins.add_bulletin",
        "bulletins.view_bulletin",
    ],
    "Reviewer": [
        "bulletins.view_bulletin",
        "bulletins.change_bulletin",
        "bulletins.view_all_bulletins",
        "bulletins.publish_bulletin",
        "bulletins.reparse_bulletin",
        "bulletins.view_bulletintransition",
        "bulletins.view_historicalbulletin",
        "measures.view_metric",
        "measures.add_metric",
        "measures.change_metric",
        "measures.delete_metric",
        "measures.view_historicalmetric",
        "measures.view_program",
        "measures.add_program",
        "measures.change_program",
        "measures.delete_program",
        "measures.view_historicalprogram",
        "measures.view_region",
    ],
}
ADMINISTRATOR_APPS = ("bulletins", "measures", "auth")


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")

    def permissions(names):
        found = []
        for name in names:
            app_label, codename = name.split(".")
            found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        return found

    for role, names in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(permissions(names))
    administrator, _ = Group.objects.get_or_create(name="Administrator")
    administrator.permissions.set(Permission.objects.filter(content_type__app_label__in=ADMINISTRATOR_APPS))


class Migration(migrations.Migration):
    dependencies = [
        ("bulletins", "0001_initial"),
        ("measures", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
