"""What route functions share: the workbench of the running app."""
from __future__ import annotations

from fastapi import Request

from ..app import Workbench


def get_workbench(request: Request) -> Workbench:
    return request.app.state.workbench
