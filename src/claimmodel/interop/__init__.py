"""Other standards' formats, each a module behind its own optional extra.

Importing this package imports no third-party library: a format's module (such
as :mod:`claimmodel.interop.arrow`) is imported when it is first used.
"""
