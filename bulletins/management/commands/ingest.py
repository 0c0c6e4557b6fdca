from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError

from bulletins.pipeline.decode import SUPPORTED_EXTENSIONS
from bulletins.services import bulletin_upload


class Command(BaseCommand):
    help = "Upload bulletin files (or every supported file in the given folders) and queue their parsing."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)

    def handle(self, *args, paths: list[Path], **options):
        files = []
        for path in paths:
            if path.is_dir():
                files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS
                                and not p.name.startswith("."))
            elif path.is_file():
                files.append(path)
            else:
                raise CommandError(f"no such file or folder: {path}")
        created = 0
        for path in files:
            with path.open("rb") as handle:
                result = bulletin_upload(file=File(handle, name=path.name))
            bulletin = result.bulletin
            bulletin.refresh_from_db()
            if result.created:
                created += 1
                note = bulletin.error_message if bulletin.status == bulletin.Status.FAILED else ""
                self.stdout.write(f"{path}: bulletin {bulletin.pk} {bulletin.status} {note}".rstrip())
            else:
                self.stdout.write(f"{path}: already uploaded as bulletin {bulletin.pk} ({bulletin.status})")
        self.stdout.write(f"{created} new of {len(files)} files")
