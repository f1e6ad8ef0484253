"""claimgraph: turn news reports into a sourced network of who does what to whom."""
from .model import Claim, Document, Entity, Evidence, Extraction, Mention

__version__ = "0.1.0"
__all__ = ["Claim", "Document", "Entity", "Evidence", "Extraction", "Mention", "__version__"]
