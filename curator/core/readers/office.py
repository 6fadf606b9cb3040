"""Word files: .doc, .wps and .rtf through LibreOffice when it is installed, then read as .docx.

LibreOffice converts in a temporary folder with a profile of its own (a running LibreOffice
window or a broken user profile cannot block it), within a time limit, killed with its
children on timeout. A ".doc" that is really a .docx or a web page (as some sites serve them)
is read as what it is.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from curator.core.readers.docx import read_docx
from curator.core.readers.limits import read_bounded
from curator.core.records import RawRecord

CONVERTED_SUFFIXES = (".doc", ".wps", ".rtf")
TIMEOUT_S = 60.0
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_INSTALL = "install it (Debian/Ubuntu: apt install libreoffice-writer-nogui; Windows, macOS: libreoffice.org)"
_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    "/opt/libreoffice/program/soffice",
)


def find_soffice() -> str | None:
    """LibreOffice's soffice on PATH or where its installers put it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return found or next((place for place in _PLACES if os.path.isfile(place)), None)


def read_office(path: Path, *, soffice: str | None = None, timeout: float = TIMEOUT_S) -> list[RawRecord]:
    """A .doc, .wps or .rtf file as one document, converted by LibreOffice; ValueError otherwise."""
    data = read_bounded(path)
    kind = path.suffix.lower() or ".doc"
    if not data.strip():
        raise ValueError("empty file")
    if data.startswith(b"PK\x03\x04"):
        return read_docx(path)
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<html", b"<!doctype", b"<?xml", b"mime-version", b"<meta")):
        from curator.core.readers.html import read_html

        return [read_html(data, name=path.name)]
    if not (data.startswith(_OLE) or head.startswith(b"{\\rtf")):
        raise ValueError(f"not a Word document (it does not start as a {kind} file does)")
    program = soffice or find_soffice()
    if program is None:
        raise ValueError(f"needs LibreOffice to read {kind} files: {_INSTALL}")
    with tempfile.TemporaryDirectory(prefix="curator-office-") as folder:
        work = Path(folder)
        source = work / f"input{kind}"  # a plain ASCII name: soffice mishandles some paths
        source.write_bytes(data)
        converted = convert_to_docx(program, source, work, timeout=timeout)
        return read_docx(converted)


def convert_to_docx(program: str, source: Path, work: Path, *, timeout: float) -> Path:
    """Run soffice --convert-to docx; the converted file, or ValueError (failed, timed out)."""
    profile = (work / "profile").as_uri()
    out = work / "out"
    out.mkdir()
    command = [program, f"-env:UserInstallation={profile}", "--headless", "--norestore", "--nologo",
               "--convert-to", "docx", "--outdir", str(out), str(source)]
    try:
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   **_own_group())
    except OSError as exc:
        raise ValueError(f"cannot start LibreOffice ({exc.strerror or exc})") from None
    try:
        _stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill(process)
        raise ValueError(f"LibreOffice took over {timeout:.0f} s to convert it; not read") from None
    result = out / (source.stem + ".docx")
    if process.returncode != 0 or not result.is_file():
        detail = stderr.decode("utf-8", "replace").strip().splitlines()
        raise ValueError("LibreOffice could not convert it" + (f" ({detail[-1][:200]})" if detail else ""))
    return result


def _own_group() -> dict:
    """Start soffice in its own process group, so a timeout kills soffice.bin as well."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP}
    return {"start_new_session": True}


def _kill(process: subprocess.Popen) -> None:
    if sys.platform == "win32":
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False)
    else:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass  # it ended on its own between the timeout and the kill
    process.communicate()
