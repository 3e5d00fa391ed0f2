"""Uploads stay in memory: no byte of an uploaded file is ever written to disk by the web server.

Streamlit (1.67) receives an upload on its Starlette route `PUT /_stcore/upload_file/...`,
which parses the multipart body with `request.form()`. Starlette's `MultiPartParser` keeps each
file part in a `SpooledTemporaryFile(max_size=MultiPartParser.spool_max_size)`: 1 MB by
default, beyond which the file rolls over to an anonymous file in the temporary directory
(an `O_TMPFILE` on Linux) and the rest of the bytes go there. Streamlit has no setting for it.

Streamlit's route already stops reading a body larger than `server.maxUploadSize` plus 1 MB
of multipart framing, so a spool limit at or above that cap means a file part can never roll
over: the upload stays in memory, bounded exactly as before. `tests/test_upload_privacy.py`
checks it end to end (a 5 MB archive through Chromium, the server under strace).
"""

from __future__ import annotations

from starlette.formparsers import MultiPartParser
from streamlit import config

MB = 1024 * 1024
FRAMING = 1 * MB  # Streamlit's allowance for multipart framing above server.maxUploadSize (its streaming cap)


def keep_uploads_in_memory() -> int:
    """Raise Starlette's spool limit above the largest body Streamlit accepts; returns the limit.

    Idempotent (every rerun of the app calls it; only the first changes anything), and it runs
    at the top of the app script, so before any session can show an uploader.
    """
    current = getattr(MultiPartParser, "spool_max_size", None)
    if not isinstance(current, int):
        # Fail closed: without this attribute an upload over 1 MB would reach the disk again.
        raise RuntimeError(
            "starlette.formparsers.MultiPartParser.spool_max_size is gone: uploads would be spooled to disk; "
            "see ui/privacy.py and the README's Privacy section"
        )
    limit = max(current, int(config.get_option("server.maxUploadSize")) * MB + FRAMING)
    MultiPartParser.spool_max_size = limit
    return limit
