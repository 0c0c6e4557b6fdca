import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from bulletins.pipeline import ParseError, parse_document
from bulletins.services import parser_config


class Command(BaseCommand):
    help = "Parse one bulletin file and print its extraction record (no database needed)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--json", action="store_true", help="print the record as JSON (SCHEMA.md)")

    def handle(self, *args, file: Path, json: bool = False, **options):
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise CommandError(f"cannot read {file}: {exc}") from exc
        try:
            record = parse_document(data, file.name, parser_config())
        except ParseError as exc:
            raise CommandError(f"{exc.code}: {exc.message}") from exc
        if json:
            self.stdout.write(_dumps(record.to_json()))
            return
        self.stdout.write(f"{record.title} | {record.issue} | {record.published_on} | {record.issuer}")
        self.stdout.write(f"format={record.format} encoding={record.encoding} chars={len(record.text)}")
        self.stdout.write(f"regions: {', '.join(r.name for r in record.regions)}")
        for program in record.programs:
            self.stdout.write(f"  [{program.category}] {program.title}")
        for metric in record.metrics:
            self.stdout.write(f"  {metric.text}\t{metric.value} {metric.unit} {metric.qualifier}\t"
                              f"{metric.indicator}\t{metric.region}")


def _dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
