"""A second floor for bench/run.py: the least any CLI that validates input with pydantic pays.

`python -c "import click, pydantic, yaml"` imports pydantic lazily and never loads its model
machinery; defining and validating a single model does.
"""

import click  # noqa: F401
import yaml  # noqa: F401
from pydantic import BaseModel


class M(BaseModel):
    a: int


M.model_validate({"a": 1})
