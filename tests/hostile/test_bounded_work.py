"""Every bomb in the hostile corpus is refused by its own limit, within half a worker's memory ceiling.

Each file is parsed by the pure pipeline in a child process whose data memory (RLIMIT_DATA) is capped
at 512 MB, half the default FUPIN_PARSE_MEMORY_LIMIT_MB: the refusal must come from the limit meant
for it, never from running out of memory. Times are measured, not asserted: benchmarks/hostile_peak.py.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FILES = Path(__file__).resolve().parent / "files"
CEILING_MB = 512

# file → (failure code, words of the message that name the limit)
BOMBS = {
    "empty_paragraphs.docx": ("too_large", "word/document.xml 解压后 95 MB，超过上限（32 MB）"),
    "many_empty_paragraphs.docx": ("too_large", "段落和表格行超过 200000 个"),
    "many_tiny_runs.docx": ("too_large", "正文超过 2000000 个字符"),
    "empty_runs.docx": ("too_large", "超过 3000000 个 XML 元素"),
    "lying_sizes.docx": ("corrupt_docx", "已损坏"),
    "bzip2_bomb.docx": ("corrupt_docx", "压缩方式"),
    "pdf_deflate_bomb.pdf": ("too_large", "解压后超过 256 MB 的上限"),
}

CHILD = """
import json, resource, sys
sys.path.insert(0, ".")
from bulletins.pipeline import ParseError, parse_document

path, ceiling = sys.argv[1], int(sys.argv[2]) * 1024 * 1024
parse_document("某县扶贫简报\\n\\n全县减少贫困人口1.2万人。\\n".encode(), "warm-up.txt")
resource.setrlimit(resource.RLIMIT_DATA, (ceiling, resource.RLIM_INFINITY))
try:
    parse_document(open(path, "rb").read(), path.rsplit("/", 1)[-1])
    print(json.dumps({"code": "parsed", "message": ""}))
except ParseError as error:
    print(json.dumps({"code": error.code, "message": error.message}))
"""


@pytest.mark.parametrize(("name", "code", "words"), [(name, *expected) for name, expected in BOMBS.items()])
def test_a_bomb_is_refused_by_its_limit_within_the_memory_ceiling(name, code, words):
    finished = subprocess.run([sys.executable, "-c", CHILD, str(FILES / name), str(CEILING_MB)], cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr[-3000:]
    outcome = json.loads(finished.stdout.strip().splitlines()[-1])
    assert outcome["code"] == code, outcome
    assert words in outcome["message"]

