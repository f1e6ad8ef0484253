"""FollowTheMoney-safe ids: claimgraph ids escaped into what FtM's entity-reference type accepts.

FtM accepts `[0-9a-zA-Z.-]` only (registry.entity); `EntityProxy.add` silently drops a reference
that breaks it, so a gazetteer id such as `state_sy` used as-is loses every link to that actor
(issue 14). Every other character is written as `.` and two lowercase hex digits per UTF-8 byte,
`.` itself included: the mapping is reversible (`from_ftm_id`) and never maps two ids to one.
"""
from __future__ import annotations

import hashlib
import re

from followthemoney import registry
from followthemoney.util import ENTITY_ID_LEN

from ..errors import ClaimgraphError

ID_PREFIX = "cg"
_KEPT = re.compile(r"[0-9A-Za-z-]")
_ESCAPE = re.compile(r"\.([0-9a-f]{2})")
# A '.' followed by a non-hex letter never comes out of the escape: it marks a hashed id.
HASHED_MARK = ".h."


def escape_id(raw: str) -> str:
    """`raw` with every character outside [0-9A-Za-z-] written as `.xx` per UTF-8 byte."""
    return "".join(c if _KEPT.fullmatch(c) else "".join(f".{b:02x}" for b in c.encode("utf-8")) for c in raw)


def unescape_id(escaped: str) -> str:
    """The inverse of escape_id."""
    data = bytearray()
    position = 0
    for match in _ESCAPE.finditer(escaped):
        data += escaped[position:match.start()].encode("ascii")
        data.append(int(match.group(1), 16))
        position = match.end()
    data += escaped[position:].encode("ascii")
    return data.decode("utf-8")


def ftm_id(kind: str, raw: str) -> str:
    """The FtM id of a claimgraph record: `cg-<kind>-<escaped raw id>`.

    Args:
        kind: doc, entity or claim (a namespace, so a document and an entity never share an id).
        raw: the claimgraph id (document hash, entity id such as `state_sy`, claim group id).
    Raises:
        ClaimgraphError: when the result is still not a valid FtM id (an empty raw id).
    """
    value = f"{ID_PREFIX}-{kind}-{escape_id(raw)}"
    if len(value) > ENTITY_ID_LEN:  # FtM caps ids; a digest keeps very long ids distinct
        value = f"{ID_PREFIX}-{kind}-{HASHED_MARK}{hashlib.sha1(raw.encode('utf-8')).hexdigest()}"
    if not registry.entity.validate(value):
        raise ClaimgraphError(f"cannot make a FollowTheMoney id from {kind} id {raw!r}")
    return value


def from_ftm_id(value: str) -> tuple[str, str]:
    """(kind, claimgraph id) of an id made by ftm_id (not of a hashed one)."""
    prefix, kind, escaped = value.split("-", 2)
    if prefix != ID_PREFIX or escaped.startswith(HASHED_MARK):
        raise ValueError(f"{value!r} is not a reversible claimgraph FtM id")
    return kind, unescape_id(escaped)
