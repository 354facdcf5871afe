"""Other standards' formats: each a module behind its own optional extra, and the
registry of export/import formats that ``claimmodel export`` and ``import`` use.

Importing this package imports no third-party library: a format's module (such
as :mod:`claimmodel.interop.stix` or :mod:`claimmodel.interop.arrow`) is imported
when it is first used.
"""

from claimmodel.interop._registry import (
    Exporter,
    Format,
    Imported,
    Importer,
    export_bundle,
    formats,
    get_format,
    import_bundle,
    register_format,
)

__all__ = [
    "Exporter",
    "Format",
    "Imported",
    "Importer",
    "export_bundle",
    "formats",
    "get_format",
    "import_bundle",
    "register_format",
]
