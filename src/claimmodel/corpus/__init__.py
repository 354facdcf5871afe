"""Many bundles at once: JSON Lines corpora read and written as streams.

This layer sits above the format, validation and analysis layers and uses only
the standard library beside them.
"""

from claimmodel.corpus._jsonl import CorpusLine, dump_lines, dumps_line, iter_lines, iter_load
from claimmodel.corpus._keep import for_corroboration
from claimmodel.model._repr import use_compact_reprs

__all__ = [
    "CorpusLine",
    "dump_lines",
    "dumps_line",
    "for_corroboration",
    "iter_lines",
    "iter_load",
]

use_compact_reprs(globals())  # reprs without the fields at their defaults
