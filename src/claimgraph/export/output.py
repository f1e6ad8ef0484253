"""Every export is written whole and valid, or not at all (#13).

A writer (export/jsonexport.py, ftm.py, graph.py, csv.py, report.py) writes to a temporary path
beside the target; the result is parsed back as its format (JSON, JSON lines, XML, CSV), and only
then moved into place, in one rename. A failure anywhere (a missing folder, a full disk, text a
format cannot hold) leaves the target as it was, with no partial or 0-byte file, and becomes one
ExportError line that names the target.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from ..errors import ClaimgraphError, ExportError

Writer = Callable[[Path], dict[str, int]]


def write_export(write: Writer, out: str | Path, *, kind: str) -> dict[str, int]:
    """Run `write(temporary path)`, check the result is valid `kind`, move it to `out`; returns its counts.

    Args:
        write: writes the export to the path it is given, returns counts for the CLI.
        out: the target file (or folder, for csv without .zip).
        kind: json | ftm | graphml | gexf | csv | html: what the result is checked as.
    """
    out = Path(out)
    _check_target(out, kind)
    temporary = out.parent / f".{out.stem}.partial-{os.getpid()}{out.suffix}"
    try:
        counts = write(temporary)
        _check_valid(temporary, kind)
        _move_into_place(temporary, out)
    except ClaimgraphError as err:
        _remove(temporary)
        raise ExportError(f"{out}: {_strip_path(str(err), temporary)}") from err
    except (OSError, ValueError, ElementTree.ParseError, csv.Error, zipfile.BadZipFile) as err:
        _remove(temporary)
        raise ExportError(f"{out}: cannot write the {kind} export ({_describe(err, temporary)}); "
                          "nothing was written") from err
    return counts


def _check_target(out: Path, kind: str) -> None:
    folder = out.parent
    if not folder.is_dir():
        raise ExportError(f"{out}: no such folder {folder}; create it first")
    if not os.access(folder, os.W_OK):
        raise ExportError(f"{out}: the folder {folder} is not writable")
    is_folder_export = kind == "csv" and out.suffix.lower() != ".zip"
    if out.is_dir() and not is_folder_export:
        raise ExportError(f"{out} is a folder; give a file name")
    if out.exists() and not out.is_dir() and is_folder_export:
        raise ExportError(f"{out} is a file; the csv export writes a folder (or name it .zip)")


def _check_valid(path: Path, kind: str) -> None:
    """Raise ValueError (or a parser's error) unless `path` parses as `kind`."""
    if kind == "json":
        with open(path, encoding="utf-8") as handle:
            json.load(handle)
    elif kind == "ftm":
        with open(path, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if not isinstance(json.loads(line), dict):
                    raise ValueError(f"line {number} is not a JSON object")
    elif kind in ("graphml", "gexf"):
        ElementTree.parse(path)  # our own output: no external entities to fear
    elif kind == "csv":
        for name, text in _csv_files(path):
            rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
            widths = {len(row) for row in rows}
            if len(widths) > 1:
                raise ValueError(f"{name}: rows of {sorted(widths)} columns")


def _csv_files(path: Path) -> list[tuple[str, str]]:
    if path.is_dir():
        return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.csv"))]
    with zipfile.ZipFile(path) as archive:
        return [(name, archive.read(name).decode("utf-8")) for name in archive.namelist()]


def _move_into_place(temporary: Path, out: Path) -> None:
    if temporary.is_dir() and out.is_dir():  # a csv folder replaces the old one whole
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        os.replace(out, old)
        os.replace(temporary, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(temporary, out)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _describe(err: BaseException, temporary: Path) -> str:
    if isinstance(err, OSError) and err.strerror:
        return err.strerror
    return _strip_path(" ".join(str(err).split()) or type(err).__name__, temporary)


def _strip_path(message: str, temporary: Path) -> str:
    """A message without the temporary path: the analyst only knows the target."""
    return message.replace(f"{temporary}: ", "").replace(str(temporary), "the export")
