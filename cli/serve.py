"""`regards app`: the app, from a checkout or from the installed wheel, on a local port."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from cli.edges import whole_argument
from model.paths import ROOT
from words.i18n import Lang, t

APP = ROOT / "app.py"
"""The app's script: the checkout's, or the copy the wheel ships beside the data (with its pages
and its `.streamlit/config.toml`)."""


def register(commands: argparse._SubParsersAction[Any], lang: Lang) -> None:  # noqa: SLF001 - argparse's own type
    serve = commands.add_parser("app", help=t(lang, "cli_help_app"))
    serve.add_argument("--port", default="8501", help=t(lang, "cli_help_port"))
    serve.add_argument("--lang", choices=("fr", "en"), default="en", help=t(lang, "cli_help_messages_lang"))
    serve.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Replace this process with `streamlit run`, from the app's folder so that Streamlit reads
    the app's own configuration (no error details, no garbage collection after each rerun)."""
    port = whole_argument(args.port, "--port", 1, 65535)
    os.chdir(APP.parent)
    command = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port)]
    os.execv(sys.executable, command)
    return 0  # not reached: the process is Streamlit's now
