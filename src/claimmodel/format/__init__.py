"""The wire format: JSON text and plain data to model objects and back.

This layer knows the model; the model does not know it.
"""

from claimmodel.format._codec import dump, dumps, from_data, json_schema, load, loads, to_data
from claimmodel.format._envelope import FORMAT_VERSION
from claimmodel.format._limits import Limits
from claimmodel.model._repr import use_compact_reprs

__all__ = [
    "FORMAT_VERSION",
    "Limits",
    "dump",
    "dumps",
    "from_data",
    "json_schema",
    "load",
    "loads",
    "to_data",
]

use_compact_reprs(globals())  # reprs without the fields at their defaults
