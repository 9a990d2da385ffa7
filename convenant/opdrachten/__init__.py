"""One module per command; `cli.py` imports each only when its command runs."""

# The input files `convenant schema` describes; here so that the CLI can offer them without
# importing the models.
SCHEMASOORTEN = (
    "vergadering",
    "bezetting",
    "verdeelsleutel",
    "convenant",
    "begroting",
    "casus",
    "informatieverzoek",
    "toetreding",
    "opzegging",
    "addendum",
    "huisstijl",
)
