"""Whether this is the `convenant` program's own process, started by `cli.main`.

What earlier runs stored on disk (the result cache, `uitslagcache`; the register's convenant
with its accessions and exits, `Register.convenant`) is used only there: a caller that imports
`convenant` in its own process (the tests, a script) may have changed the code it runs in ways
the keys of those stores do not see.
"""

EIGEN = False
