"""Regenerate docs/cli.md from the CLI's own --help texts: `python scripts/make_cli_docs.py`."""
from __future__ import annotations

from pathlib import Path

import typer.main
from click import Context

from claimgraph.cli import app

OUT = Path(__file__).resolve().parents[1] / "docs" / "cli.md"


def render_cli_docs() -> str:
    group = typer.main.get_command(app)
    parts = ["# Command line reference", "",
             "Generated from `claimgraph COMMAND --help` by `scripts/make_cli_docs.py`; "
             "`tests/test_docs.py` fails when it is stale.", ""]
    with Context(group, info_name="claimgraph", terminal_width=100) as root:
        for name in group.list_commands(root):
            command = group.get_command(root, name)
            with Context(command, info_name=name, parent=root, terminal_width=100) as ctx:
                # Rich's boxes vary with the terminal; click's formatter gives stable plain text.
                formatter = ctx.make_formatter()
                command.format_usage(ctx, formatter)
                formatter.write_paragraph()
                formatter.write_text(command.help or "")
                options = [p.get_help_record(ctx) for p in command.get_params(ctx)]
                rows = [r for r in options if r]
                if rows:
                    with formatter.section("Options"):
                        formatter.write_dl(rows)
                parts += [f"## `claimgraph {name}`", "", "```text", formatter.getvalue().rstrip(), "```", ""]
    return "\n".join(parts)


if __name__ == "__main__":
    OUT.write_text(render_cli_docs(), encoding="utf-8")
    print(f"wrote {OUT}")
