#!/usr/bin/env bash
# The wheel on its own: built, installed with its dependencies into a fresh environment (no
# checkout on the path, no editable hook, nothing borrowed), and its `regards compare --json`,
# run from an empty directory, must equal the checkout's; the app it ships (`regards app`) must open. A CI step (.ci/run); a minute or two,
# mostly pip installing the dependencies (from pip's cache when the set-up already fetched them).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test >/dev/null

work="$(mktemp -d /tmp/regards-wheel.XXXXXX)"
trap 'rm -rf "$work"' EXIT
.venv/bin/python -m pip wheel --quiet --no-deps --wheel-dir "$work/dist" .
.venv/bin/python -m venv "$work/env"
if ! "$work/env/bin/python" -m pip install --quiet --disable-pip-version-check "$work"/dist/regards-*.whl 2>"$work/pip.log"; then
  cat "$work/pip.log" >&2
  exit 1
fi

mkdir "$work/empty"
cp data/presets/comms_manager.json "$work/empty/profile.json"
(cd "$work/empty" && env -u PYTHONPATH -u REGARDS_PERSONAS_DIR "$work/env/bin/regards" compare profile.json --json) >"$work/installed.json"
(cd "$work/empty" && env -u PYTHONPATH -u REGARDS_PERSONAS_DIR "$work/env/bin/regards" personas --json) >"$work/personas.json"
.venv/bin/regards compare "$work/empty/profile.json" --json >"$work/checkout.json"
(cd "$work/empty" && env -u PYTHONPATH -u REGARDS_PERSONAS_DIR "$work/env/bin/python" -c '
import json
from streamlit.testing.v1 import AppTest
from cli.serve import APP
at = AppTest.from_file(str(APP), default_timeout=60).run()
assert not at.exception and not at.error and at.title, (at.exception, at.error)
print(json.dumps({"app": str(APP)}))' 2>/dev/null) >"$work/app.json"
.venv/bin/python - "$work" <<'PY'
import json
import sys
from pathlib import Path

work = Path(sys.argv[1])
installed, checkout = (json.loads((work / name).read_text("utf-8")) for name in ("installed.json", "checkout.json"))
assert installed == checkout, "the installed wheel's `regards compare --json` differs from the checkout's"
readers = [p["id"] for p in json.loads((work / "personas.json").read_text("utf-8"))["personas"]]
assert readers == ["journalist", "peer", "recruiter"], readers
app = json.loads((work / "app.json").read_text("utf-8"))["app"]
assert "site-packages" in app, app
print(f"wheel: installed with its dependencies in a fresh environment; regards compare --json equals the checkout's ({len(installed['readings'])} readings); the app it ships opens ({app})")
PY
