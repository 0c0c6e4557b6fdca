"""Factories for the portal's models (factory_boy)."""

import hashlib
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from bulletins.models import Bulletin
from measures.models import Metric, Program, Region

SAMPLE_TEXT = "安康扶贫工作简报第十二期\n\n平利县组织党员干部2100余名，与4870户贫困户建立一对一帮扶关系。\n"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


class StaffUserFactory(UserFactory):
    is_staff = True
    is_superuser = True


class BulletinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bulletin

    class Params:
        content = factory.Sequence(lambda n: f"{SAMPLE_TEXT}第{n}份。".encode())

    original_name = factory.Sequence(lambda n: f"bulletin-{n}.txt")
    sha256 = factory.LazyAttribute(lambda o: hashlib.sha256(o.content).hexdigest())
    size = factory.LazyAttribute(lambda o: len(o.content))
    original = factory.LazyAttribute(lambda o: ContentFile(o.content, name=o.original_name))
    title = factory.Sequence(lambda n: f"扶贫专报第{n}期")
    status = Bulletin.Status.PARSED


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"9{n:05d}")
    name = factory.Sequence(lambda n: f"测试县{n}")
    level = Region.Level.COUNTY


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    bulletin = factory.SubFactory(BulletinFactory)
    title = "做大魔芋产业带领贫困群众脱贫"
    category = Program.Category.INDUSTRY


class MetricFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Metric

    bulletin = factory.SubFactory(BulletinFactory)
    indicator = "贫困户"
    value = Decimal("4870")
    unit = "户"
    source_text = "4870户"
    start = 0
    end = 5


def published(bulletin: Bulletin) -> Bulletin:
    """Publish through the service, as a reviewer would, so every copy of the status follows."""
    from bulletins.services import bulletin_publish

    reviewer = UserFactory(username="factory-reviewer", is_staff=True, is_superuser=True)
    return bulletin_publish(bulletin=bulletin, by=reviewer)
