"""claim provenance and mention actor kind: which rule or model read each claim, with its score;
what each mention denotes (named, generic force, civilians, title-only role, ...)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 11:00:00

Rows stored before this revision get an empty provenance and the kind "named"; the extractor
version moved to 2, so the next build extracts every stored document again.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('claims') as batch:
        batch.add_column(sa.Column('provenance', sa.JSON(), nullable=False, server_default='{}'))
    with op.batch_alter_table('mentions') as batch:
        batch.add_column(sa.Column('actor_kind', sa.String(length=16), nullable=False, server_default='named'))


def downgrade() -> None:
    with op.batch_alter_table('mentions') as batch:
        batch.drop_column('actor_kind')
    with op.batch_alter_table('claims') as batch:
        batch.drop_column('provenance')
