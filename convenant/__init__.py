"""convenant: the governance and decision rules of the ZVHD convenant as code."""

__version__ = "0.1.0"
