"""document signatures and store state: stored MinHash signatures and LSH band keys for
near-duplicate lookup; what the derived graph was last built from

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 18:10:00

Documents stored before this revision have no signature yet; the next build computes
theirs from the stored text, once (pipeline.sign_stored_documents).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('document_signatures',
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id')
    )
    op.create_table('store_state',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('document_bands',
    sa.Column('bucket', sa.BigInteger(), nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('bucket', 'document_id')
    )


def downgrade() -> None:
    op.drop_table('document_bands')
    op.drop_table('store_state')
    op.drop_table('document_signatures')
