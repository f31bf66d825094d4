"""The offline renderer's rules (assets/offline/forms.js) refuse exactly what the server's
form engine refuses, with the same Vietnamese words (run in Node, no browser)."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from woms_pwa.core.forms.catalogue import BUILTIN_DIR
from woms_pwa.core.forms.definition import parse_definition
from woms_pwa.core.forms.offline_sync import CLIENT_MESSAGES
from woms_pwa.core.forms.validation import check_answers, visible_keys
from woms_pwa.core.messages import forms as msg

ROOT = Path(__file__).resolve().parents[3]
FORMS_JS = ROOT / "assets" / "offline" / "forms.js"
EVIDENCE = "a" * 64

CASES: dict[str, list[dict[str, Any]]] = {
    "phat_sinh": [
        {},
        {"title": "  Hỗ  trợ   bão ", "perspective": "service", "result": "Xong."},
        {"completion_pct": "150", "perspective": "zzz", "title": "x" * 301},
        {"completion_pct": "abc", "done_on": "31/02/2025", "evidence": "khong-phai-khoa"},
        {"completion_pct": "-1", "done_on": "12/09/2025", "evidence": EVIDENCE},
        {"completion_pct": "99,5%", "done_on": "2025-09-12", "result": " "},
    ],
    "sang_kien": [
        {"recognised": "co"},
        {"recognised": "khong", "decision": "Quyết định 12/QĐ"},
        {"recognised": "maybe", "saving_vnd": "1.500.000"},
        {"saving_vnd": "1,5"},
        {"saving_vnd": "12abc", "kind": "x", "scope": "y"},
        {"saving_vnd": "2500000đ"},
    ],
    "nang_luc": [
        {"skills": [{}]},
        {"skills": [{"description": "Soạn thảo văn bản"}]},
        {"skills": [{"skill": "Excel", "confirmed_by": "bad"}, {"skill": "Word"}]},
        {"certificates": [{"name": "A", "issued_on": "2025-13-01", "file": EVIDENCE}]},
        {"skills": [{"skill": f"Kỹ năng {i}"} for i in range(21)]},
        {"skills": "khong-phai-danh-sach"},
    ],
    "tu_danh_gia": [
        {"assessment_pct": "100,5", "contributions": "-3", "reminders": "1.234,5"},
        {"assessment_pct": "1.000", "study_pct": "0,5", "disciplined": "co"},
        {"trust_pct": "", "self_level": "khong-co"},
    ],
    "cap_nhat_thang": [
        {"confidence": "at_risk"},
        {"confidence": "on_track", "blocker_type": "capital", "value": "-5"},
        {"confidence": "off_track", "blocker_type": "nope", "value": "1.234,5"},
    ],
}

RUNNER = """
const vm = require("vm");
const fs = require("fs");
const [source, payload] = [fs.readFileSync(process.argv[1], "utf8"), JSON.parse(fs.readFileSync(0, "utf8"))];
const sandbox = {
  Intl, Math, Number, String, JSON, Object, Array, Set, Date, RegExp, Promise, console,
  document: { getElementById: () => null },
};
sandbox.self = sandbox;
sandbox.WomsOffline = {
  registerSender() {}, onRefresh() {}, clearPlan: async () => {}, onChange() {},
};
vm.createContext(sandbox);
vm.runInContext(source, sandbox);
const forms = sandbox.WomsForms;
forms.setMessages(payload.messages);
const out = payload.cases.map(([definition, answers]) => {
  const checked = forms.checkAnswers(definition, answers, {});
  const fields = definition.steps.flatMap((s) => s.fields);
  return { errors: checked.errors, visible: [...forms.visibleSet(fields, answers, {}, {})].sort() };
});
process.stdout.write(JSON.stringify(out));
"""


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("Node.js is required (the project's set-up installs it)")
    return found


def test_forms_js_refuses_what_the_engine_refuses(node: str) -> None:
    cases = []
    expected = []
    for code, answer_sets in CASES.items():
        spec = parse_definition((BUILTIN_DIR / f"{code}.json").read_text(encoding="utf-8"))
        definition = spec.model_dump(mode="json")
        for answers in answer_sets:
            cases.append([definition, answers])
            checked = check_answers(spec, answers)
            expected.append(
                {
                    "errors": [{"key": e.key, "message": e.message} for e in checked.errors],
                    "visible": sorted(visible_keys(spec, answers)),
                }
            )
    payload = {
        "messages": {name: getattr(msg, name) for name in CLIENT_MESSAGES},
        "cases": cases,
    }
    result = subprocess.run(
        [node, "-e", RUNNER, str(FORMS_JS)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    got = json.loads(result.stdout)
    assert len(got) == len(expected)
    for case, mine, theirs in zip(cases, got, expected, strict=True):
        assert mine == theirs, (case[0]["code"], case[1])
    # The cases do exercise the rules: most of them are refused, with several messages.
    assert sum(1 for e in expected if e["errors"]) >= 18
    assert len({m["message"] for e in expected for m in e["errors"]}) >= 15
