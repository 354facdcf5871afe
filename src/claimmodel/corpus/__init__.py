"""Many bundles at once: JSON Lines corpora read and written as streams, and merged
across documents whose local ids collide.

This layer sits above the format, validation and analysis layers and uses only
the standard library beside them.
"""

from claimmodel.corpus._jsonl import CorpusLine, dump_lines, dumps_line, iter_lines, iter_load
from claimmodel.corpus._keep import for_corroboration
from claimmodel.corpus._merge import Conflict, CorpusMerge, ItemOrigin, merge_corpus
from claimmodel.model._repr import use_compact_reprs

__all__ = [
    "Conflict",
    "CorpusLine",
    "CorpusMerge",
    "ItemOrigin",
    "dump_lines",
    "dumps_line",
    "for_corroboration",
    "iter_lines",
    "iter_load",
    "merge_corpus",
]

use_compact_reprs(globals())  # reprs without the fields at their defaults
