"""A parse that runs out of memory fails as too_large, and the process goes on to the next document.

Each test runs the pipeline in a child process under a real RLIMIT_DATA, as a worker's pool child
runs it (FUPIN_PARSE_MEMORY_LIMIT_MB), so that running out of memory disturbs nothing else here.
"""

import json
import subprocess
import sys
from pathlib import Path

from bulletins.pipeline import OUT_OF_MEMORY
from bulletins.pipeline.errors import FailureCode

ROOT = Path(__file__).resolve().parents[3]

# Parses a small bulletin (loading what every parse needs), caps data memory at what is in use plus
# 40 MB, parses a 1.7-million-character bulletin of figures (some 90 MB more), then the small one again.
CHILD = """
import json, resource, sys
sys.path.insert(0, ".")
from bulletins.pipeline import ParseError, parse_document

small = "某县扶贫简报第1期\\n\\n全县减少贫困人口1.2万人，实施产业项目35个。\\n".encode()
line = "某县第{i}批扶贫项目：整合资金{i}万元，带动贫困户{i}户、贫困人口{i}人，新建茶园{i}亩。"
large = ("某县扶贫简报\\n\\n" + "\\n".join(line.format(i=i) for i in range(1, 30001))).encode()
parse_document(small, "small.txt")
in_use = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmData:")) * 1024
resource.setrlimit(resource.RLIMIT_DATA, (in_use + 40 * 1024 * 1024, resource.RLIM_INFINITY))
try:
    parse_document(large, "large.txt")
    outcome = {"code": "parsed"}
except ParseError as error:
    outcome = {"code": error.code, "message": error.message}
outcome["next"] = len(parse_document(small, "small.txt").metrics)
print(json.dumps(outcome))
"""


def test_a_parse_out_of_memory_fails_as_too_large_and_the_process_parses_the_next_document():
    finished = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr[-3000:]
    outcome = json.loads(finished.stdout.strip().splitlines()[-1])
    assert (outcome["code"], outcome["message"]) == (FailureCode.TOO_LARGE, OUT_OF_MEMORY)
    assert "原文件已保存" in outcome["message"]
    assert outcome["next"] == 2  # both figures of the small bulletin
