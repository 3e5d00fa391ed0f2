"""Adding a signal is an edit to data only: the catalogue, the persona files and the population's
parameters. No code changes (a copy of the project gets one more signal and reads it)."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from tests.early import Early

ROOT = Path(__file__).resolve().parent.parent

SIGNAL = """
[signals.endorsements_received]
situation = 1
type = "count"
min = 0
max = 10000
unit = { fr = "validations", en = "endorsements" }
label = { fr = "Validations reçues", en = "Endorsements received" }
help = { fr = "Validations de compétences reçues.", en = "Skill endorsements received." }
phrase = { fr = "{value:Votre|Vos} {value} {value:validation|validations}", en = "Your {value} {value:endorsement|endorsements}" }
plural = true
actionable = false
action = { fr = "", en = "" }
"""
READING = """
[signals.endorsements_received]
direction = "none"
sources = ["E12"]   # endorsements show no effect
"""
RECRUITER_READING = """
[signals.endorsements_received]
direction = "up"
scale = "log"
from = 0
until = 50
expects = 0
weight = 0.2
sources = ["assumption"]
helps = { fr = "des validations montrent un réseau qui connaît votre travail", en = "endorsements show a network that knows your work" }
"""
POPULATION = """
[signals.endorsements_received]
distribution = "zero_lognormal"
p_zero = 0.4
median = 10
sigma = 1.0
loadings = { network = 0.5 }
source = "assumption"
"""


def _compare_with_a_signal_added() -> subprocess.CompletedProcess[str]:
    """`regards compare` run from a copy of the project whose data files alone gained a signal."""
    tmp_path = Path(tempfile.mkdtemp(prefix="regards-new-signal-"))
    atexit.register(shutil.rmtree, tmp_path, ignore_errors=True)
    for name in ("model", "cli", "words", "personas", "data"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "judgements", "golden"))
    (tmp_path / "model" / "catalogue.toml").write_text((ROOT / "model" / "catalogue.toml").read_text("utf-8") + SIGNAL, "utf-8")
    for persona in ("journalist", "peer"):
        path = tmp_path / "personas" / f"{persona}.toml"
        text = path.read_text("utf-8")
        path.write_text(text.replace("\n[signals.connections]", READING + "\n[signals.connections]", 1), "utf-8")
    recruiter = tmp_path / "personas" / "recruiter.toml"
    recruiter.write_text(
        recruiter.read_text("utf-8").replace("\n[signals.connections]", RECRUITER_READING + "\n[signals.connections]", 1), "utf-8"
    )
    population = tmp_path / "data" / "population.toml"
    population.write_text(
        population.read_text("utf-8").replace("\n[signals.connections]", POPULATION + "\n[signals.connections]", 1), "utf-8"
    )
    (tmp_path / "profile.json").write_text(json.dumps({"signals": {"connections": 300, "endorsements_received": 40}}), "utf-8")
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "REGARDS_PERSONAS_DIR")}
    return subprocess.run(
        [sys.executable, "-m", "cli", "compare", "profile.json", "--json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env=environment,
    )


COMPARED = Early(_compare_with_a_signal_added)


@pytest.mark.early(COMPARED)
def test_a_signal_added_to_the_data_is_read_by_every_reader():
    result = COMPARED.result()
    assert result.returncode == 0, result.stderr
    readings = {r["key"]: r for r in json.loads(result.stdout)["readings"]}
    assert readings["peer"]["contributions"]["endorsements_received"] == 0.0
    assert readings["recruiter"]["contributions"]["endorsements_received"] > 0.1
    assert any(
        r["signal"] == "endorsements_received" and "40 endorsements" in r["text"] for r in readings["recruiter"]["reasons"]
    )
